# Tab, line feed and carriage return inside "javascript:" (browsers drop
# them from URLs): refused by position.rng (xsd:anyURI), one error per
# link at its value, the control characters shown escaped.
kind=convert
