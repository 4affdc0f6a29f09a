// embed.js — the mock CMS editor of embed.html: mirrors the draft textarea into the
// <fact-check> element next to two wire stories, and lists the draft's figures that the
// element's report puts in conflict, with the value highlighted in its sentence.

import seeds from './seeds.js';
import { el, evidence, sourceLabel, indexReport, groupClaims } from './report-dom.js';

const $ = (id) => document.getElementById(id);
const WIRES = [
  { file: '000_a038938c61ebb700.txt', id: 'wire1', outlet: 'Wire 1', published: '2026-01-06' },
  { file: '004_1c4ffb9afab69328.txt', id: 'wire2', outlet: 'Xinhua' },
];
const DRAFT = 'BEIJING — President Lee Jae Myung on Tuesday held talks with Premier Li Qiang and '
  + 'Zhao Leji, chairman of the Standing Committee of the National People’s Congress, on the third day '
  + 'of his four-day state visit to China.\n\n'
  + 'A business delegation of around 400 people from 161 Korean companies traveled with Lee and attended '
  + 'a business forum on Monday.';

const fc = $('fc');
const draftSource = $('draft-source');
const draft = $('draft');

/** An <article> for a wire story: one <p> per paragraph, text nodes only. */
function wireArticle(w, text) {
  const art = el('article', { className: 'wire', attrs: { 'data-id': w.id, 'data-outlet': w.outlet } });
  if (w.published) art.dataset.published = w.published;
  for (const para of text.split(/\n\s*\n|\n/)) if (para.trim()) art.append(el('p', { text: para.trim() }));
  return art;
}

for (const w of WIRES) {
  const seed = seeds.find((s) => s.file === w.file);
  if (!seed) continue;
  const shown = wireArticle(w, seed.text);
  $('wire-list').append(el('section', { className: 'wire-card', attrs: { 'aria-label': w.outlet } },
    el('h3', { text: w.outlet + (w.published ? ` · ${w.published}` : '') }), shown));
  fc.append(shown.cloneNode(true));
}

draft.value = DRAFT;
const mirror = () => { draftSource.textContent = draft.value; };
draft.addEventListener('input', mirror);
$('published').addEventListener('change', (e) => { draftSource.dataset.published = e.target.value; });
$('headline').addEventListener('input', (e) => { draftSource.dataset.title = e.target.value; });
draftSource.dataset.title = $('headline').value;
mirror();

fc.addEventListener('factcheck-report', (ev) => {
  const report = ev.detail;
  const idx = indexReport(report);
  const texts = new Map([['draft', draftSource.textContent]]);
  const items = [];
  for (const g of idx.byVerdict.conflict || []) {
    const claims = groupClaims(g, idx);
    const mine = claims.filter((c) => c.source === 'draft');
    const theirs = claims.filter((c) => c.source !== 'draft');
    for (const c of mine) {
      items.push(el('li', { className: 'flag', attrs: { 'data-claim': c.id } },
        el('p', { className: 'flag-head' },
          el('mark', { className: 'flag-value', text: c.text }),
          ` — ${g.measure}`),
        evidence(texts.get('draft'), c, 'flag-value'),
        el('p', { className: 'flag-wires' },
          theirs.length ? 'The wires say: ' : 'Inconsistent within your draft.',
          ...theirs.flatMap((t, i) => [i ? '; ' : '', el('strong', { text: t.text }), ` (${sourceLabel(idx.sources.get(t.source))})`])),
        g.explanation ? el('p', { className: 'flag-why', text: g.explanation }) : null));
    }
  }
  $('flags').replaceChildren(...items);
  if (items.length === 0) $('flags').append(el('li', { className: 'ok', text: 'No figure in the draft disagrees with the wires.' }));
  $('flag-count').textContent = `(${items.length})`;
  document.documentElement.dataset.flags = String(items.length);
});
fc.addEventListener('factcheck-error', (ev) => {
  $('flags').replaceChildren(el('li', { className: 'ok', text: ev.detail.message }));
});
