# An escape byte (a terminal control sequence) inside a name.
kind=build
status=1
