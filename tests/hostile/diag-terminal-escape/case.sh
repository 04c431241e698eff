# A file name holding a terminal escape sequence: the message shows it
# escaped, never sends it to the terminal.
kind=build
status=1
