# Writes IN/orgs/acme.xml: one program and 10,000 members, four to a line;
# member 9999 is certified before it was hired.
sh "$(dirname "$0")/../../tools/gen-org.sh" IN/orgs/acme.xml 10000 0.10 9999
