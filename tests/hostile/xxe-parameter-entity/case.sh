# A packet whose internal subset pulls in a secret file as a parameter entity.
kind=build
status=1
