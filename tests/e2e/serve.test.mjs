// serve.test.mjs — scripts/serve.py's content negotiation, over HTTP without a browser: a file
// with an up-to-date .gz beside it is sent as that .gz (Content-Encoding: gzip, its own MIME type)
// only to a client that accepts gzip; others get the file itself; both vary on Accept-Encoding.
// Run: node --test tests/e2e/   (after scripts/build.py web)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, ROOT } from './harness.mjs';

const WASM = join(ROOT, 'www', 'pkg', 'factcheck_bg.wasm');
let server;

before(async () => {
  assert.ok(existsSync(`${WASM}.gz`), 'build first: scripts/build.py web (it writes the .gz files)');
  server = await serve();
});

after(() => server && server.stop());

/** GET path with the given headers; resolves to {status, headers, body} (body not decoded). */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    request(new URL(path, server.url), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('a client that accepts gzip gets the precompressed file, typed as the original', async () => {
  for (const ae of ['gzip', 'br, gzip, deflate', 'GZIP;q=0.5', '*']) {
    const r = await get('pkg/factcheck_bg.wasm', { 'accept-encoding': ae });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], 'gzip', `Accept-Encoding: ${ae}`);
    assert.equal(r.headers['content-type'], 'application/wasm');
    assert.equal(r.headers.vary, 'Accept-Encoding');
    assert.deepEqual(r.body, readFileSync(`${WASM}.gz`));
    assert.deepEqual(gunzipSync(r.body), readFileSync(WASM));
  }
});

test('a client that does not accept gzip gets the file itself', async () => {
  for (const ae of [null, '', 'identity', 'br', 'gzip;q=0', 'gzip;q=x', '*, gzip;q=0', 'br, *;q=0']) {
    const r = await get('pkg/factcheck_bg.wasm', ae === null ? {} : { 'accept-encoding': ae });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], undefined, `Accept-Encoding: ${ae}`);
    assert.equal(r.headers.vary, 'Accept-Encoding');
    assert.deepEqual(r.body, readFileSync(WASM));
  }
});

test('files without a .gz, revalidation and missing files are unchanged', async () => {
  const page = await get('', { 'accept-encoding': 'gzip' });
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-encoding'], undefined);
  assert.match(page.body.toString(), /<html/i);
  const later = new Date(Date.now() + 3600e3).toUTCString();
  const r304 = await get('pkg/factcheck_bg.wasm', { 'accept-encoding': 'gzip', 'if-modified-since': later });
  assert.equal(r304.status, 304);
  assert.equal(r304.headers['content-encoding'], undefined, 'a 304 has no body to encode');
  const r404 = await get('pkg/nothing.wasm', { 'accept-encoding': 'gzip' });
  assert.equal(r404.status, 404);
  assert.equal(r404.headers['content-encoding'], undefined);
});
