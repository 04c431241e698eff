# A UTF-8 byte order mark before a declaration of ISO-8859-1. The mark wins
# (as in libxml2 and browsers): the name reads "Acme é", not "Acme Ã©".
kind=build
status=0
expect_out='Acme é'
