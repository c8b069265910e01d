// The report's style sheets and scripts. Colours are never the only sign: a repair is a solid
// underline and a solid box, a doubtful OCR word a dotted one with a "?", a warning a symbol
// and a word. Sizes are in rem so the pages reflow at 200% zoom; print drops the controls.
#include "report/html.hpp"

namespace protokoll::report {

const char* const kDocumentStyle = R"css(
:root { --fix: #0b57d0; --fix-bg: #dbe7fb; --low: #8a5300; --low-bg: #fdf0d5; --ink: #1b1b1b; --muted: #5c5c5c; }
* { box-sizing: border-box; }
body { font: 1rem/1.45 system-ui, sans-serif; color: var(--ink); margin: 0 auto; padding: 1rem; max-width: 110rem; }
h1 { font-size: 1.4rem; margin: .2rem 0; word-break: break-all; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
a { color: var(--fix); }
.facts { color: var(--muted); margin: 0 0 .5rem; }
.keys { font-size: .9rem; color: var(--muted); }
kbd { border: 1px solid #999; border-radius: 3px; padding: 0 .25rem; font-size: .85rem; }
.legend span { margin-right: 1rem; }
.warnings li { margin: .2rem 0; }
.warnings li::before { content: "\26A0\FE0E  "; }
table { border-collapse: collapse; margin: .3rem 0 1rem; }
th, td { border: 1px solid #c8c8c8; padding: .2rem .45rem; text-align: left; vertical-align: top; }
th { background: #f1f1f1; }
.record { margin-bottom: 1.5rem; }
td p { margin: 0 0 .3rem; }
.sheet { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; margin: 1rem 0 2rem;
         border-top: 2px solid #c8c8c8; padding-top: .5rem; }
.sheet.textonly { grid-template-columns: minmax(0, 1fr); }
.sheet > h2 { grid-column: 1 / -1; margin: 0; }
figure.scan { position: relative; margin: 0; align-self: start; border: 1px solid #c8c8c8; }
figure.scan img { display: block; width: 100%; height: auto; }
figure.scan.missing::after { content: "page image not found"; display: block; padding: 1rem; }
.box { position: absolute; border: 1px solid rgba(0, 0, 0, .12); }
.box.fix { border: 2px solid var(--fix); background: rgba(11, 87, 208, .12); }
.box.low { border: 2px dotted var(--low); }
.box.on { outline: 3px solid #000; }
ol.lines { list-style: none; margin: 0; padding: 0; font: .95rem/1.5 ui-monospace, "DejaVu Sans Mono", monospace; }
ol.lines li { white-space: pre-wrap; overflow-wrap: anywhere; padding-left: 3.6rem; text-indent: -3.6rem; min-height: 1.4em; }
ol.lines li:target { background: #fff7c2; }
.ln { display: inline-block; width: 3.2rem; margin-right: .4rem; text-align: right; color: var(--muted); user-select: none; }
mark { color: inherit; position: relative; }
mark.fix, .sample-fix { background: var(--fix-bg); border-bottom: 2px solid var(--fix); }
mark.fix:focus { outline: 3px solid #000; }
mark.low, .sample-low { background: var(--low-bg); border-bottom: 2px dotted var(--low); }
mark.low::after, .sample-low::after { content: "?"; font-size: .7em; vertical-align: super; color: var(--low); }
.tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 2; min-width: 16rem; text-indent: 0;
       background: #fff; border: 1px solid #444; padding: .3rem .5rem; font: .85rem/1.4 system-ui, sans-serif; white-space: normal; }
mark.fix:hover .tip, mark.fix:focus .tip { display: block; }
@media (max-width: 60rem) { .sheet { grid-template-columns: minmax(0, 1fr); } }
@media print {
  .keys, .tip, nav { display: none !important; }
  .sheet { grid-template-columns: minmax(0, 1fr); break-inside: avoid-page; }
  body { max-width: none; }
}
)css";

const char* const kDocumentScript = R"js(
(function () {
  for (const img of document.querySelectorAll('figure.scan img')) {
    const done = ok => { img.dataset.state = ok ? 'loaded' : 'missing'; if (!ok) img.parentNode.classList.add('missing'); };
    if (img.complete) done(img.naturalWidth > 0);
    else { img.addEventListener('load', () => done(true)); img.addEventListener('error', () => done(false)); }
  }
  const fixes = Array.from(document.querySelectorAll('mark.fix'));
  const light = (id, on) => { for (const b of document.querySelectorAll('.box[data-c="' + id + '"]')) b.classList.toggle('on', on); };
  for (const m of fixes) {
    m.addEventListener('focus', () => light(m.id, true));
    m.addEventListener('blur', () => light(m.id, false));
    m.addEventListener('mouseenter', () => light(m.id, true));
    m.addEventListener('mouseleave', () => light(m.id, false));
  }
  for (const b of document.querySelectorAll('.box.fix')) {
    b.addEventListener('click', e => { e.preventDefault(); const m = document.getElementById(b.dataset.c); if (m) { m.focus(); m.scrollIntoView({ block: 'center' }); } });
  }
  document.addEventListener('keydown', e => {
    if (e.altKey || e.ctrlKey || e.metaKey || !fixes.length) return;
    const step = { n: 1, j: 1, p: -1, k: -1 }[e.key];
    if (!step) return;
    const at = fixes.indexOf(document.activeElement);
    const next = fixes[at < 0 ? (step > 0 ? 0 : fixes.length - 1) : (at + step + fixes.length) % fixes.length];
    next.focus();
    next.scrollIntoView({ block: 'center' });
    e.preventDefault();
  });
})();
)js";

const char* const kIndexStyle = R"css(
* { box-sizing: border-box; }
body { font: 1rem/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 0 auto; padding: 1rem; max-width: 110rem; }
h1 { font-size: 1.4rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: .5rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8c8c8; padding: .2rem .45rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
th button::after { content: " \2195"; color: #888; }
th[aria-sort="ascending"] button::after { content: " \25B2"; color: #000; }
th[aria-sort="descending"] button::after { content: " \25BC"; color: #000; }
tr.failed td { background: #fdf0d5; }
tr.failed td:first-child::before { content: "\2716\FE0E  "; }
td a { overflow-wrap: anywhere; }
.pager { margin: .5rem 0; }
@media print { .controls, .pager { display: none; } }
)css";

const char* const kIndexScript = R"js(
(function () {
  const rows = JSON.parse(document.getElementById('entries').textContent);
  const perPage = 100;
  const state = { key: 'worst', dir: 1, code: '', text: '', page: 0 };
  const badness = r => (r.error ? 1e9 : 0) + r.warnings.length * 1e6 + (r.confidence == null ? 0 : (100 - r.confidence) * 1e3) + r.unknown;
  const value = (r, key) => key === 'worst' ? -badness(r) : key === 'warnings' ? r.warnings.length : r[key];
  const codes = Array.from(new Set(rows.flatMap(r => r.warnings))).sort();
  const select = document.getElementById('code');
  for (const c of codes) { const o = document.createElement('option'); o.value = c; o.textContent = c; select.appendChild(o); }
  const body = document.querySelector('#docs tbody');
  const cell = (tr, text, cls) => { const td = tr.insertCell(); td.textContent = text; if (cls) td.className = cls; return td; };
  function render() {
    const text = state.text.toLowerCase();
    let shown = rows.filter(r => (!state.code || r.warnings.includes(state.code)) && (!text || r.input.toLowerCase().includes(text)));
    shown.sort((a, b) => {
      const x = value(a, state.key), y = value(b, state.key);
      if (x == null && y == null) return 0;
      if (x == null) return 1;
      if (y == null) return -1;
      return (x < y ? -1 : x > y ? 1 : 0) * state.dir;
    });
    const pages = Math.max(1, Math.ceil(shown.length / perPage));
    state.page = Math.min(state.page, pages - 1);
    body.textContent = '';
    for (const r of shown.slice(state.page * perPage, (state.page + 1) * perPage)) {
      const tr = body.insertRow();
      if (r.error) tr.className = 'failed';
      const td = tr.insertCell();
      if (r.href) { const a = document.createElement('a'); a.href = r.href; a.textContent = r.input; td.appendChild(a); }
      else td.textContent = r.input;
      cell(tr, r.kind);
      for (const k of ['pages', 'meetings', 'repairs', 'unknown']) cell(tr, String(r[k]), 'n');
      cell(tr, r.confidence == null ? '' : r.confidence.toFixed(1), 'n');
      cell(tr, r.error ? 'failed: ' + r.error : r.warnings.join(', '));
    }
    document.getElementById('count').textContent = shown.length + ' of ' + rows.length + ' inputs';
    document.getElementById('where').textContent = 'page ' + (state.page + 1) + ' of ' + pages;
    document.getElementById('prev').disabled = state.page === 0;
    document.getElementById('next').disabled = state.page >= pages - 1;
    for (const th of document.querySelectorAll('th[data-key]'))
      th.setAttribute('aria-sort', th.dataset.key === state.key ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
  }
  for (const th of document.querySelectorAll('th[data-key]'))
    th.querySelector('button').addEventListener('click', () => {
      state.dir = state.key === th.dataset.key ? -state.dir : (th.dataset.key === 'input' || th.dataset.key === 'kind' ? 1 : -1);
      state.key = th.dataset.key; state.page = 0; render();
    });
  document.getElementById('worst').addEventListener('click', () => { state.key = 'worst'; state.dir = 1; state.page = 0; render(); });
  select.addEventListener('change', () => { state.code = select.value; state.page = 0; render(); });
  document.getElementById('filter').addEventListener('input', e => { state.text = e.target.value; state.page = 0; render(); });
  document.getElementById('prev').addEventListener('click', () => { state.page--; render(); });
  document.getElementById('next').addEventListener('click', () => { state.page++; render(); });
  render();
})();
)js";

}  // namespace protokoll::report
