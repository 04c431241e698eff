# Command-line values quoted in messages (explain NAME, --packet, --as-of,
# -j, -i, -t, --max-input-size, --format, an unknown option, a file to
# convert, help COMMAND, an unknown command, and the folder init makes,
# which it names on standard output): each shown escaped, never sent
# raw to the terminal.
kind=special
status=0
