printf -- '---\ntitle: x\n---\nx\n' >"IN/positions/$(printf 'x\033]0;pwned\007\033[2J')".md
