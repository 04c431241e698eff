# An XML position with 50,000 elements, each of a prefix no xmlns:
# declares, five to a line (600 kB, read with --max-input-size 0): each
# prefix said once, at its element's "<", in time that grows with the
# file's size (each place counted on from the one before).
kind=special
status=1
limit=30
