# A 50,000-character element name in an organization: reported at the
# element, with the name cut to 64 characters and "...".
kind=build
status=1
