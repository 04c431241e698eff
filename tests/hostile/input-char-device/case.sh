# Devices, made with mknod inside the input folder (so no link leads out
# of it), in every place the build reads a file: character devices with
# /dev/zero's and /dev/null's numbers as the project file, the
# references, an organization (XML, and a sheet of an organization
# folder), a packet and two positions, and a block device (/dev/loop0's)
# as a third. None is opened for reading; each is refused at the file,
# once. (mknod needs root: as root the case must run.)
kind=special
status=1
limit=5
