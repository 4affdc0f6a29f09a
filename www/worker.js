// worker.js — runs the checker (WebAssembly) off the main thread so typing never stutters;
// used by the page (app.js) and by the <fact-check> element.
// Messages in: {seq, sources, options}. Messages out: {ready, version} once, then
// {seq, report, ms} or {seq, error} per request.

import init, { check, Checker, version } from './pkg/factcheck.js'; // @engine-import

// A small text that exercises every extractor, so its one-time setup (compiling regexes) is
// done before the first real request.
const WARM_UP = 'BEIJING, Jan. 6 (Xinhua) -- On Tuesday, about 400 people from 161 companies paid '
  + '$306 billion, up 1.6 percent, during the second summit of a four-day state visit at 4:30 p.m.; '
  + 'Premier Li Qiang met Zhao Leji, chairman of the Standing Committee, at the Diaoyutai State Guesthouse.';

// One session for every request: a re-check while the editor types reads again only the
// article that changed (the others' extractions and claims are remembered).
let checker = null;

const ready = init().then(
  () => {
    try { check([{ text: WARM_UP }, { text: WARM_UP.replace('400', '500') }], null); } catch { /* warm-up only */ }
    checker = new Checker();
    self.postMessage({ ready: true, version: version() });
  },
  (e) => self.postMessage({ ready: false, error: `could not load the checker: ${e && e.message ? e.message : e}` }),
);

self.addEventListener('message', async (event) => {
  await ready;
  const { seq, sources, options } = event.data || {};
  const t0 = performance.now();
  try {
    const report = checker.check(sources, options ?? null);
    self.postMessage({ seq, report, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ seq, error: e && e.message ? e.message : String(e), ms: performance.now() - t0 });
  }
});
