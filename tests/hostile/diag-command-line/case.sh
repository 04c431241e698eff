# Command-line values quoted in messages (explain NAME, --packet, --as-of,
# -j, -i): each shown escaped, never sent raw to the terminal.
kind=special
status=0
