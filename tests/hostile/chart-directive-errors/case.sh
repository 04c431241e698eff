# Chart directives that name no chart or an unknown one, in a Markdown
# position and in an XML position (where a missing name was a schema
# message, "invalid value '' in <directive>", at the line after): each
# is one message at its own directive, with the nearest chart names.
kind=build
status=1
