# A DOCTYPE after a comment that mentions one: the error points at the
# DOCTYPE, not into the comment.
kind=convert
