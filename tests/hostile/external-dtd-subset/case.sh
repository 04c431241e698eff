# An XML position that names the DocBook 4.5 DTD on the network.
kind=convert
