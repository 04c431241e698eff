rm IN/positions/pos.md
ln -s ../texts/none.md IN/positions/pos.md
ln -s loop.md IN/positions/loop.md
ln -s ../../secret.txt IN/positions/far.md
ln -s nowhere.xml IN/references.xml
mkdir IN/orgs/sheets
printf 'field,value\nname,Sheets\nsource,Made up.\n' >IN/orgs/sheets/organization.csv
ln -s gone.csv IN/orgs/sheets/staff.csv
