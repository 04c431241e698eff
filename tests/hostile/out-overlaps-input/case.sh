# -o the input folder, inside it, holding it, or reaching it through a
# symbolic link, and -o holding the templates folder: each a usage error
# (exit 2) that touches nothing.
kind=special
status=0
