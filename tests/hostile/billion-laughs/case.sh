# Ten levels of entities, each ten times the one below: 10^9 "lol"s.
kind=build
status=1
limit=5
