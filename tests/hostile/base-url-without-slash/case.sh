# base-url written without its trailing slash: every absolute link of the
# feed, the sitemap and the pages (expect.out, each with its count) lies
# under it, none glued to the packet's id.
kind=special
status=0
