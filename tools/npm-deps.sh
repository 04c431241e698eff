#!/bin/sh
# npm-deps.sh - installs the Node packages of package-lock.json (the tools
# of tests/browser.sh: vnu-jar, axe-core, playwright-core) into
# node_modules/ when it is missing or older than package-lock.json.
# --ignore-scripts: no package here needs an install script, and vnu-jar's
# would download a Java runtime from outside the npm registry (the
# machine's Java is used instead). Playwright's browsers are never
# downloaded: the tests use Debian's chromium.
set -eu
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
	echo "npm-deps.sh: npm is missing; run ./tools/deps.sh browser first" >&2
	exit 1
fi
# npm ci writes node_modules/.package-lock.json last.
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ -z "$(find package-lock.json -newer "$stamp")" ]; then
	exit 0
fi
echo "Installing the Node packages of package-lock.json"
npm ci --no-audit --no-fund --ignore-scripts
touch "$stamp"
