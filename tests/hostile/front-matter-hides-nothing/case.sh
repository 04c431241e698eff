# A bad front-matter date hides nothing: the body's unknown figure and
# citation are reported too, in the position two packets include (each
# message once, not once per packet) and in one no packet includes.
kind=build
status=1
