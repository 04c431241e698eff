#!/bin/sh
# hugo.sh IN SITE - writes a Hugo site at SITE that renders the positions of
# the benchmark input folder IN (gen.sh) as pages: the same Markdown bodies,
# the front matter converted (summary becomes description, the rest is kept),
# one minimal layout and no theme. The site keeps what peerbrief also writes
# (a page per document, a home page listing them, one feed) and turns off
# what it does not: taxonomies, section pages, sitemap, robots.txt, the 404
# page, syntax highlighting, heading ids, and the Markdown extensions beyond
# CommonMark (typographer, linkify, tables, footnotes and the rest).
set -eu
in=$1
site=$2
rm -rf "$site"
mkdir -p "$site/content" "$site/layouts/_default"
cat >"$site/config.toml" <<'TOML'
baseURL = "https://example.org/"
title = "Benchmark series"
languageCode = "en"
disableKinds = ["taxonomy", "term", "section", "sitemap", "robotsTXT", "404"]
disableHugoGeneratorInject = true
buildFuture = true
[outputs]
  home = ["HTML", "RSS"]
  page = ["HTML"]
[markup]
  defaultMarkdownHandler = "goldmark"
  [markup.highlight]
    codeFences = false
  [markup.goldmark.parser]
    autoHeadingID = false
  [markup.goldmark.extensions]
    definitionList = false
    footnote = false
    linkify = false
    strikethrough = false
    table = false
    taskList = false
    typographer = false
TOML
cat >"$site/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>
<article>
<h1>{{ .Title }}</h1>
<p>{{ delimit .Params.authors ", " }}, {{ .Date.Format "January 2, 2006" }}</p>
<p>{{ .Description }}</p>
{{ .Content }}
</article>
</body>
</html>
HTML
cat >"$site/layouts/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body>
<h1>{{ .Site.Title }}</h1>
<ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>: {{ .Description }}</li>
{{ end }}</ul>
</body>
</html>
HTML
cat >"$site/layouts/index.rss.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link>
{{ range .Site.RegularPages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate><description>{{ .Description }}</description></item>
{{ end }}</channel></rss>
XML
# One awk for every file (10,000 processes would take longer than Hugo).
awk -v dir="$site/content" '
FNR == 1 {
	if (out != "")
		close(out)
	n = split(FILENAME, part, "/")
	out = dir "/" part[n]
	fm = 0
	if ($0 == "---") { fm = 1; print > out; next }
}
fm && $0 == "---" { fm = 0; print > out; next }
fm && /^summary:/ { sub(/^summary:/, "description:") }
{ print > out }' "$in"/positions/*.md
