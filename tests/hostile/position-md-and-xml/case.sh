# positions/a.md and positions/a.xml would both be the position "a".
kind=build
status=1
