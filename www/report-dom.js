// report-dom.js — builds DOM for a factcheck report: shared by the page (app.js) and the
// <fact-check> element. Article text is untrusted: every string goes into the DOM through
// textContent / createTextNode, never through HTML parsing.

/** Claim kinds in legend order, with a human label. Colors live in CSS (.k-<kind>). */
export const KINDS = [
  ['count', 'count'], ['money', 'money'], ['percent', 'percent'],
  ['percentage_points', 'percentage points'], ['ordinal', 'ordinal'], ['rank', 'rank'],
  ['date', 'date'], ['time', 'time'], ['duration', 'duration'], ['title', 'title'],
  ['venue', 'venue'], ['entity', 'entity'],
];

/** Verdicts in report order, with section titles. */
export const VERDICTS = [
  ['conflict', 'Conflicts'],
  ['not_comparable', 'Look-alikes, not comparable'],
  ['agree', 'Agreements'],
  ['single_source', 'Single-source figures'],
];

/**
 * Creates an element. `props`: className, text (textContent), attrs (setAttribute with
 * plain string values), on (event listeners), and any other own DOM property (hidden,
 * type, value, tabIndex, title). Children are nodes or strings (made text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    if (k === 'className') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'attrs') for (const [a, av] of Object.entries(v)) node.setAttribute(a, String(av));
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** The name to show for a source: outlet, else title, else file name, else id. */
export function sourceLabel(src) {
  if (!src) return '?';
  const md = src.metadata || {};
  return (md.outlet && md.outlet.value) || (md.title && md.title.value) || src.path || src.id;
}

/** One line about a source: "Xinhua · 2026-01-07 · BEIJING". */
export function sourceMeta(src) {
  const md = (src && src.metadata) || {};
  return [md.published && md.published.value, md.dateline && md.dateline.value]
    .filter(Boolean).join(' · ');
}

/** Lookup tables over a report. */
export function indexReport(report) {
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const sources = new Map(report.sources.map((s) => [s.id, s]));
  const order = new Map(report.sources.map((s, i) => [s.id, i]));
  const groupOf = new Map();
  for (const g of report.groups) for (const id of g.claims) if (!groupOf.has(id)) groupOf.set(id, g);
  const byVerdict = {};
  for (const [v] of VERDICTS) byVerdict[v] = [];
  for (const g of report.groups) (byVerdict[g.verdict] ||= []).push(g);
  return { claims, sources, order, groupOf, byVerdict };
}

const MAX_EVIDENCE = 360;

/**
 * The evidence sentence of `claim` in `text` (the source's original text) with the claim's
 * span in a <mark>, sliced by UTF-16 offsets. Long sentences are cut around the span.
 */
export function evidence(text, claim, markClass = 'hit') {
  const q = el('q', { className: 'evidence' });
  if (typeof text !== 'string') return q;
  const s = claim.sentence || { start_utf16: claim.start_utf16, end_utf16: claim.end_utf16 };
  let a = Math.max(0, Math.min(s.start_utf16, claim.start_utf16));
  let b = Math.min(text.length, Math.max(s.end_utf16, claim.end_utf16));
  let pre = '', post = '';
  if (b - a > MAX_EVIDENCE) {
    const room = Math.max(0, (MAX_EVIDENCE - (claim.end_utf16 - claim.start_utf16)) >> 1);
    if (claim.start_utf16 - a > room) { a = claim.start_utf16 - room; pre = '…'; }
    if (b - claim.end_utf16 > room) { b = claim.end_utf16 + room; post = '…'; }
  }
  q.append(
    pre + text.slice(a, claim.start_utf16).trimStart(),
    el('mark', { className: markClass, text: text.slice(claim.start_utf16, claim.end_utf16) }),
    text.slice(claim.end_utf16, b).trimEnd() + post,
  );
  return q;
}

const SIGN = { approximate: '~', at_least: '≥', more_than: '>', at_most: '≤', less_than: '<' };

/**
 * The value of a claim for people: the core's `display`, except durations ("P4D" becomes
 * "4 days") and dates the core could not pin down (shown as written).
 */
export function pretty(c) {
  const v = c.value || {};
  if (v.type === 'duration' && v.amount && typeof v.amount.value === 'number' && v.unit) {
    const n = v.amount.value;
    const unit = n === 1 ? v.unit : `${v.unit}s`;
    const num = c.qualifier === 'range' ? `${v.amount.low}–${v.amount.high}` : `${SIGN[c.qualifier] || ''}${n}`;
    return [num, unit, c.noun ? `(${c.noun})` : ''].filter(Boolean).join(' ');
  }
  if (v.type === 'date' && !v.start && typeof v.timex === 'string' && v.timex.includes('X')) return c.text;
  return c.display;
}

/** Claims of a group in source order, then text order. */
export function groupClaims(group, idx) {
  return group.claims
    .map((id) => idx.claims.get(id))
    .filter(Boolean)
    .sort((x, y) => (idx.order.get(x.source) - idx.order.get(y.source)) || (x.start_utf16 - y.start_utf16));
}

/**
 * A card for one group: measure, explanation, each source's value side by side with its
 * evidence. `texts` maps source id to text; `onValue(claim)` is called when a value is
 * activated (jump to it), or values are plain text when it is absent; `labelOf(sourceId)`
 * names a source (default: outlet, title, file name or id).
 */
export function groupCard(group, idx, texts, onValue, labelOf = (id) => sourceLabel(idx.sources.get(id))) {
  const card = el('article', {
    className: `card v-${group.verdict}`,
    attrs: { 'data-group': group.id, 'data-verdict': group.verdict, part: `card ${group.verdict}` },
  });
  card.append(
    el('h4', { className: 'measure' }, group.measure || group.kind,
      el('span', { className: `kind k-${group.kind}`, text: group.kind.replaceAll('_', ' ') }),
      group.cause ? el('span', { className: 'cause', title: 'The rule that decided the verdict', text: group.cause.replaceAll('_', ' ') }) : null),
  );
  if (group.explanation) card.append(el('p', { className: 'why', text: group.explanation }));
  const list = el('ul', { className: 'values' });
  for (const c of groupClaims(group, idx)) {
    const name = labelOf(c.source);
    const label = pretty(c);
    const value = onValue
      ? el('button', {
          type: 'button', className: 'value',
          title: `Show “${c.text}” in ${name}`,
          attrs: { 'data-claim': c.id },
          on: { click: () => onValue(c) },
        }, label)
      : el('span', { className: 'value', attrs: { 'data-claim': c.id } }, label);
    list.append(el('li', { attrs: { 'data-source': c.source } },
      el('span', { className: 'src', text: name, title: name }),
      value,
      el('span', { className: 'verbatim', text: `“${c.text}”` }),
      evidence(texts.get(c.source), c),
    ));
  }
  card.append(list);
  return card;
}

/**
 * The text of one source with every claim marked by kind. Nested claims (an entity inside a
 * title) are nested marks; a claim crossing another's end is left unmarked.
 */
export function markedText(text, claims) {
  const frag = document.createDocumentFragment();
  const sorted = claims
    .filter((c) => c.start_utf16 < c.end_utf16 && c.end_utf16 <= text.length)
    .sort((x, y) => (x.start_utf16 - y.start_utf16) || (y.end_utf16 - x.end_utf16));
  let i = 0;
  // Renders text[from, to) into parent, consuming the claims that fit inside.
  const render = (parent, from, to) => {
    let pos = from;
    while (i < sorted.length && sorted[i].start_utf16 < to) {
      const c = sorted[i];
      if (c.start_utf16 < pos || c.end_utf16 > to) { i++; continue; }
      if (c.start_utf16 > pos) parent.append(text.slice(pos, c.start_utf16));
      const mark = el('mark', {
        className: `claim k-${c.kind}`,
        title: `${c.kind.replaceAll('_', ' ')}: ${pretty(c)}`,
        tabIndex: -1,
        attrs: { 'data-claim': c.id },
      });
      i++;
      render(mark, c.start_utf16, c.end_utf16);
      parent.append(mark);
      pos = c.end_utf16;
    }
    if (pos < to) parent.append(text.slice(pos, to));
  };
  render(frag, 0, text.length);
  return frag;
}

/** The legend of claim kinds, as <li> items with a swatch. */
export function legendItems(kinds = KINDS) {
  return kinds.map(([k, label]) => el('li', {}, el('span', { className: `swatch k-${k}`, attrs: { 'aria-hidden': 'true' } }), label));
}

/** The summary line: "5 sources · 2 conflicts · 7 agreements · ...". */
export function summaryLine(s) {
  const n = (x, one, many) => `${x} ${x === 1 ? one : many}`;
  return [
    n(s.sources, 'source', 'sources'),
    n(s.conflicts, 'conflict', 'conflicts'),
    n(s.agreements, 'agreement', 'agreements'),
    n(s.not_comparable, 'look-alike', 'look-alikes'),
    n(s.single_source, 'single-source figure', 'single-source figures'),
    n(s.claims, 'claim', 'claims'),
  ].join(' · ');
}

/** A CSV cell: quoted when needed, and defused when a spreadsheet would read it as a formula. */
function cell(v) {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report as CSV: one row per claim, with the verdict of its group. */
export function reportCsv(report, texts) {
  const idx = indexReport(report);
  const head = ['claim', 'source', 'outlet', 'kind', 'text', 'display', 'qualifier', 'start_utf16', 'end_utf16',
    'group', 'verdict', 'measure', 'cause', 'sentence'];
  const rows = [head];
  for (const c of report.claims) {
    const g = idx.groupOf.get(c.id);
    const t = texts.get(c.source);
    const sentence = typeof t === 'string' && c.sentence ? t.slice(c.sentence.start_utf16, c.sentence.end_utf16).trim() : '';
    rows.push([c.id, c.source, sourceLabel(idx.sources.get(c.source)), c.kind, c.text, c.display, c.qualifier,
      c.start_utf16, c.end_utf16, g ? g.id : '', g ? g.verdict : '', g ? g.measure : (c.measure || ''),
      g ? g.cause : '', sentence]);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
