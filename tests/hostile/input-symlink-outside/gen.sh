printf -- '---\ntitle: Private notes\n---\nPB-SECRET-7f3a9c\n' >private.md
rm IN/positions/pos.md
ln -s ../../private.md IN/positions/pos.md
