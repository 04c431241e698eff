# A position file whose name is not an id.
kind=build
status=1
