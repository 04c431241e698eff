# Bytes that are not UTF-8 in a file that says it is.
kind=build
status=1
