# Builds killed (SIGKILL) at 0 to 300 ms: out/ is always either the whole
# previous build or the whole new one, and a later build succeeds, leaving
# no staging folder.
kind=special
status=0
