# Links that lead nowhere: positions/pos.md to a file that does not
# exist, positions/loop.md to itself, references.xml and a sheet of an
# organization folder dangling, and positions/far.md out of the input
# folder. Each is refused once, with its own reason.
kind=build
status=1
