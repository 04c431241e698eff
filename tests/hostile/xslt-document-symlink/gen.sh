ln -s ../secret.xml tpl/link.xml
