rm IN/orgs/acme.xml IN/positions/pos.md
