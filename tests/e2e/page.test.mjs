// page.test.mjs — drives the page (www/index.html) and the CMS demo (www/embed.html) in
// headless Chromium: the seed report, a contradicting article, hostile markup in an article,
// the <fact-check> element in the mock editor, keyboard use, exports, a phone-width layout,
// a worker whose wasm module trapped replaced by a fresh one, the module sent gzipped within
// its size budget;
// and throughout: no request leaves 127.0.0.1, no CSP violation, no console error.
// Run: node --test tests/e2e/   (after scripts/build.py web)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, ROOT, ARTIFACTS } from './harness.mjs';

const SEED0 = readFileSync(join(ROOT, 'seeds', '000_a038938c61ebb700.txt'), 'utf8');
const CONTRADICTING = SEED0.replace('around 400 people', 'around 900 people').replace('161 Korean companies', '250 Korean companies');
const HOSTILE = 'Hostile copy\n\nOfficials said 12 people <img src=x onerror="window.__pwned=1"> were hurt '
  + 'on Tuesday. <script>window.__pwned=2</script> <b onmouseover="window.__pwned=3">bold</b> '
  + 'javascript:alert(1) &lt;img&gt;';

let server, chrome;
const problems = []; // console errors, page errors, CSP violations, off-host requests

before(async () => {
  assert.ok(existsSync(join(ROOT, 'www', 'pkg', 'factcheck_bg.wasm')), 'build first: scripts/build.py web');
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve();
  chrome = await browser();
});

after(async () => {
  if (chrome) await chrome.close();
  if (server) server.stop();
});

/** A new page that records anything suspicious into `problems`. */
async function openPage(path, viewport) {
  const page = await chrome.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${path}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!(u.startsWith(server.url) || u.startsWith('blob:') || u.startsWith('data:'))) problems.push(`${path}: request left 127.0.0.1: ${u}`);
  });
  await page.goto(server.url + path);
  return page;
}

async function noProblems(page, label) {
  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, [], `${label}: CSP violations`);
  assert.deepEqual(problems, [], `${label}: problems`);
}

// The page shows the build-time seed report at once, then the worker's live one: wait for both.
const ready = async (page) => {
  await page.waitForSelector('html[data-state="ready"]', { timeout: 15000 });
  await page.waitForSelector('html[data-live="true"]', { timeout: 20000 });
};

test('the page opens with the seed articles checked', async () => {
  const page = await openPage('');
  await ready(page);
  const summary = await page.textContent('#summary');
  assert.match(summary, /^5 sources · \d+ conflicts? · \d+ agreements? · /);
  assert.equal(await page.locator('#source-list > li').count(), 5);
  // Every verdict section shows its count, and the numbers add up to the summary.
  const counts = await page.$$eval('.count', (els) => els.map((e) => e.textContent));
  assert.equal(counts.length, 4);
  const n = (re) => Number((summary.match(re) || [0, 0])[1]);
  assert.equal(await page.locator('#conflicts .card').count(), n(/(\d+) conflicts?/));
  // Collapsed sections are filled when opened.
  assert.equal(await page.locator('#agree .card').count(), 0);
  await page.click('#agree-box > summary');
  // The section is filled on its (asynchronous) toggle event.
  await page.waitForSelector('#agree .card, #agree .empty');
  assert.equal(await page.locator('#agree .card').count(), n(/(\d+) agreements?/));
  await page.click('#agree-box > summary');
  // The article view shows the first seed with its claims marked, and the legend.
  assert.ok((await page.textContent('#article-text')).startsWith('BEIJING — President Lee Jae Myung'));
  assert.equal(await page.locator('#legend li').count(), 12);
  const marks = await page.locator('#article-text mark.claim').count();
  const claims = Number(summary.match(/(\d+) claims?/)[1]);
  assert.ok(claims === 0 || marks > 0, 'claims of the first article are marked');
  await page.screenshot({ path: join(ARTIFACTS, 'page-seeds.png'), fullPage: true });
  await noProblems(page, 'seed page');
  await page.close();
});

test('the wasm module and its glue arrive gzipped, within the 200 KB budget', async () => {
  // What the browser downloads: scripts/serve.py sends the build's precompressed .gz files
  // with Content-Encoding: gzip; Resource Timing gives the bytes on the wire and decoded.
  const page = await openPage('');
  await ready(page);
  const got = await page.evaluate(async () => {
    const out = {};
    for (const f of ['pkg/factcheck_bg.wasm', 'pkg/factcheck.js']) {
      const url = new URL(f, location.href).href;
      const r = await fetch(url, { cache: 'no-store' });
      const body = await r.arrayBuffer();
      const t = performance.getEntriesByName(url).at(-1);
      out[f] = { encoding: r.headers.get('content-encoding'), bytes: body.byteLength, wire: t.encodedBodySize, decoded: t.decodedBodySize };
    }
    return out;
  });
  const raw = (f) => statSync(join(ROOT, 'www', f)).size;
  const gz = (f) => statSync(join(ROOT, 'www', `${f}.gz`)).size;
  for (const [f, r] of Object.entries(got)) {
    assert.equal(r.encoding, 'gzip', `${f} is sent gzipped`);
    assert.equal(r.bytes, raw(f), `${f} decodes to the built file`);
    assert.equal(r.decoded, raw(f), `${f}: decoded size`);
    assert.equal(r.wire, gz(f), `${f}: the bytes on the wire are its .gz`);
  }
  const total = Object.values(got).reduce((n, r) => n + r.wire, 0);
  assert.ok(total <= 200 * 1024, `wasm + glue as downloaded: ${total} B, over 200 KB`);
  await noProblems(page, 'gzipped module');
  await page.close();
});

test('an article that contradicts the seeds shows up as a conflict', async () => {
  const page = await openPage('');
  await ready(page);
  await page.fill('#paste', CONTRADICTING);
  await page.click('#add-paste');
  await page.waitForFunction(() => document.getElementById('summary').textContent.startsWith('6 sources'));
  // The new article is listed and its text shows in the picker.
  assert.equal(await page.locator('#source-list > li').count(), 6);
  const card = page.locator('#conflicts .card', { hasText: '900' });
  await card.first().waitFor({ timeout: 10000 });
  const text = await card.first().textContent();
  assert.match(text, /400/, 'the card shows the seed’s value next to the new one');
  // Clicking the new value jumps to it in the full article, focused.
  await card.first().locator('button.value', { hasText: '900' }).first().click();
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest('#article-text') && document.activeElement.textContent);
  assert.match(focused || '', /900/);
  await page.screenshot({ path: join(ARTIFACTS, 'page-conflict.png'), fullPage: true });
  await noProblems(page, 'contradicting article');
  await page.close();
});

test('articles can be chosen as files, dropped, edited and removed', async () => {
  const page = await openPage('');
  await ready(page);
  // A Markdown file with front matter: the core reads the outlet from it.
  const md = '---\noutlet: Test Wire\npublished: 2026-01-07\ntitle: Lee visits Beijing\n---\n\n'
    + 'BEIJING -- A business delegation of around 900 people traveled with Lee on Tuesday.\n';
  await page.setInputFiles('#files', { name: 'wire.md', mimeType: 'text/markdown', buffer: Buffer.from(md) });
  await page.waitForFunction(() => document.getElementById('summary').textContent.startsWith('6 sources'));
  const last = page.locator('#source-list > li').last();
  await page.waitForFunction(() => /Test Wire|wire\.md/.test(document.querySelector('#source-list > li:last-child .name').textContent));
  // Edit it: the report follows the text (one debounced re-check, rendered against the new text).
  await last.locator('summary').click();
  const checks = Number(await page.getAttribute('html', 'data-checks'));
  await last.locator('textarea').fill(md.replace('900 people', '900 people and 77 reporters'));
  await page.waitForFunction((n) => Number(document.documentElement.dataset.checks) > n, checks);
  const id = await last.getAttribute('data-id');
  await page.selectOption('#article-pick', id);
  assert.match(await page.textContent('#article-text'), /900 people and 77 reporters/);
  if (!/ 0 claims$/.test(await page.textContent('#summary'))) {
    const marked = await page.$$eval('#article-text mark.claim', (ms) => ms.map((m) => m.textContent));
    assert.ok(marked.some((t) => t.includes('77')), `the new figure is marked: ${marked}`);
  }
  // Drop a .txt file on the drop zone: a 7th article.
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(['Seoul, Jan. 7 -- Officials said 33 firms signed deals on Tuesday.'], 'dropped.txt', { type: 'text/plain' }));
    return d;
  });
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: dt });
  await page.waitForFunction(() => document.getElementById('summary').textContent.startsWith('7 sources'));
  assert.match(await page.textContent('#source-list > li:last-child'), /dropped\.txt/);
  // Remove two: 5 sources remain.
  await page.locator('#source-list > li').first().locator('button.remove').click();
  await page.waitForFunction(() => document.getElementById('summary').textContent.startsWith('6 sources'));
  await page.locator('#source-list > li').last().locator('button.remove').click();
  await page.waitForFunction(() => document.getElementById('summary').textContent.startsWith('5 sources'));
  assert.equal(await page.locator('#source-list > li').count(), 5);
  await noProblems(page, 'files');
  await page.close();
});

test('markup inside an article is shown as text and never runs', async () => {
  const page = await openPage('');
  await ready(page);
  const before = Number(await page.getAttribute('html', 'data-checks'));
  await page.fill('#paste', HOSTILE);
  await page.click('#add-paste');
  await page.waitForFunction(() => document.getElementById('summary').textContent.startsWith('6 sources'));
  await page.waitForFunction((n) => Number(document.documentElement.dataset.checks) > n, before);
  // Show the hostile article and open its editor, so its text is in the DOM twice.
  const id = await page.$eval('#source-list > li:last-child', (li) => li.dataset.id);
  await page.selectOption('#article-pick', id);
  await page.click('#source-list > li:last-child summary');
  const shown = await page.textContent('#article-text');
  assert.ok(shown.includes('<img src=x onerror="window.__pwned=1">'), 'the markup is shown literally');
  assert.ok(shown.includes('<script>window.__pwned=2</script>'));
  await page.hover('#article-text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img').count(), 0, 'no <img> was created');
  assert.equal(await page.locator('#article-text script, #article-text b, #source-list b').count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'page-hostile.png'), fullPage: true });
  await noProblems(page, 'hostile article');
  await page.close();
});

/** Serves worker.js with a planted trap (see the test below that uses it). */
async function plantTrap(page) {
  await page.route('**/worker.js', async (route) => {
    const body = readFileSync(join(ROOT, 'www', 'worker.js'), 'utf8');
    const call = 'const report = checker.check(sources, options ?? null);';
    assert.ok(body.includes(call), 'worker.js still makes the call the test plants the trap before');
    const trap = "if (self.trapped || sources.some((s) => s.text.includes('TRAP-FOR-TEST'))) "
      + "{ self.trapped = true; throw new WebAssembly.RuntimeError('unreachable'); } ";
    await route.fulfill({ contentType: 'text/javascript', body: body.replace(call, trap + call) });
  });
}

test('a checker whose wasm module traps is replaced, and checking goes on', async () => {
  // A panic in wasm is a trap that leaves the module unusable. None is known, so the worker is
  // served with one planted: an article containing the marker makes it throw the
  // WebAssembly.RuntimeError a trap throws, and every later check in that worker throws too
  // (as a dead module would). The page must say so, start a fresh worker, and check the next
  // edit with it.
  const page = await chrome.context.newPage();
  await plantTrap(page);
  await page.goto(server.url);
  await ready(page);
  await page.fill('#paste', 'TRAP-FOR-TEST: officials said 12 people were hurt on Tuesday.');
  await page.click('#add-paste');
  await page.waitForFunction(() => window.factcheckStats.restarts === 1);
  assert.match(await page.textContent('#error'), /internal error and was restarted \(unreachable\)/);
  assert.equal(await page.isVisible('#error'), true);
  // Remove the article: the new worker checks the five seeds, and the error is gone.
  const checks = await page.evaluate(() => window.factcheckStats.checks);
  await page.locator('#source-list > li').last().locator('button.remove').click();
  await page.waitForFunction((n) => window.factcheckStats.checks > n, checks);
  await page.waitForFunction(() => document.getElementById('summary').textContent.startsWith('5 sources'));
  assert.equal(await page.isVisible('#error'), false);
  assert.equal(await page.evaluate(() => window.factcheckStats.restarts), 1);
  await page.close();
});

test('keyboard: a value can be reached and activated, focus is visible', async () => {
  const page = await openPage('');
  await ready(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  // Every form control has an accessible label.
  const unlabeled = await page.$$eval('input, textarea, select', (els) => els
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.id || e.outerHTML.slice(0, 40)));
  assert.deepEqual(unlabeled, []);
  // Open the agreements with the keyboard, then activate a value: focus jumps to the article.
  await page.focus('#agree-box > summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('#agree-box', (d) => d.open), true, 'Enter opens a section');
  const buttons = page.locator('#agree button.value');
  if (await buttons.count() > 0) {
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    const claim = await buttons.first().getAttribute('data-claim');
    const focused = await page.evaluate(() => document.activeElement.closest('#article-text') && document.activeElement.dataset.claim);
    assert.ok(focused, 'Enter on a value moves focus into the article');
    assert.equal(focused.split('#')[0], claim.split('#')[0], 'in the right article');
  }
  await noProblems(page, 'keyboard');
  await page.close();
});

test('exports the report as JSON and CSV', async () => {
  const page = await openPage('');
  await ready(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(report.summary.sources, 5);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const lines = readFileSync(await csv.path(), 'utf8').trim().split(/\r\n/);
  assert.match(lines[0], /^claim,source,outlet,kind,text,display,/);
  assert.ok(lines.length >= 1 + report.claims.length, 'one row per claim (rows may wrap)');
  await noProblems(page, 'export');
  await page.close();
});

test('phone width: one column, nothing overflows sideways', async () => {
  const page = await openPage('', { width: 390, height: 844 });
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: join(ARTIFACTS, 'page-phone.png'), fullPage: true });
  await noProblems(page, 'phone');
  await page.close();
});

test('embed.html: a conflicting figure typed into the draft is marked', async () => {
  const page = await openPage('embed.html');
  await page.waitForSelector('html[data-flags]', { timeout: 15000 });
  const eventDetail = page.evaluate(() => new Promise((res) => document.getElementById('fc')
    .addEventListener('factcheck-report', (e) => res({ sources: e.detail.summary.sources }), { once: true })));
  // Type like an editor: select "400" in the draft and type the new figure.
  await page.evaluate(() => {
    const ta = document.getElementById('draft');
    const at = ta.value.indexOf('around 400 people') + 'around '.length;
    ta.focus();
    ta.setSelectionRange(at, at + 3);
  });
  await page.keyboard.type('900');
  assert.equal((await eventDetail).sources, 3, 'factcheck-report fired with the draft and two wires');
  const flag = page.locator('#flags li.flag', { hasText: '900' });
  await flag.first().waitFor({ timeout: 10000 });
  assert.match(await flag.first().locator('mark').first().textContent(), /900/);
  assert.match(await flag.first().textContent(), /400/, 'the wire’s figure is shown');
  // The element's own panel shows the conflict too, inside its shadow DOM.
  const shadowConflicts = await page.$eval('fact-check', (fc) => fc.shadowRoot.querySelectorAll('.card.v-conflict').length);
  assert.ok(shadowConflicts >= 1);
  // Hostile markup typed into the draft stays text.
  await page.fill('#draft', HOSTILE);
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img').count(), 0);
  await page.fill('#draft', 'Lee held talks in Beijing on Tuesday. A business delegation of around 900 people from 161 Korean companies traveled with him.');
  await page.locator('#flags li.flag', { hasText: '900' }).first().waitFor({ timeout: 10000 });
  await page.screenshot({ path: join(ARTIFACTS, 'embed.png'), fullPage: true });
  await noProblems(page, 'embed');
  await page.close();
});

test('<fact-check>: a worker whose module trapped is replaced', async () => {
  const page = await chrome.context.newPage();
  await plantTrap(page);
  await page.goto(server.url + 'embed.html');
  await page.waitForSelector('html[data-flags]', { timeout: 15000 });
  const result = await page.evaluate(async () => {
    const fc = document.getElementById('fc');
    const next = (type) => new Promise((res, rej) => {
      fc.addEventListener(type, (e) => res(e.detail), { once: true });
      setTimeout(() => rej(new Error(`no ${type} event within 10 s`)), 10000);
    });
    let ev = next('factcheck-error');
    fc.sources = [{ id: 'x', text: 'TRAP-FOR-TEST: 12 people were hurt.' }];
    const trapped = (await ev).message;
    ev = next('factcheck-report');
    fc.sources = [{ id: 'x', text: 'Officials said 161 companies joined.' }, { id: 'y', text: 'Officials said 200 companies joined.' }];
    return { trapped, after: (await ev).sources.map((s) => s.id) };
  });
  assert.equal(result.trapped, 'unreachable');
  assert.deepEqual(result.after, ['x', 'y'], 'the next check is answered by a fresh worker');
  await page.close();
});

test('<fact-check>: sources as a property, bad input as a factcheck-error event', async () => {
  const page = await openPage('embed.html');
  await page.waitForSelector('html[data-flags]', { timeout: 15000 });
  const result = await page.evaluate(async () => {
    const fc = document.getElementById('fc');
    const next = (type) => new Promise((res) => fc.addEventListener(type, (e) => res(e.detail), { once: true }));
    const out = {};
    let ev = next('factcheck-report');
    fc.sources = [{ id: 'x', text: 'Officials said 161 companies joined.' }, { id: 'y', text: 'Officials said 200 companies joined.' }];
    out.property = (await ev).sources.map((s) => s.id);
    ev = next('factcheck-error');
    fc.sources = [{ id: 'x', text: 'ok' }, { id: 'x', text: 'again' }];
    out.error = (await ev).message;
    out.shown = fc.shadowRoot.querySelector('.error').textContent;
    ev = next('factcheck-error');
    fc.sources = [{ id: 'x', text: 42 }];
    out.typeError = (await ev).message;
    ev = next('factcheck-report');
    fc.sources = null; // back to the child <article>s
    out.children = (await ev).sources.map((s) => s.id);
    return out;
  });
  assert.deepEqual(result.property, ['x', 'y']);
  assert.match(result.error, /distinct id/);
  assert.equal(result.shown, result.error, 'the element shows the error too');
  assert.match(result.typeError, /sources\[0\]\.text: expected a string, got a number/);
  assert.deepEqual(result.children, ['draft', 'wire1', 'wire2']);
  // The error is an event, not an uncaught exception: noProblems sees no page error.
  await noProblems(page, 'element API');
  await page.close();
});
