printf -- '---\ntitle: x\n---\nx\n' >"IN/positions/$(printf 'a\342\200\256dm.\377x')".md
