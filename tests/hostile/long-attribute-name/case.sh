# A 50,000-character attribute name on <name>: reported at its value, with
# the name cut to 64 characters and "...".
kind=build
status=1
