# document() on a file inside templates/ that is a symbolic link to one
# outside: refused like the file it points to.
kind=stylesheet
status=3
