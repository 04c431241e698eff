# A NUL byte in a front matter value: an error at the byte itself.
kind=convert
