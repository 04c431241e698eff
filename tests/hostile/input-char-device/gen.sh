rm IN/peerbrief.xml
mknod IN/peerbrief.xml c 1 5
mknod IN/references.xml c 1 5
mknod IN/orgs/zero.xml c 1 5
mkdir IN/orgs/sheets
printf 'name,source\nSheets (fictional),Fictional test data.\n' >IN/orgs/sheets/organization.csv
mknod IN/orgs/sheets/programs.csv c 1 3
mknod IN/packets/zero.xml c 1 5
mknod IN/positions/zero.md c 1 5
mknod IN/positions/null.xml c 1 3
mknod IN/positions/block.md b 7 0
