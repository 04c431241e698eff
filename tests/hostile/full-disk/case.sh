# A build whose output does not fit on its file system (a 200 KiB tmpfs;
# skipped where mounting is not allowed): exit 3, one message, the
# previous out/ unchanged, no staging folder left.
kind=special
status=3
