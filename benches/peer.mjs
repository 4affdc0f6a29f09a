// peer.mjs — extraction speed against a peer, in one run, on the same text (prints figures; not a test).
// The peer is Microsoft Recognizers-Text for JavaScript (@microsoft/recognizers-text-suite),
// whose English test cases are our conformance suite. Both run in this Node process on the
// seed articles repeated to ~32 KB, paragraph by paragraph (the peer's usual call), with
// the five recognizers that cover what we extract: number, ordinal, percentage, currency, date/time.
// Run: node benches/peer.mjs   (after scripts/build.py web)

import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as R from '@microsoft/recognizers-text-suite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ours = await import(join(ROOT, 'www', 'pkg', 'factcheck.js'));
ours.initSync({ module: readFileSync(join(ROOT, 'www', 'pkg', 'factcheck_bg.wasm')) });

const manifest = JSON.parse(readFileSync(join(ROOT, 'seeds', 'manifest.json'), 'utf8'));
const seeds = manifest.articles.map((a) => readFileSync(join(ROOT, 'seeds', a.file), 'utf8'));
let corpus = '';
while (corpus.length < 32 * 1024) corpus += seeds.join('\n\n') + '\n\n';
const paragraphs = corpus.split(/\n\s*\n/).filter((p) => p.trim());
const mb = Buffer.byteLength(corpus) / 1e6;

const peerCalls = [R.recognizeNumber, R.recognizeOrdinal, R.recognizePercentage, R.recognizeCurrency, R.recognizeDateTime];
const peer = (p) => peerCalls.reduce((n, f) => n + f(p, R.Culture.English).length, 0);
const mine = (p) => ours.extract(p, { published: '2026-01-07' }).length;

function time(label, f) {
  f(paragraphs[0]); // warm up
  const runs = [];
  let found = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    found = paragraphs.reduce((n, p) => n + f(p), 0);
    runs.push(performance.now() - t);
  }
  const best = Math.min(...runs);
  console.log(`${label.padEnd(44)} ${(mb / (best / 1000)).toFixed(2).padStart(8)} MB/s  (${found} entities, ${best.toFixed(0)} ms, best of 3)`);
  return best;
}

console.log(`corpus: ${mb.toFixed(2)} MB, ${paragraphs.length} paragraphs`);
const a = time('factcheck (wasm in Node, all kinds)', mine);
const b = time('Recognizers-Text JS 1.3.1 (5 recognizers)', peer);
console.log(`ratio: factcheck is ${(b / a).toFixed(1)}x the peer's throughput`);
