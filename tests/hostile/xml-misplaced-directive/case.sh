# pb:directive where only inline markup may stand, after a pb:value and
# inside an emphasis: each is one message at the directive, with no
# follow-on about its sibling or its parents.
kind=build
status=1
