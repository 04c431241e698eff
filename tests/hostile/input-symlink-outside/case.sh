# positions/pos.md is a symbolic link to a file outside the input folder
# (git keeps symbolic links, so a contributor can commit one): refused, as
# the output folder is, and its text is published nowhere.
kind=build
status=1
