// worker.js — runs the checker (WebAssembly) off the main thread so typing never stutters.
// Messages in: {seq, sources, options}. Messages out: {ready, version} once, then
// {seq, report, ms} or {seq, error} per request.

import init, { check, version } from './pkg/factcheck.js';

const ready = init().then(
  () => self.postMessage({ ready: true, version: version() }),
  (e) => self.postMessage({ ready: false, error: `could not load the checker: ${e && e.message ? e.message : e}` }),
);

self.addEventListener('message', async (event) => {
  await ready;
  const { seq, sources, options } = event.data || {};
  const t0 = performance.now();
  try {
    const report = check(sources, options ?? null);
    self.postMessage({ seq, report, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ seq, error: e && e.message ? e.message : String(e), ms: performance.now() - t0 });
  }
});
