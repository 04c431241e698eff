# An XML position with an event handler and an XHTML script element: both
# refused by position.rng, each once, at its own line and column.
kind=convert
