# A declaration of UTF-16 on a file in UTF-8.
kind=build
status=1
