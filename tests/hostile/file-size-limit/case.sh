# A build whose packet page is larger than the file-size limit (ulimit -f
# 40, with SIGXFSZ ignored): the write fails as on a full disk, with no
# mount and as any user: exit 3, one message, the previous out/
# unchanged, no staging folder left.
kind=special
status=3
