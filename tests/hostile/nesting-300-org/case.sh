# 300 nested elements in an organization, past libxml2's limit of 256.
kind=build
status=1
