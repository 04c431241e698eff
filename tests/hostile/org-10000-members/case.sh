# An organization with 10,000 staff members, four to a line (1.2 MB): read,
# checked and built in time that grows with its size (each value's
# position is looked up, never searched for from the start of the file).
# One certification before its hire date, on the last line, is reported
# at its own column.
kind=build
status=1
limit=20
