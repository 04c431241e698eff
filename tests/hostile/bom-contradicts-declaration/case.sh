# A UTF-8 byte order mark before a declaration of ISO-8859-1: libxml2 goes
# by the declaration and "Acme é" would be published as "Acme Ã©". The two
# contradict each other, a fatal error in XML 1.0 (4.3.3): refused.
kind=build
status=1
