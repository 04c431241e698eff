# orgs/acme.xml is a named pipe and positions/zero.md a symbolic link to
# /dev/zero, a character device: neither is read (the pipe would wait
# forever, the device fill memory); each is refused at the file, once.
kind=build
status=1
limit=5
