# XInclude in an XML position: the secret file must never be included, and
# the elements, which position.rng does not allow, are errors.
kind=convert
