// web.mjs — figures for the browser build (prints them; not a test):
//   1. gzipped size of the .wasm + JS glue (www/pkg, and pkg/ when built), gzip -9 and as the
//      precompressed zopfli .gz the page is served; budget 200 KB
//   2. one fresh check of the seeds, and re-checks while typing into one (a Checker session), in Node
//   3. extraction throughput in Node via wasm on the seeds repeated to ~1 MB and ~10 MB
//   4. in headless Chromium: page load to seed report (cold and warm), and the re-check time
//      measured in the worker while typing into a seed article (budget 5 ms)
// Run: node benches/web.mjs [--no-browser] [--quick: skip the 10 MB run]   (after scripts/build.py web)

import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../tests/e2e/harness.mjs';
import { compress } from '../scripts/precompress.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;

/** Zopfli's gzip (what scripts/precompress.mjs writes), or null without @gfx/zopfli. */
async function zopfliSize(p) {
  if (existsSync(`${p}.gz`) && statSync(`${p}.gz`).mtimeMs >= statSync(p).mtimeMs) return statSync(`${p}.gz`).size;
  const { gz, method } = await compress(readFileSync(p));
  return method === 'zopfli' ? gz.length : null;
}

// Two figures: gzip -9 (what a server compressing on the fly sends at best) and zopfli's gzip
// (the precompressed .gz files the build writes and scripts/serve.py sends; any static server
// with precompressed files does the same). Browsers decode both as gzip.
async function sizes(dir, label) {
  if (!existsSync(join(dir, 'factcheck_bg.wasm'))) return;
  const wasm = join(dir, 'factcheck_bg.wasm');
  const js = readdirSync(dir).filter((f) => /^factcheck(_bg)?\.js$/.test(f)).map((f) => join(dir, f));
  const raw = readFileSync(wasm).length;
  const wasmGz = gz(wasm);
  const jsGz = js.reduce((a, p) => a + gz(p), 0);
  const verdict = (n) => `budget 200 KB: ${n <= 200 * 1024 ? 'within' : 'OVER'}`;
  console.log(`size ${label}: wasm ${kb(raw)} raw, ${kb(wasmGz)} gzip -9; JS glue ${kb(jsGz)} gzip -9; `
    + `total ${kb(wasmGz + jsGz)} gzip -9 (${verdict(wasmGz + jsGz)})`);
  const z = await Promise.all([wasm, ...js].map(zopfliSize));
  if (z.includes(null)) return;
  const total = z.reduce((a, b) => a + b, 0);
  console.log(`size ${label}: wasm ${kb(z[0])}, JS glue ${kb(total - z[0])} as zopfli gzip (what scripts/precompress.mjs writes); `
    + `total ${kb(total)} = ${total} B (${verdict(total)})`);
}

async function node() {
  const mod = await import(join(ROOT, 'www', 'pkg', 'factcheck.js'));
  const t0 = performance.now();
  mod.initSync({ module: readFileSync(join(ROOT, 'www', 'pkg', 'factcheck_bg.wasm')) });
  console.log(`node: instantiate ${(performance.now() - t0).toFixed(1)} ms`);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'seeds', 'manifest.json'), 'utf8'));
  const seeds = manifest.articles.map((a) => ({ id: a.file, text: readFileSync(join(ROOT, 'seeds', a.file), 'utf8') }));
  const bytes = seeds.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  for (let i = 0; i < 5; i++) mod.check(seeds);
  const times = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    mod.check(seeds);
    times.push(performance.now() - t);
  }
  const r = mod.check(seeds);
  console.log(`node: fresh check of the 5 seeds (${kb(bytes)}, ${r.summary.claims} claims, ${r.summary.groups} groups): `
    + `median ${median(times).toFixed(2)} ms, min ${Math.min(...times).toFixed(2)} ms`);
  // What the page's worker does while an editor types: a Checker session, one key at a time
  // into the first seed (only that article is read again).
  const checker = new mod.Checker();
  const edited = seeds.map((s) => ({ ...s }));
  checker.check(edited);
  const typing = [];
  for (const ch of ' More than 500 people attended on Wednesday.') {
    edited[0] = { ...edited[0], text: edited[0].text + ch };
    const t = performance.now();
    checker.check(edited);
    typing.push(performance.now() - t);
  }
  console.log(`node: re-check while typing into one seed (Checker, ${typing.length} keys): `
    + `median ${median(typing).toFixed(2)} ms, max ${Math.max(...typing).toFixed(2)} ms (budget 5 ms)`);
  const all = seeds.map((s) => s.text).join('\n\n');
  for (const target of [1 << 20, 10 << 20]) {
    let text = '';
    while (text.length < target) text += all + '\n\n';
    const size = Buffer.byteLength(text);
    if (target > (1 << 20) && process.argv.includes('--quick')) continue;
    const runs = target > (1 << 20) ? 1 : 3;
    const ts = [];
    let n = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      n = mod.extract(text, { published: '2026-01-07' }).length;
      ts.push(performance.now() - t);
    }
    const best = Math.min(...ts);
    console.log(`node: extract ${(size / 1e6).toFixed(1)} MB -> ${n} mentions in ${best.toFixed(0)} ms = `
      + `${(size / 1e6 / (best / 1000)).toFixed(2)} MB/s (best of ${runs}, includes conversion to JS objects)`);
  }
}

async function browserFigures() {
  const { serve, browser } = await import('../tests/e2e/harness.mjs');
  const server = await serve();
  const chrome = await browser();
  try {
    const page = await chrome.context.newPage();
    const loads = [];
    const lives = [];
    // The page records both times itself (performance marks). The driver waits for the load
    // event before it looks: waiting for a selector right after navigating makes playwright
    // inject its script into the page while it loads, which blocked the page's main thread
    // for ~50 ms and was counted as page load (same run, alternating: median 192 -> 140 ms).
    for (let i = 0; i < 8; i++) {
      await page.goto(server.url, { waitUntil: 'load' });
      loads.push(await page.evaluate(() => performance.getEntriesByName('factcheck:first-report')[0]?.startTime));
      await page.waitForSelector('html[data-live="true"]', { timeout: 30000 });
      lives.push(await page.evaluate(() => performance.getEntriesByName('factcheck:first-live-report')[0].startTime));
    }
    if (loads.some((t) => t === undefined)) throw new Error('the seed report was not shown by the load event');
    const fig = (xs) => `cold ${xs[0].toFixed(0)} ms, warm median ${median(xs.slice(1)).toFixed(0)} ms (min ${Math.min(...xs.slice(1)).toFixed(0)})`;
    console.log(`chrome: navigation start -> seed report shown (computed at build time): ${fig(loads)} (budget 150 ms warm)`);
    console.log(`chrome: navigation start -> first live check done in the worker: ${fig(lives)}`);
    // Re-check while typing: type into the first seed's editor, one key at a time, waiting
    // for each report; the worker reports the time of each check.
    await page.click('#source-list > li:first-child summary');
    const ta = page.locator('#source-list > li:first-child textarea');
    await ta.focus();
    await page.keyboard.press('End');
    const checks = [];
    for (const ch of ' More than 500 people attended on Wednesday.') {
      const before = await page.evaluate(() => window.factcheckStats.checks);
      await page.keyboard.type(ch);
      await page.waitForFunction((n) => window.factcheckStats.checks > n, before, { timeout: 5000 });
      checks.push(await page.evaluate(() => window.factcheckStats.lastCheckMs));
    }
    console.log(`chrome: re-check in the worker while typing (${checks.length} checks): median ${median(checks).toFixed(2)} ms, `
      + `max ${Math.max(...checks).toFixed(2)} ms (budget 5 ms)`);
  } finally {
    await chrome.close();
    server.stop();
  }
}

await sizes(join(ROOT, 'www', 'pkg'), 'web (www/pkg)');
await sizes(join(ROOT, 'pkg'), 'npm (pkg)');
await node();
if (!process.argv.includes('--no-browser')) await browserFigures();
