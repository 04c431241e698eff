# A value holding a line feed must not forge a second diagnostic line:
# control characters in messages are shown escaped.
kind=build
status=1
