# An organization with markup and values its schema refuses: each error at
# its own line and column.
kind=build
status=1
