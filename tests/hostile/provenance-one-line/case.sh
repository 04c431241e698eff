# Programs and staff members written several to a line: explain and the
# appendix give each value its own line and column (expect.out holds
# explain's output), not those of the last element on the line.
kind=special
status=0
