# Chart directives that name no chart or an unknown one, in a Markdown
# position and in XML positions (the unknown one second on its line):
# each is one message at its own directive, with the nearest chart names.
kind=build
status=1
