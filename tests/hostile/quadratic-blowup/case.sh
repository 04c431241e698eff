# One 20,000-character entity referenced 20,000 times (400 MB expanded).
kind=build
status=1
limit=5
