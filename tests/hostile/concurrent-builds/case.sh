# Two builds of different inputs into one out/, started together, five
# times: both succeed, and out/ is always exactly one of them, with no
# staging folder left. A build that finds the lock taken waits for it.
kind=special
status=0
limit=60
