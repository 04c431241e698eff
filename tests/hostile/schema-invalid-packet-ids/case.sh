# Ids that climb out of their folders: both refused by the schema, each at
# its own element (not only the first).
kind=build
status=1
