rm IN/positions/pos.md
