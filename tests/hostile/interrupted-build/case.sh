# Builds killed (SIGKILL) at 10 to 300 ms: out/ is always either the whole
# previous build or the whole new one. Then, out/ up to date but a killed
# build's staging folder left beside it: the next build succeeds and
# removes that folder.
kind=special
status=0
