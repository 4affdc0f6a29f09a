// fact-check.js — the <fact-check> custom element for CMS embeds. One
//   <script type="module" src=".../fact-check.js"></script>
// and then
//   <fact-check>
//     <article data-id="draft" data-outlet="Our draft">…</article>
//     <article data-id="wire1" data-outlet="Xinhua" data-published="2026-01-07">…</article>
//   </fact-check>
// Sources come from child <article> elements (data-id, data-outlet, data-published, data-url,
// data-title) or from the `sources` property. The element re-checks when they change
// (MutationObserver on children, text and attributes; debounced), renders the conflicts in
// its shadow DOM, and fires `factcheck-report` (detail: the report) or `factcheck-error`
// (detail: {message}). Theme it with CSS custom properties: --fc-font, --fc-fg, --fc-bg,
// --fc-muted, --fc-border, --fc-radius, --fc-conflict, --fc-conflict-bg, --fc-agree, --fc-mark.
// Attributes: debounce="ms" (default 200), compact (conflicts only). Checks run in a module
// worker (worker.js, next to this file) when the page allows one, else on the main thread.

import initEngine, { check as runCheck } from './pkg/factcheck.js'; // @engine-import
import { el, indexReport, groupCard, summaryLine } from './report-dom.js';

/**
 * The checker, shared by every element on the page: a module worker (worker.js next to this
 * file) so that checking never blocks the editor; on the main thread when a worker cannot be
 * started (the script served from another origin, or a CSP without worker-src 'self').
 */
class Engine {
  #worker = null;
  #pending = new Map();
  #next = 0;
  #local = null;

  constructor() {
    this.#start();
  }

  #start() {
    try {
      this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      this.#worker.addEventListener('message', (e) => this.#answer(e.data || {}));
      this.#worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.#fallBack();
      });
    } catch {
      this.#worker = null;
    }
  }

  /** Checks `sources`; resolves to the report, rejects with the checker's Error. */
  check(sources) {
    if (!this.#worker) return this.#checkHere(sources);
    const seq = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#pending.set(seq, { resolve, reject, sources });
      this.#worker.postMessage({ seq, sources });
    });
  }

  #answer(m) {
    if ('ready' in m) {
      if (!m.ready) this.#fallBack();
      return;
    }
    const p = this.#pending.get(m.seq);
    if (!p) return;
    this.#pending.delete(m.seq);
    if (m.error) p.reject(new Error(m.error));
    else p.resolve(m.report);
    if (m.fatal) this.#restart();
  }

  /** The worker's module trapped (a bug, not bad input): its memory can no longer be trusted,
   * so a fresh worker takes over, with the requests the old one had not answered yet. */
  #restart() {
    this.#worker.terminate();
    this.#start();
    for (const [seq, p] of this.#pending) {
      if (this.#worker) this.#worker.postMessage({ seq, sources: p.sources });
      else {
        this.#pending.delete(seq);
        this.#checkHere(p.sources).then(p.resolve, p.reject);
      }
    }
  }

  /** The worker failed to start: run everything (including what was waiting) here. */
  #fallBack() {
    if (this.#worker) this.#worker.terminate();
    this.#worker = null;
    for (const [seq, p] of this.#pending) {
      this.#pending.delete(seq);
      this.#checkHere(p.sources).then(p.resolve, p.reject);
    }
  }

  async #checkHere(sources) {
    this.#local ||= initEngine();
    await this.#local;
    return runCheck(sources, null);
  }
}

let engine = null;
const getEngine = () => (engine ||= new Engine());

const STYLE = `
:host { display: block; font-family: var(--fc-font, system-ui, sans-serif); color: var(--fc-fg, #1d1d1f);
  background: var(--fc-bg, transparent); line-height: 1.45; }
:host([hidden]) { display: none; }
.summary { font-weight: 600; margin: 0 0 .5rem; }
.error { color: var(--fc-conflict, #b3261e); margin: 0 0 .5rem; }
.cards { display: grid; gap: .6rem; }
.card { border: 1px solid var(--fc-border, #d9d9de); border-left: 5px solid var(--fc-muted, #55556a);
  border-radius: var(--fc-radius, 8px); padding: .6rem .8rem; background: var(--fc-bg, #fff); }
.card.v-conflict { border-left-color: var(--fc-conflict, #b3261e); background: var(--fc-conflict-bg, #fdecea); }
.card.v-agree { border-left-color: var(--fc-agree, #1b7a3a); }
h4 { margin: 0 0 .3rem; font-size: 1rem; display: flex; gap: .5rem; flex-wrap: wrap; align-items: baseline; }
.kind, .cause { font-size: .75rem; font-weight: 400; color: var(--fc-muted, #55556a); }
.why { margin: 0 0 .4rem; color: var(--fc-muted, #55556a); font-size: .9rem; }
.values { list-style: none; margin: 0; padding: 0; display: grid; gap: .4rem;
  grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); }
.values li { display: flex; flex-direction: column; gap: .15rem; border: 1px solid var(--fc-border, #d9d9de);
  border-radius: 6px; padding: .4rem .5rem; background: var(--fc-bg, #fff); min-width: 0; }
.src { font-size: .75rem; text-transform: uppercase; letter-spacing: .03em; color: var(--fc-muted, #55556a); }
.value { font-weight: 700; }
.v-conflict .value { color: var(--fc-conflict, #b3261e); }
.verbatim { font-size: .8rem; color: var(--fc-muted, #55556a); }
.evidence { font-size: .88rem; quotes: none; overflow-wrap: anywhere; }
mark { background: var(--fc-mark, #ffc9c4); color: inherit; font-weight: 600; border-radius: 2px; }
details summary { cursor: pointer; margin: .6rem 0 .3rem; }
.empty { color: var(--fc-muted, #55556a); font-style: italic; margin: 0; }
`;

let shared = null;
/** One constructed stylesheet shared by every <fact-check> on the page. */
function sheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(STYLE);
  }
  return shared;
}

const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'SECTION', 'HEADER', 'FOOTER', 'TR', 'FIGCAPTION']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The text of an <article>: text nodes, with paragraph breaks for block elements and <br>. */
export function articleText(node) {
  let out = '';
  const walk = (n) => {
    for (const c of n.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) out += c.data;
      else if (c.nodeType === Node.ELEMENT_NODE && !SKIP.has(c.tagName)) {
        if (c.tagName === 'BR') { out += '\n'; continue; }
        const block = BLOCK.has(c.tagName);
        if (block && out && !out.endsWith('\n\n')) out += out.endsWith('\n') ? '\n' : '\n\n';
        walk(c);
        if (block && !out.endsWith('\n\n')) out += '\n\n';
      }
    }
  };
  walk(node);
  return out;
}

/** The custom element. */
export class FactCheckElement extends HTMLElement {
  #sources = null;
  #report = null;
  #texts = new Map();
  #timer = 0;
  #observer = null;
  #root;
  #seq = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    // A constructed stylesheet is CSSOM, so it works under a strict style-src CSP; a <style>
    // element would not.
    if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      this.#root.adoptedStyleSheets = [sheet()];
    } else {
      this.#root.append(el('style', { text: STYLE }));
    }
    this.#root.append(
      el('div', { attrs: { part: 'panel', role: 'region', 'aria-label': 'Fact check' } },
        el('p', { className: 'summary', attrs: { part: 'summary', role: 'status', 'aria-live': 'polite' }, text: 'Checking…' }),
        el('p', { className: 'error', attrs: { part: 'error', role: 'alert' }, hidden: true }),
        el('div', { className: 'cards', attrs: { part: 'conflicts' } }),
        el('details', { className: 'others', attrs: { part: 'others' } },
          el('summary', { text: 'Other figures' }), el('div', { className: 'cards' }))));
  }

  connectedCallback() {
    this.#observer = new MutationObserver(() => this.#schedule());
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    this.#schedule(0);
  }

  disconnectedCallback() {
    if (this.#observer) this.#observer.disconnect();
    clearTimeout(this.#timer);
  }

  /** Sources set from JS (`[{id?, text, outlet?, published?, url?, title?}]`); they replace
   * the child <article>s while set. Set to null to go back to the children. */
  get sources() { return this.#sources ?? this.#childSources(); }
  set sources(v) { this.#sources = v == null ? null : Array.from(v); this.#schedule(0); }

  /** The last report, or null. */
  get report() { return this.#report; }

  /** Re-checks now; resolves to the report (or rejects with the input error). */
  async check() {
    clearTimeout(this.#timer);
    return this.#run();
  }

  #childSources() {
    return [...this.querySelectorAll(':scope > article')].map((a, i) => {
      const d = a.dataset;
      const s = { id: d.id || `s${i + 1}`, text: articleText(a) };
      for (const k of ['outlet', 'published', 'url', 'title']) if (d[k]) s[k] = d[k];
      return s;
    });
  }

  #schedule(ms) {
    clearTimeout(this.#timer);
    const wait = ms ?? (Number(this.getAttribute('debounce')) || 200);
    this.#timer = setTimeout(() => this.#run().catch(() => {}), wait);
  }

  async #run() {
    const seq = ++this.#seq;
    // Blank articles (an empty draft) are left out; anything else malformed goes to the
    // checker, whose error message says what is wrong.
    const sources = this.sources.filter((x) => !(x && typeof x.text === 'string' && x.text.trim() === ''));
    const summary = this.#root.querySelector('.summary');
    const error = this.#root.querySelector('.error');
    if (sources.length === 0) {
      summary.textContent = 'No articles to check.';
      error.hidden = true;
      this.#root.querySelector('.cards').replaceChildren();
      return null;
    }
    let report;
    try {
      report = await getEngine().check(sources);
    } catch (e) {
      if (seq !== this.#seq) return this.#report;
      error.hidden = false;
      error.textContent = e.message;
      this.dispatchEvent(new CustomEvent('factcheck-error', { detail: { message: e.message }, bubbles: true, composed: true }));
      throw e;
    }
    if (seq !== this.#seq) return this.#report; // a newer check is on its way
    error.hidden = true;
    this.#report = report;
    this.#texts = new Map(report.sources.map((src, i) => [src.id, sources[i].text]));
    this.#render();
    this.dispatchEvent(new CustomEvent('factcheck-report', { detail: report, bubbles: true, composed: true }));
    return report;
  }

  #render() {
    const r = this.#report;
    const idx = indexReport(r);
    this.#root.querySelector('.summary').textContent = summaryLine(r.summary);
    const conflicts = idx.byVerdict.conflict || [];
    const cards = this.#root.querySelector('.cards');
    cards.replaceChildren(...conflicts.map((g) => groupCard(g, idx, this.#texts, null)));
    if (conflicts.length === 0) cards.append(el('p', { className: 'empty', text: 'No conflicting figures.' }));
    const others = this.#root.querySelector('.others');
    others.hidden = this.hasAttribute('compact');
    const rest = [...(idx.byVerdict.not_comparable || []), ...(idx.byVerdict.agree || [])];
    others.querySelector('summary').textContent = `Look-alikes and agreements (${rest.length})`;
    others.querySelector('.cards').replaceChildren(...rest.map((g) => groupCard(g, idx, this.#texts, null)));
  }
}

if (!customElements.get('fact-check')) customElements.define('fact-check', FactCheckElement);
