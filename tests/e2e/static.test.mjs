// static.test.mjs — checks on the source of www/ that need no browser: article text must never
// be parsed as HTML, and nothing may need 'unsafe-inline' under the page's CSP.
// Run: node --test tests/e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './harness.mjs';

const WWW = join(ROOT, 'www');

/** Our own files under www/ (not the generated pkg/, seeds.js and seeds.js.gz). */
function files(dir = WWW) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pkg' ? [] : files(p);
    return name.startsWith('seeds.js') ? [] : [p];
  });
}

test('www/ never parses strings as HTML', () => {
  const bad = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|DOMParser|srcdoc)\b/;
  const hits = [];
  for (const f of files()) {
    readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      if (bad.test(line)) hits.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.ok(files().some((f) => f.endsWith('app.js')), 'found the page sources');
  assert.deepEqual(hits, []);
});

test('HTML files have no inline script, inline handlers or style attributes', () => {
  for (const f of files().filter((p) => p.endsWith('.html'))) {
    const html = readFileSync(f, 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      assert.match(m[1], /\bsrc=/, `${relative(ROOT, f)}: inline <script>`);
      assert.equal(m[2].trim(), '', `${relative(ROOT, f)}: script with a body`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${relative(ROOT, f)}: inline event handler`);
    assert.doesNotMatch(html, /\sstyle\s*=/i, `${relative(ROOT, f)}: style attribute`);
    assert.doesNotMatch(html, /<style\b/i, `${relative(ROOT, f)}: <style> element`);
    assert.match(html, /Content-Security-Policy/, `${relative(ROOT, f)}: no CSP meta`);
    assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)/, `${relative(ROOT, f)}: reaches outside www/`);
  }
});

test('scripts in www/ import nothing from outside www/', () => {
  for (const f of files().filter((p) => /\.m?js$/.test(p))) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:import|from)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      assert.match(m[1], /^\.\/(?!\.)/, `${relative(ROOT, f)} imports ${m[1]}`);
    }
    assert.doesNotMatch(src, /\bfetch\(\s*['"`]https?:/, `${relative(ROOT, f)}: fetches a remote URL`);
  }
});
