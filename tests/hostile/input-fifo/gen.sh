rm IN/positions/pos.md
mkfifo IN/positions/pos.md
