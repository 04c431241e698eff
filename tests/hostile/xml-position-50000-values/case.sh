# An XML position with 50,000 pb:value references, five to a line (2 MB,
# read with --max-input-size 0): read and checked in time that grows with
# its size, each reference reported at its own line and column.
kind=special
status=1
limit=30
