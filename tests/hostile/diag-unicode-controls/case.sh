# A figure reference holding C1 controls, DEL, the line and paragraph
# separators and every bidirectional control: the message shows each as
# an escape, so none can reorder or break the line on a terminal.
kind=build
status=1
