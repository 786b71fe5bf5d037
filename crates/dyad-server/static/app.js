// dyad dashboard: plain DOM + inline SVG, no libraries, talks to /api/.
'use strict';

const $ = (sel) => document.querySelector(sel);
const SVG_NS = 'http://www.w3.org/2000/svg';

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:')
    ? document.createElementNS(SVG_NS, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

function setStatus(msg) { $('#status').textContent = msg; }

let countries = [];

function countryName(code) {
  const c = countries.find((x) => x.country === code);
  return c && c.label ? `${c.label} (${code})` : code;
}

// Sentence parts come pre-cut by the server (spans are byte offsets, which
// JavaScript strings cannot index), so rendering is just marks around parts.
function renderParts(parts) {
  const frag = document.createDocumentFragment();
  for (const p of parts) {
    frag.append(p.kind ? el('mark', { class: p.kind, title: p.kind, text: p.text }) : p.text);
  }
  return frag;
}

function actorCell(a) {
  if (!a) return el('td', { class: 'actor', text: '—' });
  return el('td', { class: 'actor' }, el('span', { text: a.code }), el('small', { text: a.text }));
}

function eventRow(e) {
  return el('tr', { 'data-event': e.event_id },
    el('td', { text: e.date || 'undated' }),
    actorCell(e.source),
    el('td', { class: 'code' },
      el('b', { text: e.cameo }), ` ${e.cameo_label}`,
      el('small', { text: `${e.plover.event}${e.plover.mode ? ' · ' + e.plover.mode : ''} · Goldstein ${Number(e.goldstein.toFixed(2))}` })),
    actorCell(e.target),
    el('td', { class: 'sentence' }, renderParts(e.sentence_parts)));
}

function fillRows(tbody, events) {
  tbody.replaceChildren(...events.map(eventRow));
}

// Timeline: stacked quad-class counts above, Goldstein sum bars below a zero line.
function drawTimeline(rows) {
  const svg = $('#timeline');
  svg.replaceChildren();
  $('#timeline-empty').hidden = rows.length > 0;
  if (!rows.length) return;
  const W = svg.clientWidth || 900, H = 280;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  const left = 44, right = 12, top = 10;
  const countH = 140, gap = 26, gsH = 80;
  const plotW = W - left - right;
  const step = plotW / rows.length;
  const barW = Math.max(4, Math.min(48, step * 0.6));
  const maxCount = Math.max(1, ...rows.map((r) => r.events));
  const maxGs = Math.max(1, ...rows.map((r) => Math.abs(r.goldstein_sum)));
  const zeroY = top + countH + gap + gsH / 2;

  for (const frac of [0, 1]) {
    const y = top + countH * (1 - frac);
    svg.append(el('svg:line', { class: 'grid-line', x1: left, x2: W - right, y1: y, y2: y }));
    svg.append(el('svg:text', { x: left - 6, y: y + 4, 'text-anchor': 'end', text: String(maxCount * frac) }));
  }
  svg.append(el('svg:line', { class: 'axis', x1: left, x2: W - right, y1: zeroY, y2: zeroY }));
  svg.append(el('svg:text', { x: left - 6, y: zeroY + 4, 'text-anchor': 'end', text: '0' }));
  svg.append(el('svg:text', { x: left - 6, y: zeroY - gsH / 2 + 8, 'text-anchor': 'end', text: `+${Math.round(maxGs)}` }));

  const labelEvery = Math.ceil(rows.length / Math.max(1, Math.floor(plotW / 70)));
  rows.forEach((r, i) => {
    const x = left + step * i + (step - barW) / 2;
    const g = el('svg:g', { class: 'period', 'data-period': r.period });
    let y = top + countH;
    for (const q of [1, 2, 3, 4, 0]) {
      const n = r.quad[q];
      if (!n) continue;
      const h = (n / maxCount) * countH;
      y -= h;
      g.append(el('svg:rect', { class: `bar q${q}`, x, y, width: barW, height: h },
        el('svg:title', { text: `${r.period}: ${n} event(s), quad class ${q}` })));
    }
    const gh = (Math.abs(r.goldstein_sum) / maxGs) * (gsH / 2);
    const gy = r.goldstein_sum >= 0 ? zeroY - gh : zeroY;
    g.append(el('svg:rect', { class: r.goldstein_sum >= 0 ? 'gs gs-pos' : 'gs gs-neg', x, y: gy, width: barW, height: Math.max(1, gh) },
      el('svg:title', { text: `${r.period}: Goldstein sum ${r.goldstein_sum.toFixed(1)}, mean ${r.goldstein_mean.toFixed(2)}, ${r.articles} article(s)` })));
    if (i % labelEvery === 0) {
      g.append(el('svg:text', { x: x + barW / 2, y: top + countH + 16, 'text-anchor': 'middle', text: r.period }));
    }
    svg.append(g);
  });
}

function params(obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v) p.set(k, v);
  return p.toString();
}

async function refreshPair() {
  const a = $('#country-a').value, b = $('#country-b').value;
  if (!a || !b) return;
  const from = $('#from').value, to = $('#to').value;
  $('#pair-label').textContent = `${countryName(a)} ⇄ ${countryName(b)}`;
  try {
    const [dy, ev] = await Promise.all([
      api(`/api/dyads?${params({ a, b, by: $('#period').value, from, to })}`),
      api(`/api/events?${params({ source: a, target: b, direction: 'both', from, to, limit: 200 })}`),
    ]);
    drawTimeline(dy.rows);
    fillRows($('#events tbody'), ev.events);
    $('#events-count').textContent = `${ev.total} record(s)${ev.total > ev.events.length ? `, first ${ev.events.length} shown` : ''}`;
    setStatus(`${countryName(a)} and ${countryName(b)}: ${dy.rows.reduce((s, r) => s + r.events, 0)} deduplicated event(s)`);
  } catch (err) {
    setStatus(`Error: ${err.message}`);
  }
}

async function loadActors() {
  const data = await api('/api/actors?limit=12');
  countries = data.countries;
  for (const sel of [$('#country-a'), $('#country-b')]) {
    sel.replaceChildren(...countries.map((c) => el('option', { value: c.country, text: countryName(c.country) })));
  }
  if (countries.length > 1) $('#country-b').value = countries[1].country;
  const max = Math.max(1, ...data.actors.map((a) => a.n_records));
  $('#actors').replaceChildren(...data.actors.map((a) => el('li', {},
    el('b', { text: a.code }), ' ',
    el('small', { text: `${a.label || ''} · ${a.n_records} record(s)` }),
    el('div', { class: 'bar', style: `width:${(100 * a.n_records) / max}%` }))));
  setStatus(`${countries.length} countries in the store`);
}

async function codeArticle() {
  const text = $('#code-text').value;
  const btn = $('#code-btn');
  if (!text.trim()) { $('#code-status').textContent = 'Paste some text first.'; return; }
  btn.disabled = true;
  $('#code-status').textContent = 'Coding…';
  try {
    const body = { text };
    if ($('#code-date').value) body.date = $('#code-date').value;
    const out = await api('/api/code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    $('#code-article').replaceChildren(renderParts(out.parts));
    fillRows($('#code-results tbody'), out.events);
    $('#code-results').hidden = out.events.length === 0;
    $('#code-status').textContent = `${out.events.length} event(s) coded`;
  } catch (err) {
    $('#code-status').textContent = `Error: ${err.message}`;
  } finally {
    btn.disabled = false;
  }
}

for (const id of ['#country-a', '#country-b', '#period', '#from', '#to']) {
  $(id).addEventListener('change', refreshPair);
}
$('#code-btn').addEventListener('click', codeArticle);
window.addEventListener('resize', () => refreshPair());

loadActors().then(refreshPair).catch((err) => setStatus(`Error: ${err.message}`));
