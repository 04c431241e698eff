# A packet title of 100,000 characters, every tenth a quote, '<', '>',
# '&' or a backslash: the printed page's running head, a CSS string,
# escapes each one where the escaping once recursed per character, past
# libxslt's depth limit; and a link of 100,000 characters, every tenth a
# '%' that starts no escape, which the DocBook mends to "%25" (by halves
# too). The build succeeds, the files are sound, and the head and the
# link begin as expect.out shows (each holds the whole value: checked by
# hand, 122,000 and 120,019 characters).
kind=build
status=0
sound=1
limit=60
show='@top-left \{ content: "(Peer note(\\"|\\3c |\\3e |\\26 |\\\\)){5}|href="http://example.org/(a%25zb-c_d\.e){3}'
