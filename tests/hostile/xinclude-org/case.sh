# XInclude in an organization's name: refused by the schema, not expanded.
kind=build
status=1
