// worker.js — runs the checker (WebAssembly) off the main thread so typing never stutters;
// used by the page (app.js) and by the <fact-check> element.
// Messages in: {seq, sources, options}. Messages out: {ready, version} once, then
// {seq, report, ms} or {seq, error, fatal} per request. `fatal` is true when the WebAssembly
// module itself trapped (a panic: a bug, never bad input, which is an ordinary error): the
// module's memory can no longer be trusted, so the page replaces this worker with a new one.

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

// Re-checks while typing, warmed up. V8 first runs WebAssembly with its baseline compiler and
// recompiles a function with the optimizing one only once the function has run enough; the
// page's first check alone left most of a re-check's code at the baseline tier, and the first
// few dozen keys were re-checked ~1.7x slower than later ones. So once, after the first
// successful check, the worker types into a private session of those same articles while it
// is idle: one re-check per task (a few ms, so a real request waits at most that long), one
// article at a time, WARM_STEPS in all; then the private session is freed. It never touches
// `checker`, so reports are as without it. It starts WARM_DELAY_MS after that check, not at
// once: a page navigated away from right after its first report (as the benchmark's page
// loads are) is gone by then instead of competing with the next page's load (warm load
// median 70 -> 80 ms when it started at once).
const WARM_STEPS = 40;
const WARM_DELAY_MS = 250;
let warmed = false;

function warmUp(sources, options) {
  warmed = true;
  let session = null;
  const edited = sources.map((s) => ({ ...s }));
  let step = 0;
  const next = () => {
    try {
      if (session === null) {
        session = new Checker();
        session.check(edited, options);
      } else {
        const i = step % edited.length;
        edited[i] = { ...edited[i], text: `${edited[i].text}${step % 7 === 6 ? '.' : ' 5'}` };
        session.check(edited, options);
      }
    } catch {
      step = WARM_STEPS; // warm-up only: stop on anything unexpected
    }
    if (++step <= WARM_STEPS) setTimeout(next, 0);
    else if (session !== null) session.free();
  };
  setTimeout(next, WARM_DELAY_MS);
}

self.addEventListener('message', async (event) => {
  await ready;
  const { seq, sources, options } = event.data || {};
  const t0 = performance.now();
  try {
    const report = checker.check(sources, options ?? null);
    self.postMessage({ seq, report, ms: performance.now() - t0 });
    if (!warmed) warmUp(sources, options ?? null);
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError;
    self.postMessage({ seq, error: e && e.message ? e.message : String(e), fatal, ms: performance.now() - t0 });
  }
});
