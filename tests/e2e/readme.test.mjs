// readme.test.mjs — runs the ```js snippet of the npm package's README (npm/README.md, copied
// into pkg/) in Node against the built package, imported by its package name exactly as a
// user would. The package is the wasm-pack `bundler` build, whose glue imports the .wasm as
// an ES module: Node runs that with --experimental-wasm-modules (what bundlers do for it).
// Run: node --test tests/e2e/   (after scripts/build.py npm)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, symlinkSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const PKG = join(ROOT, 'pkg');

test('the README snippet runs against the built npm package', (t) => {
  assert.ok(existsSync(join(PKG, 'package.json')), 'build first: scripts/build.py npm');
  const meta = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  const readme = readFileSync(join(PKG, 'README.md'), 'utf8');
  assert.equal(readme, readFileSync(join(ROOT, 'npm', 'README.md'), 'utf8'), 'pkg/README.md is npm/README.md');
  for (const f of ['fact-check.js', 'report-dom.js', 'factcheck.d.ts', 'factcheck_bg.wasm']) {
    assert.ok(existsSync(join(PKG, f)), `package has ${f}`);
    if (f !== 'factcheck_bg.wasm' && f !== 'factcheck.d.ts') assert.ok(meta.files.includes(f), `package.json files lists ${f}`);
  }
  // The .d.ts has real types, not any.
  const dts = readFileSync(join(PKG, 'factcheck.d.ts'), 'utf8');
  assert.match(dts, /export function check\(sources: SourceInput\[\], options\?: CheckOptions \| null\): Report;/);
  assert.match(dts, /export function extract\(text: string, options\?: ExtractOptions \| null\): Mention\[\];/);
  assert.match(dts, /export interface Claim extends Mention/);

  const snippets = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(snippets.length, 1, 'one js snippet');
  const dir = mkdtempSync(join(tmpdir(), 'factcheck-readme-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [scope, name] = meta.name.split('/');
  mkdirSync(join(dir, 'node_modules', scope), { recursive: true });
  symlinkSync(PKG, join(dir, 'node_modules', scope, name), 'dir');
  writeFileSync(join(dir, 'snippet.mjs'), snippets[0]);
  const out = execFileSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', 'snippet.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.match(out, /^0\.\d+\.\d+ \{/m, 'prints the version and the summary');
  assert.match(out, /sources: 2/);
  assert.match(out, /rejected: invalid sources\[0\]\.text: expected a string, got a number/);
  const conflicts = Number((out.match(/conflicts: (\d+)/) || [])[1]);
  // Conflict lines are printed as "<measure> -> [ '...', '...' ]", one per conflict group.
  assert.equal((out.match(/ -> \[/g) || []).length, conflicts);
});
