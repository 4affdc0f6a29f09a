// csv.test.mjs — the page's "Export CSV" (www/report-dom.js reportCsv, run on a report made by
// the built wasm) must equal, byte for byte, tests/golden/seeds.csv, the file the core's
// csv::to_csv (`factcheck check --csv`) is held to by tests/seeds.rs: one format, two writers.
// Run: node --test tests/e2e/csv.test.mjs   (after scripts/build.py web)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { reportCsv } from '../../www/report-dom.js';

test('the page exports the same CSV as the core', async () => {
  const pkg = join(ROOT, 'www', 'pkg');
  assert.ok(existsSync(join(pkg, 'factcheck_bg.wasm')), 'build first: scripts/build.py web');
  const mod = await import(join(pkg, 'factcheck.js'));
  mod.initSync({ module: readFileSync(join(pkg, 'factcheck_bg.wasm')) });
  // The same inputs as tests/seeds.rs: id = the file's first three characters, path under seeds/.
  const files = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  const sources = files.map((f) => ({
    id: f.slice(0, 3), path: `seeds/${f}`, text: readFileSync(join(ROOT, 'seeds', f), 'utf8'),
  }));
  const report = mod.check(sources);
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  const csv = reportCsv(report, texts);
  const golden = readFileSync(join(ROOT, 'tests', 'golden', 'seeds.csv'), 'utf8');
  assert.equal(csv.split('\r\n').length, report.claims.length + 2, 'a header, a row per claim, a final CRLF');
  assert.equal(csv, golden);
});
