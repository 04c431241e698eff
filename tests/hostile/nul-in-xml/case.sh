# A NUL byte inside a name: one error at the byte, nothing after it.
kind=build
status=1
