# out/ is a symbolic link to another folder: refused, nothing written
# through it (and nothing beside it).
kind=special
status=3
