// precompress.mjs — writes FILE.gz next to each FILE given: gzip, made with Zopfli (the npm
// package @gfx/zopfli, pinned in package.json), which any browser decodes like gzip -9 output
// and which is ~5% smaller. scripts/serve.py sends a .gz instead of its file to a client that
// accepts gzip; any static server that serves precompressed files can do the same (nginx
// `gzip_static on`, Caddy `precompressed gzip`). Without the package it falls back to zlib's
// gzip -9 and says so. Each .gz is checked to decompress to its file.
// Prints one line per file: "FILE: RAW B -> GZ B (zopfli|gzip -9)".
//   node scripts/precompress.mjs FILE...

import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

let zopfli = null;
try {
  zopfli = await import('@gfx/zopfli');
} catch {
  console.log('  note: @gfx/zopfli is not installed (npm ci installs it); using gzip -9');
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/precompress.mjs FILE...');
  process.exit(2);
}
for (const f of files) {
  const raw = readFileSync(f);
  // 15 iterations: zopfli's default; more buy a few bytes for seconds of build time.
  const gz = zopfli ? Buffer.from(await zopfli.gzipAsync(raw, { numiterations: 15 })) : gzipSync(raw, { level: 9 });
  if (!gunzipSync(gz).equals(raw)) {
    console.error(`${f}: the compressed file does not decompress to the original`);
    process.exit(1);
  }
  writeFileSync(`${f}.gz`, gz);
  console.log(`  ${f}: ${raw.length} B -> ${gz.length} B (${zopfli ? 'zopfli' : 'gzip -9'})`);
}
