# An input that becomes a link, a link retargeted, made dangling or a
# loop, pointed out of the input folder, a file replaced by a FIFO, a
# socket, a device (as root) or a folder: after each change an incremental build gives
# exactly what a fresh build gives (the same exit status and messages,
# and the same out/ when it succeeds).
kind=special
status=0
limit=60
