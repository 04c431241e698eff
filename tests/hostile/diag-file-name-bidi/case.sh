# A file name holding a right-to-left override and a stray byte that is
# not UTF-8: the message shows both escaped.
kind=build
status=1
