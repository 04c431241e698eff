# positions/pos.md is a named pipe: reading it would wait forever (a
# symbolic link to /dev/zero would fill memory instead). Only regular
# files are read.
kind=build
status=1
limit=5
