// app.js — the factcheck page: keeps the list of articles, sends them to the checker in a
// module worker (debounced while typing), and renders the report: conflicts first, then
// look-alikes, agreements and single-source figures, and one article with its claims marked.
// Every check, the first one included, runs in the worker: the first check also compiles the
// extractors' regexes, and the page stays responsive meanwhile.
// Article text is untrusted and only ever reaches the DOM as text nodes (see report-dom.js).

import seeds, { report as seedReport } from './seeds.js';
import {
  el, KINDS, indexReport, groupCard, markedText, legendItems, summaryLine,
  sourceLabel, sourceMeta, reportCsv,
} from './report-dom.js';

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 150;

/** The articles, in order: {id, text, path}. */
const articles = [];
let nextId = 1;
let report = null;
let idx = null;
let texts = new Map();

// ---------------------------------------------------------------- checker in a worker
let worker = null;
let seq = 0;
let inFlight = false;
let dirty = false;
let timer = 0;
const t0 = performance.now();
let firstReport = true;

/** Exposed for tests and benchmarks: timings of the checker. */
const stats = { loadToReportMs: null, lastCheckMs: null, checks: 0, restarts: 0 };
window.factcheckStats = stats;

/** Starts the checker's worker; a worker whose module trapped is replaced by a new one. */
function startWorker() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.addEventListener('message', onAnswer);
  worker.addEventListener('error', (e) => showError(`The checker failed: ${e.message || 'unknown error'}`));
}

function onAnswer(ev) {
  const m = ev.data;
  if ('ready' in m) {
    if (!m.ready) showError(m.error);
    else $('version').textContent = `factcheck ${m.version}`;
    return;
  }
  inFlight = false;
  busy(false);
  stats.lastCheckMs = m.ms;
  stats.checks++;
  if (m.fatal) {
    // The module trapped: its state is lost for every later request, so start a fresh worker
    // (the next edit is checked by it; the report shown stays the last good one).
    worker.terminate();
    stats.restarts++;
    startWorker();
    showError(`The checker stopped on an internal error and was restarted (${m.error}). `
      + 'The report below is from before the last change; please report the article that caused this.');
    if (dirty) send();
    return;
  }
  if (m.seq === seq) {
    if (m.error) showError(m.error);
    else {
      showError(null);
      render(m.report, true);
    }
  }
  if (dirty) send();
}
startWorker();

/** Sends the current articles to the worker (at most one request in flight). */
function send() {
  if (inFlight) { dirty = true; return; }
  dirty = false;
  const usable = articles.filter((a) => a.text.trim() !== '');
  if (usable.length === 0) {
    render(null);
    return;
  }
  inFlight = true;
  busy(true);
  seq++;
  const sources = usable.map((a) => ({ id: a.id, text: a.text, path: a.path || null }));
  pendingTexts.set(seq, new Map(usable.map((a) => [a.id, a.text])));
  worker.postMessage({ seq, sources });
}
/** The texts sent with each request, so the report is rendered against what it checked. */
const pendingTexts = new Map();

/** Shows that a check is running (the report below is the previous one until it ends). */
function busy(on) {
  $('busy').hidden = !on;
  $('report').setAttribute('aria-busy', on ? 'true' : 'false');
}

/** Schedules a re-check after typing pauses. */
function schedule(now = false) {
  clearTimeout(timer);
  if (now) send();
  else timer = setTimeout(send, DEBOUNCE_MS);
}

function showError(msg) {
  const e = $('error');
  e.hidden = !msg;
  e.textContent = msg || '';
}

// ---------------------------------------------------------------- articles
function addArticle(text, path) {
  const id = `a${nextId++}`;
  articles.push({ id, text, path: path || null });
  renderSources();
  schedule(true);
  return id;
}

function removeArticle(id) {
  const i = articles.findIndex((a) => a.id === id);
  if (i >= 0) articles.splice(i, 1);
  renderSources();
  schedule(true);
}

/** A name for an article: outlet, headline or file name from the report, else its first line. */
function nameOf(a) {
  const src = idx && idx.sources.get(a.id);
  const label = src ? sourceLabel(src) : a.path;
  if (label && label !== a.id) return label;
  const first = a.text.split('\n').map((l) => l.trim()).find(Boolean) || '';
  const chars = Array.from(first);
  return chars.length === 0 ? a.id : chars.length > 48 ? `${chars.slice(0, 47).join('')}…` : first;
}
const labelOf = (id) => {
  const a = articles.find((x) => x.id === id);
  return a ? nameOf(a) : id;
};

/**
 * Rebuilds the article list. With `structural` false (a report arrived) and an editor focused,
 * only the labels are updated, so nothing is rebuilt under the caret; when articles are added or
 * removed the list is rebuilt and the focused editor gets its focus and selection back.
 */
function renderSources(structural = true) {
  const list = $('source-list');
  const open = new Set([...list.querySelectorAll('details[open]')].map((d) => d.dataset.id));
  const active = document.activeElement;
  const focused = active && active.matches && active.matches('#source-list textarea') ? active : null;
  if (focused && !structural) return updateSourceLabels();
  const caret = focused && {
    id: focused.closest('li').dataset.id, start: focused.selectionStart, end: focused.selectionEnd, top: focused.scrollTop,
  };
  list.replaceChildren();
  for (const a of articles) {
    const label = nameOf(a);
    const ta = el('textarea', {
      value: a.text, rows: 10, spellcheck: false,
      attrs: { 'aria-label': `Text of ${label}` },
      on: { input: (e) => { a.text = e.target.value; schedule(); } },
    });
    const details = el('details', { attrs: { 'data-id': a.id } },
      el('summary', {}, 'Edit text'), ta);
    if (open.has(a.id)) details.open = true;
    list.append(el('li', { className: 'source', attrs: { 'data-id': a.id } },
      el('div', { className: 'source-head' },
        el('span', { className: 'badge', text: a.id }),
        el('span', { className: 'name', text: label }),
        el('button', {
          type: 'button', className: 'remove', title: `Remove ${label}`,
          attrs: { 'aria-label': `Remove ${label}` },
          on: { click: () => removeArticle(a.id) },
        }, '✕')),
      el('p', { className: 'meta', text: sourceInfoLine(a) }),
      details));
  }
  const again = caret && [...list.children].find((li) => li.dataset.id === caret.id);
  if (again) {
    const ta = again.querySelector('textarea');
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(caret.start, caret.end);
    ta.scrollTop = caret.top;
  }
}

function sourceInfoLine(a) {
  const src = idx && idx.sources.get(a.id);
  if (!src) return a.path || '';
  const n = report.claims.filter((c) => c.source === a.id).length;
  const named = nameOf(a) !== a.path;
  return [sourceMeta(src), `${n} claim${n === 1 ? '' : 's'}`, named ? a.path : null].filter(Boolean).join(' · ');
}

function updateSourceLabels() {
  for (const li of $('source-list').children) {
    const a = articles.find((x) => x.id === li.dataset.id);
    if (!a) continue;
    li.querySelector('.name').textContent = nameOf(a);
    li.querySelector('.meta').textContent = sourceInfoLine(a);
  }
}

async function addFiles(files) {
  for (const f of files) {
    if (f.size > 16 * 1024 * 1024) { showError(`${f.name}: larger than 16 MB; split it into separate articles`); continue; }
    addArticle(await f.text(), f.name);
  }
}

// ---------------------------------------------------------------- report
const SECTIONS = [
  ['conflict', 'conflicts', 'n-conflicts', null],
  ['not_comparable', 'not-comparable', 'n-not-comparable', 'not-comparable-box'],
  ['agree', 'agree', 'n-agree', 'agree-box'],
  ['single_source', 'single', 'n-single', 'single-box'],
];

/** What the report on screen was rendered from, to skip re-rendering the same thing. */
let shownKey = null;

function render(r, live = false) {
  const sentTexts = r ? pendingTexts.get(seq) : null;
  pendingTexts.clear();
  const nextTexts = sentTexts || new Map(articles.map((a) => [a.id, a.text]));
  // Same report of the same texts (the live check confirming the build-time seed report, or an
  // edit that changed no claim and no offset): leave the DOM, and the reader's focus, alone.
  const key = r ? JSON.stringify([r, [...nextTexts]]) : null;
  const same = key !== null && key === shownKey;
  shownKey = key;
  report = r;
  texts = nextTexts;
  idx = r ? indexReport(r) : null;
  if (same) {
    markReady(r, live);
    return;
  }
  $('summary').textContent = r ? summaryLine(r.summary) : 'No articles: add one to start.';
  $('export-json').disabled = !r;
  $('export-csv').disabled = !r;
  for (const [verdict, box, count, details] of SECTIONS) {
    const groups = idx ? idx.byVerdict[verdict] || [] : [];
    $(count).textContent = `(${groups.length})`;
    // A collapsed section is filled when it is opened (see fillOnOpen): the seeds' agreements
    // and single-source figures are most of the cards, and most readers never open them.
    const fill = () => fillSection($(box), verdict, groups);
    if (details && !$(details).open) {
      pendingFill.set(details, fill);
      $(box).replaceChildren();
    } else {
      pendingFill.delete(details);
      fill();
    }
  }
  updateSourceLabels();
  renderPicker();
  renderArticle();
  markReady(r, live);
}

/** The cards of one verdict section (or a line saying there are none). */
function fillSection(host, verdict, groups) {
  host.replaceChildren(...groups.map((g) => groupCard(g, idx, texts, jumpTo, labelOf)));
  if (groups.length === 0) {
    host.append(el('p', { className: 'empty', text: verdict === 'conflict' ? 'No conflicting figures found.' : 'None.' }));
  }
}

/** Collapsed sections waiting to be filled: details id -> fill function. */
const pendingFill = new Map();

function fillOnOpen() {
  for (const [, , , details] of SECTIONS) {
    if (!details) continue;
    $(details).addEventListener('toggle', () => {
      const fill = pendingFill.get(details);
      if ($(details).open && fill) {
        pendingFill.delete(details);
        fill();
      }
    });
  }
}

/** Records the first report and the first live (worker) report for tests and benchmarks. */
function markReady(r, live) {
  if (r && firstReport) {
    firstReport = false;
    stats.loadToReportMs = performance.now() - t0;
    performance.mark('factcheck:first-report');
    document.documentElement.dataset.state = 'ready';
  }
  if (r && live && !performance.getEntriesByName('factcheck:first-live-report').length) {
    performance.mark('factcheck:first-live-report');
    document.documentElement.dataset.live = 'true';
  }
  document.documentElement.dataset.checks = String(stats.checks);
}

function renderPicker() {
  const pick = $('article-pick');
  const current = pick.value;
  pick.replaceChildren(...articles.map((a) => el('option', { value: a.id, text: `${a.id} — ${nameOf(a)}` })));
  if (articles.some((a) => a.id === current)) pick.value = current;
}

function renderArticle() {
  const view = $('article-text');
  const id = $('article-pick').value;
  const text = texts.get(id);
  if (typeof text !== 'string') {
    view.replaceChildren(el('p', { className: 'empty', text: 'Nothing to show.' }));
    return;
  }
  // Before the first report the text is shown plain; the marks come with the report.
  view.replaceChildren(markedText(text, report ? report.claims.filter((c) => c.source === id) : []));
}

/** Shows a claim in its article: selects the article, scrolls to the mark, focuses it. */
function jumpTo(claim) {
  const pick = $('article-pick');
  if (pick.value !== claim.source) {
    pick.value = claim.source;
    renderArticle();
  }
  const marks = new Map([...$('article-text').querySelectorAll('mark[data-claim]')].map((m) => [m.dataset.claim, m]));
  // A claim crossing another one's edge has no mark of its own: use one that overlaps it.
  const mark = marks.get(claim.id) || report.claims
    .filter((c) => c.source === claim.source && marks.has(c.id)
      && c.start_utf16 < claim.end_utf16 && claim.start_utf16 < c.end_utf16)
    .map((c) => marks.get(c.id))[0];
  if (!mark) return;
  for (const m of $('article-text').querySelectorAll('mark.flash')) m.classList.remove('flash');
  mark.classList.add('flash');
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  mark.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- export
function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------- wiring
function wire() {
  $('legend').replaceChildren(...legendItems(KINDS));
  $('article-pick').addEventListener('change', renderArticle);
  $('add-paste').addEventListener('click', () => {
    const ta = $('paste');
    if (ta.value.trim() === '') { showError('Paste an article’s text first.'); ta.focus(); return; }
    addArticle(ta.value, null);
    ta.value = '';
  });
  $('files').addEventListener('change', (e) => { addFiles([...e.target.files]); e.target.value = ''; });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    addFiles([...(e.dataTransfer ? e.dataTransfer.files : [])]);
  });
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('files').click(); }
  });
  // Dropping a file anywhere else must not navigate away from the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  $('export-json').addEventListener('click', () => report && download('factcheck-report.json', 'application/json', JSON.stringify(report, null, 2)));
  $('export-csv').addEventListener('click', () => report && download('factcheck-report.csv', 'text/csv', reportCsv(report, texts)));
}

wire();
fillOnOpen();
for (const s of seeds) {
  articles.push({ id: s.id, text: s.text, path: s.file });
  nextId = Math.max(nextId, Number(String(s.id).slice(1)) + 1 || nextId);
}
renderSources();
texts = new Map(articles.map((a) => [a.id, a.text]));
renderPicker();
renderArticle();
// The seeds' report was computed at build time with the same wasm: show it now, and check live
// in the worker (which replaces it, and is then warm for editing).
if (seedReport && seedReport.sources && seedReport.sources.length === articles.length) {
  pendingTexts.set(seq, new Map(texts));
  render(seedReport);
}
schedule(true);
