// precompress.mjs — writes FILE.gz next to each FILE given: gzip, made with Zopfli (the npm
// package @gfx/zopfli, pinned in package.json), which any browser decodes like gzip -9 output
// and which is ~5% smaller. scripts/serve.py sends a .gz instead of its file to a client that
// accepts gzip; any static server that serves precompressed files can do the same (nginx
// `gzip_static on`, Caddy `precompressed gzip`). Without the package it falls back to zlib's
// gzip -9 and says so. Each .gz is checked to decompress to its file.
// Prints one line per file: "FILE: RAW B -> GZ B (zopfli|gzip -9)". benches/web.mjs imports
// `compress` to print the same figure.
//   node scripts/precompress.mjs FILE...

import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

let zopfli = null;
try {
  zopfli = await import('@gfx/zopfli');
} catch {
  // Said by the command below; `compress` reports it as its method.
}

/** The gzip of `raw` as the build writes it: {gz, method: 'zopfli' | 'gzip -9'}. */
export async function compress(raw) {
  if (!zopfli) return { gz: gzipSync(raw, { level: 9 }), method: 'gzip -9' };
  // 15 iterations: zopfli's default; more buy a few bytes for seconds of build time.
  return { gz: Buffer.from(await zopfli.gzipAsync(raw, { numiterations: 15 })), method: 'zopfli' };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node scripts/precompress.mjs FILE...');
    process.exit(2);
  }
  if (!zopfli) console.log('  note: @gfx/zopfli is not installed (npm ci installs it); using gzip -9');
  for (const f of files) {
    const raw = readFileSync(f);
    const { gz, method } = await compress(raw);
    if (!gunzipSync(gz).equals(raw)) {
      console.error(`${f}: the compressed file does not decompress to the original`);
      process.exit(1);
    }
    writeFileSync(`${f}.gz`, gz);
    console.log(`  ${f}: ${raw.length} B -> ${gz.length} B (${method})`);
  }
}
