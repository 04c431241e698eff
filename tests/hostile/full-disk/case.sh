# A build whose output does not fit on its file system (a 200 KiB tmpfs;
# mounting needs root, and as root a refused mount fails the case): exit
# 3, one message, the previous out/ unchanged, no staging folder left.
kind=special
status=3
