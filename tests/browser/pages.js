#!/usr/bin/env node
// pages.js OUT WORK - the checks of tests/browser.sh that need a browser.
//
// Every HTML file under OUT is opened in one headless Debian Chromium (one
// launch for the whole run, fresh temporary profile) and checked for:
//   - axe-core: no violation of WCAG 2.0/2.1 A and AA or best practice;
//   - no JavaScript needed: with JavaScript disabled the page renders the
//     same h1/h2 headings, visible, as with it;
//   - nothing fetched: the only request the page makes, in any of the
//     contexts below (screen, no script, print), is for its own file://
//     URL (data: URLs are part of the file, so they are allowed).
// Each packet page (OUT/ID/index.html) is also printed to WORK/ID.pdf on US
// Letter, and the PDF is checked for:
//   - US Letter pages (pdfinfo);
//   - the at-a-glance section (#at-a-glance) is exactly page 1: it starts
//     and ends on page 1 and what follows it starts on page 2;
//   - no table row is split across two pages;
//   - no heading (h2 to h4) is alone at the foot of a page: a marker at
//     its foot and one at the top of the element after it are on the same
//     page;
//   - the running heads and feet (pdftotext): every page after the first
//     reads "N of M" and the packet's URL (its canonical link), the first
//     page reads neither "1 of M" but names the publisher ("Published
//     by").
// Every page is also shown at 375 px (a phone) and 1280 px wide, in light
// and dark colours, and must not scroll sideways
// (document.documentElement.scrollWidth <= innerWidth); the screenshots
// (of the first screenful) go to WORK/PAGE-WIDTH-SCHEME.png. axe-core runs
// on the dark colours too. A packet's organizations-at-a-glance table
// fits inside its own box at both widths (a phone shows it as stacked
// rows, so it does not scroll even there), and prints as a table; so does
// every other table of a packet (.table-wrap: none scrolls inside its box).
// Printed, a practice's mark stays with its word and a table's totals are
// ruled off once (checkPrintedTables), and no table's header row is left
// alone at the foot of a page (checkPrint).
//
// How pagination is measured. Chromium has no API that tells on which
// printed page an element lands, and computing it from layout boxes (page
// height 11in - 2 x 0.75in = 912 CSS px) only approximates Chromium's own
// fragmentation (break-inside: avoid, repeated table headers, orphans and
// widows move things). Matching the rows' own text in `pdftotext` output is
// unreliable too: cell text wraps and interleaves with the neighbouring
// cells in layout mode, and the same text (an organization's name) occurs
// in many tables. So before printing, the script adds invisible markers to
// the DOM and reads them back from the PDF's text, page by page:
//   - each marker is a tiny (1px, white) absolutely positioned element with
//     a unique token such as PBMK12T; being out of flow, it changes no
//     other box, so the pagination is the stylesheet's own;
//   - a "T" marker sits at top:0 of its box and a "B" marker at bottom:0,
//     so each lands in the first and in the last fragment of that box,
//     that is on the page where the box starts and where it ends;
//   - a row is marked in its first cell (every cell of a row spans the
//     row's height; a cell with rowspan 1 is preferred), with the T marker
//     at the left edge and the B marker at the right edge so that the
//     markers of adjacent rows never overlap in the PDF;
//   - a row is whole when every page that holds its T marker also holds its
//     B marker and the other way round (header rows that Chromium repeats
//     on each page carry both markers on every page);
//   - the at-a-glance section gets T and B markers (2px, so they cannot
//     merge with a row's 1px marker in the text) and the first element that
//     follows it in document order gets a T marker: T and B on page 1 and
//     the follower's T on page 2 means the section is exactly page 1.
// The box that holds a marker gets position: relative only when it is
// statically positioned (that moves nothing; it only makes the box the
// markers' containing block).
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');

const ROOT = path.resolve(__dirname, '..', '..');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const CHROMIUM = process.env.PB_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
	'--disable-component-update', '--no-first-run', '--disable-sync',
	'--disable-quic'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

function ok(name) { console.log(`ok ${name}`); }
function notOk(name, details) {
	console.log(`not ok ${name}`);
	for (const d of details || []) console.log(`#   ${d}`);
}

// Every *.html file under dir, as paths relative to it, sorted.
function htmlFiles(dir, rel = '') {
	const out = [];
	for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
		const r = rel ? `${rel}/${e.name}` : e.name;
		if (e.isDirectory()) out.push(...htmlFiles(dir, r));
		else if (e.isFile() && e.name.endsWith('.html')) out.push(r);
	}
	return out.sort();
}

// Remembers every request a page makes.
function recordRequests(page, seen) {
	page.on('request', (r) => seen.push(r.url()));
}

// Loads url and waits for its fonts too (they may start after "load").
// Requests that leave the machine are aborted at once (see main), so
// nothing is left pending.
async function load(page, url) {
	await page.goto(url, { waitUntil: 'load', timeout: 30000 });
	await page.evaluate(() => document.fonts.ready.then(() => true));
}

async function open(context, url, seen) {
	const page = await context.newPage();
	recordRequests(page, seen);
	await load(page, url);
	return page;
}

// The h1 and h2 headings: their text and whether they have a box.
function headings(page) {
	return page.$$eval('h1, h2', (els) => els.map((e) => ({
		tag: e.localName,
		text: (e.textContent || '').replace(/\s+/g, ' ').trim(),
		shown: e.getClientRects().length > 0 &&
			getComputedStyle(e).visibility !== 'hidden',
	})));
}

async function checkAxe(page, rel) {
	await page.addScriptTag({ path: AXE });
	const violations = await page.evaluate(async (tags) => {
		/* global axe */
		const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
			targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
		}));
	}, AXE_TAGS);
	if (violations.length === 0) {
		ok(`axe: ${rel}`);
		return;
	}
	notOk(`axe: ${rel}`, violations.map((v) =>
		`${v.id} (${v.impact}): ${v.help} [${v.count} node(s)] at ${v.targets.join(' | ')}`));
}

// Adds the markers described at the top; returns what was marked.
function addMarkers() {
	const placed = { rows: [], glance: null };
	const mark = (host, token, vertical, horizontal, px) => {
		if (getComputedStyle(host).position === 'static') {
			host.style.setProperty('position', 'relative', 'important');
		}
		const m = document.createElement('pb-test-marker');
		m.setAttribute('aria-hidden', 'true');
		m.textContent = token;
		const css = {
			position: 'absolute', display: 'block', [vertical]: '0',
			[horizontal]: '0', margin: '0', padding: '0', border: '0',
			width: 'auto', height: 'auto', 'font-family': 'monospace',
			'font-size': `${px}px`, 'line-height': `${px}px`,
			'font-weight': 'normal', 'font-style': 'normal',
			'letter-spacing': '0', 'word-spacing': '0',
			'text-transform': 'none', 'white-space': 'nowrap',
			color: '#ffffff', background: 'none', opacity: '1',
			visibility: 'visible', overflow: 'visible', transform: 'none',
			float: 'none', content: 'normal',
		};
		for (const [k, v] of Object.entries(css)) m.style.setProperty(k, v, 'important');
		host.appendChild(m);
	};
	const shown = (el) => el.getClientRects().length > 0;
	const tables = Array.from(document.querySelectorAll('table'));
	let n = 0;
	for (const tr of document.querySelectorAll('tr')) {
		if (!shown(tr) || tr.cells.length === 0) continue;
		const cells = Array.from(tr.cells).filter(shown);
		if (cells.length === 0) continue;
		const cell = cells.find((c) => c.rowSpan === 1) || cells[0];
		n += 1;
		const label = (tr.cells[0].textContent || '').replace(/\s+/g, ' ').trim()
			.slice(0, 60);
		const table = tr.closest('table');
		const caption = table && table.caption ?
			table.caption.textContent.replace(/\s+/g, ' ').trim().slice(0, 60) : '';
		placed.rows.push({ n, label, caption, id: tr.id || '',
			table: tables.indexOf(table),
			head: tr.parentElement.tagName === 'THEAD' });
		mark(cell, `PBMK${n}T`, 'top', 'left', 1);
		mark(cell, `PBMK${n}B`, 'bottom', 'right', 1);
	}
	// Each heading with a B marker at its foot, the element after it with
	// a T marker at its top: both on one page means no heading is left
	// alone at the foot of a page.
	placed.heads = [];
	let h = 0;
	for (const e of document.querySelectorAll('main h2, main h3, main h4')) {
		const next = e.nextElementSibling;
		if (!shown(e) || !next || !shown(next)) continue;
		h += 1;
		placed.heads.push({ n: h, text: e.textContent.replace(/\s+/g, ' ').trim().slice(0, 60) });
		mark(e, `PBMKH${h}B`, 'bottom', 'left', 1);
		mark(next, `PBMKH${h}N`, 'top', 'left', 1);
	}
	const glance = document.getElementById('at-a-glance');
	if (glance && shown(glance)) {
		// The first element after the section in document order, outside
		// it, that has a box: the start of whatever comes next.
		let next = null;
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
		// Start from the section's last descendant to skip its subtree.
		let last = glance;
		while (last.lastElementChild) last = last.lastElementChild;
		walker.currentNode = last;
		let e;
		while ((e = walker.nextNode())) {
			if (!glance.contains(e) && e.localName !== 'pb-test-marker' && shown(e)) {
				next = e;
				break;
			}
		}
		const h = glance.querySelector('h1, h2, h3, h4, h5, h6');
		let nextTitle = '';
		if (next) {
			const nh = /^h[1-6]$/.test(next.localName) ? next :
				next.querySelector('h1, h2, h3, h4, h5, h6');
			nextTitle = (nh || next).textContent.replace(/\s+/g, ' ').trim().slice(0, 60);
		}
		placed.glance = {
			title: h ? h.textContent.replace(/\s+/g, ' ').trim() : '',
			next: next ? `<${next.localName}${next.id ? ` id="${next.id}"` : ''}>` : '',
			nextTitle,
		};
		mark(glance, 'PBMKGLANCET', 'top', 'left', 2);
		mark(glance, 'PBMKGLANCEB', 'bottom', 'right', 2);
		if (next) mark(next, 'PBMKNEXTT', 'top', 'left', 2);
	}
	return placed;
}

// page number (1-based) -> Set of marker tokens on it
function markersByPage(pdf) {
	const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'],
		{ encoding: 'utf8', maxBuffer: 64 << 20 });
	const pages = text.split('\f');
	if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
	return pages.map((t) => new Set(t.match(/PBMK(?:\d+[TB]|H\d+[BN]|GLANCE[TB]|NEXTT)/g) || []));
}

function pagesOf(byPage, token) {
	const out = [];
	byPage.forEach((set, i) => { if (set.has(token)) out.push(i + 1); });
	return out;
}

// Printed, at the width of a page's text (US Letter less its margins:
// 7in, 672 CSS px), each practice's mark stays on the line of its word
// ("+ opportunity", never "+" over "opportunity"), and the heavy rule of
// a table's totals stands once, above its first row.
async function checkPrintedTables(context, url, id) {
	const page = await context.newPage();
	await page.setViewportSize({ width: 672, height: 912 });
	await page.emulateMedia({ media: 'print' });
	await load(page, url);
	const m = await page.evaluate(() => {
		const split = Array.from(document.querySelectorAll('table.practices .level'))
			.filter((e) => {
				// one line: every box of it (a mark in another font is a
				// box of its own) at the same height
				const r = Array.from(e.getClientRects());
				return r.some((b) => Math.abs(b.top - r[0].top) > r[0].height / 2);
			})
			.map((e) => `"${e.textContent.trim()}" in "${e.closest('tr').cells[0].textContent.trim()}" wraps`);
		const rules = [];
		for (const tf of document.querySelectorAll('table.data tfoot')) {
			Array.from(tf.rows).forEach((tr, i) => {
				const w = parseFloat(getComputedStyle(tr.cells[0]).borderTopWidth);
				if ((i === 0) !== (w >= 2)) {
					rules.push(`#${tf.closest('table').id} foot row ${i + 1}: top border ${w}px`);
				}
			});
		}
		return { levels: document.querySelectorAll('table.practices .level').length, split, rules };
	});
	await page.close();
	if (m.levels > 0) {
		const lname = `printed, each practice's mark stays with its word: ${id}`;
		if (m.split.length === 0) ok(lname);
		else notOk(lname, m.split.slice(0, 8));
	}
	const rname = `printed, a table's totals are ruled off once: ${id}`;
	if (m.rules.length === 0) ok(rname);
	else notOk(rname, m.rules.slice(0, 8));
}

async function checkPrint(context, url, id, work, seen) {
	const page = await context.newPage();
	recordRequests(page, seen);
	await page.emulateMedia({ media: 'print' });
	await load(page, url);
	// Printed, the organizations at a glance stay a table (the stacked
	// rows are for narrow screens only).
	const glanceRows = await page.evaluate(() => Array.from(
		document.querySelectorAll('#orgs-glance tr'), (tr) => getComputedStyle(tr).display));
	if (glanceRows.length > 0) {
		const gname = `organizations at a glance print as a table: ${id}`;
		if (glanceRows.every((d) => d === 'table-row')) ok(gname);
		else notOk(gname, [`row displays: ${[...new Set(glanceRows)].join(', ')}`]);
	}
	await checkPrintedTables(context, url, id);
	const placed = await page.evaluate(addMarkers);
	const canonical = await page.evaluate(() => {
		const l = document.querySelector('link[rel="canonical"]');
		return l ? l.href : '';
	});
	const pdf = path.join(work, `${id}.pdf`);
	await page.pdf({ path: pdf, format: 'Letter', printBackground: true,
		preferCSSPageSize: true });
	await page.close();

	const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
	const size = (info.match(/^Page size:\s*(.*)$/m) || [])[1] || '?';
	const count = Number((info.match(/^Pages:\s*(\d+)/m) || [])[1] || 0);
	if (/^612 x 792 pts/.test(size)) ok(`PDF is US Letter: ${id} (${count} pages)`);
	else notOk(`PDF is US Letter: ${id}`, [`page size ${size}`]);

	const byPage = markersByPage(pdf);
	const name = `at-a-glance is exactly page 1: ${id}`;
	if (!placed.glance) {
		notOk(name, ['no element with id="at-a-glance" (or it is not shown in print)']);
	} else {
		const g = placed.glance;
		const t = pagesOf(byPage, 'PBMKGLANCET');
		const b = pagesOf(byPage, 'PBMKGLANCEB');
		const nx = pagesOf(byPage, 'PBMKNEXTT');
		const where = `"${g.title}" starts on page ${t.join(',') || '?'}, ends on page ` +
			`${b.join(',') || '?'}; next ${g.next || '(nothing)'} "${g.nextTitle}" starts on page ` +
			`${nx.join(',') || '?'} (of ${byPage.length})`;
		const good = t.length === 1 && t[0] === 1 && b.length === 1 && b[0] === 1 &&
			(g.next === '' ? byPage.length === 1 : nx.length === 1 && nx[0] === 2);
		if (t.length === 0 || b.length === 0) {
			notOk(name, [`markers not found in the PDF's text: ${where}`]);
		} else if (good) {
			ok(name);
		} else {
			notOk(name, [where]);
		}
	}

	const split = [];
	const missing = [];
	for (const r of placed.rows) {
		const t = pagesOf(byPage, `PBMK${r.n}T`);
		const b = pagesOf(byPage, `PBMK${r.n}B`);
		const what = `row ${r.n}${r.id ? ` #${r.id}` : ''} "${r.label}"` +
			`${r.caption ? ` in "${r.caption}"` : ''}`;
		if (t.length === 0 || b.length === 0) {
			missing.push(what);
		} else if (t.join() !== b.join()) {
			split.push(`${what}: starts on page ${t.join(',')}, ends on page ${b.join(',')}`);
		}
	}
	const rname = `no table row split across pages: ${id} (${placed.rows.length} rows)`;
	if (split.length === 0 && missing.length === 0) ok(rname);
	else notOk(rname, [...split, ...missing.map((m) => `${m}: markers not found in the PDF's text`)]);

	// A table's header starts on the page of its first row: none is left
	// alone at the foot of a page (Chromium repeats the header on each
	// later page, so its first page is the earliest that holds it).
	const orphans = [];
	const byTable = new Map();
	for (const r of placed.rows) {
		if (!byTable.has(r.table)) byTable.set(r.table, []);
		byTable.get(r.table).push(r);
	}
	for (const rows of byTable.values()) {
		const head = rows.filter((r) => r.head);
		const first = rows.find((r) => !r.head);
		if (head.length === 0 || !first) continue;
		const hp = Math.min(...head.flatMap((r) => pagesOf(byPage, `PBMK${r.n}T`)));
		const fp = pagesOf(byPage, `PBMK${first.n}T`);
		if (fp.length > 0 && Number.isFinite(hp) && fp[0] !== hp) {
			orphans.push(`header "${head[0].label}"${first.caption ? ` of "${first.caption}"` : ''} ` +
				`on page ${hp}, its first row "${first.label}" on page ${fp[0]}`);
		}
	}
	const oname = `no table header alone at the foot of a page: ${id} (${byTable.size} tables)`;
	if (orphans.length === 0) ok(oname);
	else notOk(oname, orphans);

	const alone = [];
	for (const hd of placed.heads) {
		const b = pagesOf(byPage, `PBMKH${hd.n}B`);
		const nx = pagesOf(byPage, `PBMKH${hd.n}N`);
		if (b.length === 0 || nx.length === 0) alone.push(`"${hd.text}": markers not found in the PDF's text`);
		else if (nx[0] !== b[b.length - 1]) alone.push(`"${hd.text}" ends page ${b.join(',')}, what follows starts on page ${nx[0]}`);
	}
	const hname = `no heading alone at the foot of a page: ${id} (${placed.heads.length} headings)`;
	if (alone.length === 0) ok(hname);
	else notOk(hname, alone);

	checkFurniture(pdf, id, canonical);
}

// The running heads and feet of a printed packet, read back from its text.
function checkFurniture(pdf, id, url) {
	const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'],
		{ encoding: 'utf8', maxBuffer: 64 << 20 });
	const pages = text.split('\f');
	if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
	const n = pages.length;
	const bad = [];
	if (!url) bad.push('the page has no canonical link');
	if (!/Published by /.test(pages[0])) bad.push('page 1 does not name its publisher');
	if (pages[0].includes(`1 of ${n}`)) bad.push(`page 1 reads "1 of ${n}"`);
	for (let i = 2; i <= n; i++) {
		const t = pages[i - 1].replace(/\s+/g, ' ');
		if (!t.includes(`${i} of ${n}`)) bad.push(`page ${i} lacks "${i} of ${n}"`);
		if (url && !t.includes(url)) bad.push(`page ${i} lacks ${url}`);
	}
	const name = `printed pages 2 to ${n} read "N of ${n}" and the URL: ${id}`;
	if (n >= 2 && bad.length === 0) ok(name);
	else notOk(name, n >= 2 ? bad.slice(0, 10) : ['only one page']);
}

// No sideways scrolling at a phone's and a desktop's width, light and
// dark; screenshots in work.
async function checkWidths(browser, url, rel, work) {
	for (const width of [375, 1280]) {
		for (const colorScheme of ['light', 'dark']) {
			const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
			await ctx.route((u) => u.protocol !== 'file:', (r) => r.abort());
			const page = await ctx.newPage();
			await load(page, url);
			const m = await page.evaluate(() => {
				const wide = [];
				for (const e of document.querySelectorAll('body *')) {
					const r = e.getBoundingClientRect();
					if (r.right > innerWidth + 0.5 && !e.closest('.table-wrap, pre')) {
						wide.push(`<${e.localName}${e.className ? ` class="${e.className}"` : ''}> right edge ${Math.round(r.right)}`);
					}
				}
				// The organizations at a glance read without scrolling
				// sideways even inside their own box.
				const og = document.getElementById('orgs-glance');
				const glance = og && og.parentElement ? {
					table: og.parentElement.scrollWidth,
					box: og.parentElement.clientWidth,
				} : null;
				// Every table of a packet reads without scrolling inside
				// its box either: a phone shows them as stacked rows.
				const boxes = Array.from(document.querySelectorAll('.packet .table-wrap'))
					.filter((w) => w.getClientRects().length > 0 && w.scrollWidth > w.clientWidth)
					.map((w) => {
						const t = w.querySelector('table');
						const c = t && t.caption ? t.caption.textContent.replace(/\s+/g, ' ').trim().slice(0, 50) : '';
						return `"${c}" (${t && t.id ? `#${t.id}` : 'no id'}): ${w.scrollWidth} px of content in ${w.clientWidth} px`;
					});
				return { scroll: document.documentElement.scrollWidth, inner: innerWidth, wide, glance, boxes };
			});
			const shot = `${rel.replace(/\//g, '_').replace(/\.html$/, '')}-${width}-${colorScheme}.png`;
			await page.screenshot({ path: path.join(work, shot), timeout: 120000 });
			const name = `no horizontal overflow at ${width} px (${colorScheme}): ${rel}`;
			if (m.scroll <= m.inner) ok(name);
			else notOk(name, [`scrollWidth ${m.scroll} > innerWidth ${m.inner}`, ...m.wide.slice(0, 5)]);
			if (m.glance) {
				const gname = `organizations at a glance fit the width at ${width} px (${colorScheme}): ${rel}`;
				if (m.glance.table <= m.glance.box) ok(gname);
				else notOk(gname, [`its box scrolls: ${m.glance.table} px of content in ${m.glance.box} px`]);
			}
			if (/\/index\.html$/.test(rel)) {
				const tname = `no table scrolls inside its box at ${width} px (${colorScheme}): ${rel}`;
				if (m.boxes.length === 0) ok(tname);
				else notOk(tname, m.boxes.slice(0, 8));
			}
			if (colorScheme === 'dark' && width === 1280) await checkAxe(page, `${rel} (dark)`);
			await ctx.close();
		}
	}
}

async function main() {
	const [out, work] = process.argv.slice(2);
	if (!out || !work) {
		console.error('usage: pages.js OUT WORK');
		process.exit(2);
	}
	const { chromium } = require(path.join(ROOT, 'node_modules', 'playwright-core'));
	const files = htmlFiles(out);
	if (files.length === 0) notOk(`HTML files under ${out}`, ['none found']);

	// One browser for everything; its default profile is a fresh temporary
	// user-data-dir.
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	try {
		const withJs = await browser.newContext();
		const noJs = await browser.newContext({ javaScriptEnabled: false });
		for (const ctx of [withJs, noJs]) {
			// Nothing is reachable anyway; fail fast instead of waiting.
			await ctx.route((u) => u.protocol !== 'file:', (r) => r.abort());
		}
		for (const rel of files) {
			const file = path.resolve(out, rel);
			const url = pathToFileURL(file).href;
			const seen = [];

			let page = await open(withJs, url, seen);
			const withHeadings = await headings(page);
			await checkAxe(page, rel);
			await page.close();

			page = await open(noJs, url, seen);
			const noHeadings = await headings(page);
			await page.close();
			const h1 = noHeadings.filter((h) => h.tag === 'h1' && h.shown && h.text);
			const same = JSON.stringify(withHeadings) === JSON.stringify(noHeadings);
			if (h1.length > 0 && same) {
				ok(`renders without JavaScript: ${rel} (${noHeadings.length} h1/h2 headings)`);
			} else {
				notOk(`renders without JavaScript: ${rel}`, [
					h1.length === 0 ? 'no visible, non-empty h1 with JavaScript disabled' :
						'the h1/h2 headings differ with JavaScript disabled',
					`with: ${JSON.stringify(withHeadings)}`,
					`without: ${JSON.stringify(noHeadings)}`,
				]);
			}

			const m = rel.match(/^([^/]+)\/index\.html$/);
			if (m) await checkPrint(withJs, url, m[1], work, seen);
			await checkWidths(browser, url, rel, work);

			const foreign = [...new Set(seen.filter((u) => u !== url && !u.startsWith('data:')))];
			if (foreign.length === 0) ok(`nothing fetched: ${rel}`);
			else notOk(`nothing fetched: ${rel}`, foreign.map((u) => `requested ${u}`));
		}
	} finally {
		await browser.close();
	}
	console.log('# pages.js: done');
}

main().catch((e) => {
	notOk('browser checks ran to the end', [String(e && e.stack || e).split('\n').join('\n#   ')]);
	process.exit(1);
});
