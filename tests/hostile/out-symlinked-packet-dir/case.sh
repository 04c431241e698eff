# A previous out/ whose packet folder was replaced by a symbolic link to a
# folder of secrets, then an input changed that the packet does not use.
# The build must not copy or link anything through the symbolic link.
kind=special
status=0
