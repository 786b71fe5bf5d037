// End-to-end test of the dyad dashboard in headless Chromium.
//
// Expects a running `dyad serve` on DYAD_URL whose store holds
// fixtures/events.jsonl and the coded seed article (run.sh arranges both). Checks that the pair
// selects are populated from /api/actors, that picking China and
// Kazakhstan draws the fixture months and lists the fixture events with
// highlighted spans, and that a pasted article is coded live. Saves a
// screenshot to SCREENSHOT (default docs/dashboard.png).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const url = process.env.DYAD_URL;
const screenshot = process.env.SCREENSHOT || new URL('../../docs/dashboard.png', import.meta.url).pathname;
if (!url) {
  console.error('DYAD_URL is not set; run tests/browser/run.sh');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1500 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The dashboard must not reach anything but its own server.
  const origin = new URL(url).origin;
  await page.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort());

  await page.goto(url);
  await page.waitForSelector('#country-a option[value="CHN"]', { state: 'attached' });
  const options = await page.$$eval('#country-b option', (os) => os.map((o) => o.value));
  assert.ok(options.includes('KAZ'), `KAZ not offered: ${options}`);

  await page.selectOption('#country-a', 'CHN');
  await page.selectOption('#country-b', 'KAZ');
  // Fixture: June, July and August 2022 for China-Kazakhstan.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#timeline g.period')].map((g) => g.dataset.period).join() ===
    '2022-06,2022-07,2022-08');
  const bars = await page.$$eval('#timeline rect.bar', (rs) => rs.length);
  assert.ok(bars >= 3, `expected quad-class bars, got ${bars}`);
  assert.equal(await page.$$eval('#timeline rect.gs-neg', (rs) => rs.length), 1,
    'August (an arrest) should have a negative Goldstein sum');

  // 7 fixture records plus the seed article's China-Kazakhstan events.
  await page.waitForFunction(() => document.querySelectorAll('#events tbody tr').length > 7);
  const rows = await page.$$eval('#events tbody tr', (rs) => rs.map((r) => r.textContent));
  assert.ok(rows.some((t) => /2022-06-28/.test(t) && /CHNGOVLEG/.test(t) && /041/.test(t) && /KAZGOVLEG/.test(t)),
    `the seed's video talks (CHNGOVLEG -> KAZGOVLEG 041, 2022-06-28) are not in the table: ${rows.join(' | ')}`);
  const firstRow = await page.textContent('#events tbody tr:first-child');
  assert.match(firstRow, /2022-06-14/);
  assert.match(firstRow, /CHNGOV/);
  assert.match(firstRow, /041/);
  const marks = await page.$$eval('#events tbody tr:first-child mark', (ms) => ms.map((m) => `${m.className}:${m.textContent}`));
  assert.deepEqual(marks, ['source:The Chinese president', 'verb:spoke by telephone with', 'target:the president of Kazakhstan']);
  assert.ok((await page.textContent('#actors')).includes('KAZ'), 'most active actors list');

  // Paste an article and code it live. Kept general so it holds for any
  // coder: at least one event row, naming a country of the pasted text.
  await page.fill('#code-text',
    'China and Kazakhstan signed an agreement on new rail links on Monday. ' +
    'Officials from Kazakhstan said China would finance part of the work.');
  await page.click('#code-btn');
  await page.waitForFunction(() => /event\(s\) coded|Error/.test(document.querySelector('#code-status').textContent));
  const status = await page.textContent('#code-status');
  assert.match(status, /^[1-9]\d* event\(s\) coded$/, `code status: ${status}`);
  const coded = await page.$$eval('#code-results tbody tr', (rs) => rs.map((r) => r.textContent));
  assert.ok(coded.length >= 1, 'no coded rows');
  assert.ok(coded.some((t) => /CHN|KAZ/.test(t)), `no row names China or Kazakhstan: ${coded}`);
  assert.ok(await page.$$eval('#code-article mark', (ms) => ms.length) >= 1, 'pasted text not highlighted');

  assert.deepEqual(errors, [], 'page errors');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`ok: dashboard test passed; screenshot ${screenshot}`);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
