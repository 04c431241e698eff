rm IN/orgs/acme.xml
mkfifo IN/orgs/acme.xml
ln -s /dev/zero IN/positions/zero.md
