# An organization whose name is an external entity naming a secret file.
kind=build
status=1
