// web/storage.js in Debian's Chromium: atomic saves with a backup ring, survival across a
// reload and a browser restart, a simulated full quota, disabled storage, corrupt data set
// aside and restored from a backup, and two tabs on one record. Starts and stops its own
// loopback server. Usage: node tests/browser/storage.test.mjs
import {createRequire} from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(path.join(here, 'package.json'));
const {chromium} = require('playwright-core');

const kArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const page_html = '<!doctype html><meta charset="utf-8"><title>storage test</title><script src="storage.js"></script>';
const server = http.createServer((req, res) => {
  if (req.url === '/inline') {  // storage.js inside the page, as in the single-file copy: no worker
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
    res.end('<!doctype html><meta charset="utf-8"><title>storage test, inline</title><script>' +
      fs.readFileSync(path.join(root, 'web/storage.js'), 'utf8') + '</script>');
  } else if (req.url === '/' || req.url.startsWith('/?')) {
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
    res.end(page_html);
  } else if (req.url === '/storage.js') {
    res.writeHead(200, {'content-type': 'text/javascript'});
    res.end(fs.readFileSync(path.join(root, 'web/storage.js')));
  } else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mastery-storage-'));

let failures = 0, checks = 0;
function check(name, ok, detail = '') {
  checks++;
  if (!ok) { failures++; console.log(`FAIL: ${name} ${String(detail).slice(0, 200)}`); }
}

async function launch() {
  return chromium.launchPersistentContext(profile, {executablePath: '/usr/bin/chromium', args: kArgs, headless: true});
}

try {
  let ctx = await launch();
  let page = ctx.pages()[0] || await ctx.newPage();
  await page.goto(url);

  // a version 1 database (whole texts in `records`, a `backups` ring) made by hand, as the
  // previous app left it: opened by this version, nothing is lost
  const upgraded = await page.evaluate(async () => {
    await new Promise((resolve, reject) => {
      const req = indexedDB.open('mastery-map', 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('records', {keyPath: 'id'});
        db.createObjectStore('backups', {keyPath: ['id', 'slot']});
        db.createObjectStore('quarantine', {autoIncrement: true});
        const tx = req.transaction;
        tx.objectStore('records').put({id: 'old', text: '{"v": 7, "t": "ünïcödé ✓"}', saved_at: '2026-11-01T10:00:07Z', revision: 7});
        for (let r = 2; r <= 6; r++) tx.objectStore('backups').put({id: 'old', slot: r % 5, text: `{"v": ${r}}`, saved_at: `2026-11-01T10:00:0${r}Z`, revision: r});
        tx.objectStore('records').put({id: 'other', text: '{"other": true}', saved_at: '2026-11-02T10:00:00Z', revision: 1});
        tx.objectStore('quarantine').add({id: 'old', text: '{"bad', saved_at: '2026-10-01T10:00:00Z', reason: 'not valid JSON', set_aside_at: '2026-10-02T10:00:00Z'});
      };
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onerror = () => reject(req.error);
    });
    const s = window.masteryStorage;
    const cur = await s.load('old');
    const backups = await s.backups('old');
    const list = (await s.list()).sort((a, b) => (a.id < b.id ? -1 : 1));
    const set = await s.quarantined();
    const saved = await s.save('old', '{"v": 8}');
    const after = await s.backups('old');
    return {cur, backups: backups.map((b) => [b.revision, b.text, b.saved_at]), list, set, saved, after: after.map((b) => b.revision),
            other: await s.load('other'), afterCur: await s.load('old')};
  });
  check('v1 -> v2: the record keeps its text, revision and time',
    upgraded.cur && upgraded.cur.text === '{"v": 7, "t": "ünïcödé ✓"}' && upgraded.cur.revision === 7 && upgraded.cur.saved_at === '2026-11-01T10:00:07Z',
    JSON.stringify(upgraded.cur));
  check('v1 -> v2: the backups list the same revisions and texts, newest first',
    JSON.stringify(upgraded.backups) === JSON.stringify([6, 5, 4, 3, 2].map((r) => [r, `{"v": ${r}}`, `2026-11-01T10:00:0${r}Z`])), JSON.stringify(upgraded.backups));
  check('v1 -> v2: every record is listed, with its size in bytes',
    upgraded.list.length === 2 && upgraded.list[0].id === 'old' && upgraded.list[0].bytes === 32 && upgraded.list[1].revision === 1, JSON.stringify(upgraded.list));
  check('v1 -> v2: another record is untouched', upgraded.other && upgraded.other.text === '{"other": true}');
  check('v1 -> v2: data set aside stays set aside', upgraded.set.length === 1 && upgraded.set[0].text === '{"bad' && upgraded.set[0].reason === 'not valid JSON');
  check('v1 -> v2: the next save goes on from the old revision, the old text becomes a backup',
    upgraded.saved.revision === 8 && upgraded.afterCur.text === '{"v": 8}' && JSON.stringify(upgraded.after) === '[7,6,5,4,3]', JSON.stringify(upgraded.after));
  await page.evaluate(async () => { await window.masteryStorage.remove('old'); await window.masteryStorage.remove('other'); });

  // a save in parts (UTF-8 bytes split anywhere, even inside a character, and strings)
  const parts = await page.evaluate(async () => {
    const s = window.masteryStorage;
    const bytes = new TextEncoder().encode('{"name": "Zoë 🦊 ');
    const cut = bytes.length - 3;  // inside the fox's four bytes
    await s.save('rec-parts', [bytes.subarray(0, cut), bytes.slice(cut), 'and a string", ', new TextEncoder().encode('"n": 1}')]);
    const whole = await s.load('rec-parts');
    // the streaming form: nothing changes until commit
    const w = s.writer('rec-parts');
    // the page reuses its buffers: write copies them before it returns (none is moved away)
    const reused = new Uint8Array(16);
    const start = new TextEncoder().encode('{"n": ');
    reused.set(start);
    w.write([reused.subarray(0, start.length)]);
    reused.fill(120);
    const end = new TextEncoder().encode('2}');
    w.write([end]);
    end.fill(120);
    const kept = reused.byteLength + end.byteLength;
    await new Promise((r) => setTimeout(r, 50));
    const before = await s.load('rec-parts');
    const committed = await w.commit();
    const after = await s.load('rec-parts');
    const backups = await s.backups('rec-parts');
    await s.remove('rec-parts');
    return {whole: whole.text, before: before.text, committed, after: after.text, kept, backups: backups.map((b) => b.text), gone: await s.load('rec-parts')};
  });
  check('a save in parts loads as one text, characters split across parts included', parts.whole === '{"name": "Zoë 🦊 and a string", "n": 1}', parts.whole);
  check('parts written but not committed leave the record as it was', parts.before === parts.whole);
  check('the caller may reuse the buffer of a written part at once: what was written is what is stored',
    parts.kept === 18 && parts.after === '{"n": 2}', JSON.stringify(parts));
  check('commit makes the parts the record; the previous text is the newest backup',
    parts.after === '{"n": 2}' && parts.committed.revision === 2 && parts.backups[0] === parts.whole, JSON.stringify(parts));
  check('remove deletes a record with its parts', parts.gone === null);

  // lent parts (the page's save batches): moved to the worker without a copy, stored, and
  // handed back through onReturned with their bytes, for the next parts
  const lent = await page.evaluate(async () => {
    const s = window.masteryStorage;
    const back = [];
    s.onReturned = (buffers) => back.push(...buffers);
    const w = s.writer('rec-lent');
    const a = new Uint8Array(64), b = new Uint8Array(64);
    const first = new TextEncoder().encode('{"lent": "één ');
    a.set(first);
    w.write([a.subarray(0, first.length)], true);
    const movedAway = a.byteLength === 0;
    const second = new TextEncoder().encode('twee"}');
    b.set(second);
    w.write([b.subarray(0, second.length)], true);
    const committed = await w.commit();
    const text = (await s.load('rec-lent')).text;
    for (let k = 0; k < 50 && back.length < 2; k++) await new Promise((r) => setTimeout(r, 20));
    s.onReturned = null;
    await s.remove('rec-lent');
    return {movedAway, revision: committed.revision, text, back: back.map((x) => x.byteLength),
      backStarts: back.map((x) => new TextDecoder().decode(new Uint8Array(x, 0, 4)))};
  });
  check('lent parts move to the worker (no copy) and are stored as written',
    lent.movedAway && lent.text === '{"lent": "één twee"}' && lent.revision === 1, JSON.stringify(lent));
  check('lent buffers come back whole, with what they held, once stored',
    JSON.stringify(lent.back) === '[64,64]' && lent.backStarts.includes('{"le'), JSON.stringify(lent));

  // the same without a worker (the single-file copy's storage.js is inline: the page
  // writes the parts itself), and what the page with a worker saved reads the same there
  const inlinePage = await ctx.newPage();
  let workers = 0;
  inlinePage.on('worker', () => workers++);
  await inlinePage.goto(url + 'inline');
  const inline = await inlinePage.evaluate(async () => {
    const s = window.masteryStorage;
    const w = s.writer('rec-inline');
    const reused = new TextEncoder().encode('{"inline": ');
    w.write([reused]);
    reused.fill(120);
    w.write(['"ü"}']);
    const saved = await w.commit();
    const again = await s.save('rec-inline', [new TextEncoder().encode('{"inline": 2}')]);
    return {saved, again, cur: await s.load('rec-inline'), backups: (await s.backups('rec-inline')).map((b) => b.text)};
  });
  check('without a worker a save in parts works the same',
    inline.saved.revision === 1 && inline.again.revision === 2 && inline.cur.text === '{"inline": 2}' && inline.backups[0] === '{"inline": "ü"}',
    JSON.stringify(inline));
  check('the inline page started no worker', workers === 0, String(workers));
  const fromWorkerPage = await page.evaluate(() => window.masteryStorage.load('rec-inline'));
  check('a record saved without a worker loads in a page with one', fromWorkerPage && fromWorkerPage.text === '{"inline": 2}');
  let pageWorkers = 0;
  page.on('worker', () => pageWorkers++);
  await page.reload();
  await page.evaluate(() => window.masteryStorage.save('rec-inline', [new TextEncoder().encode('{"inline": 3}')]));
  check('the hosted page writes through storage.js as a worker', pageWorkers === 1, String(pageWorkers));
  await page.evaluate(() => window.masteryStorage.remove('rec-inline'));
  await inlinePage.close();

  // round trip and the backup ring
  const ring = await page.evaluate(async () => {
    const s = window.masteryStorage;
    for (let i = 1; i <= 8; i++) await s.save('rec-1', `{"n": ${i}, "text": "café ñ"}`);
    const cur = await s.load('rec-1');
    const backups = await s.backups('rec-1');
    return {cur, revisions: backups.map((b) => b.revision), first: backups[0].text};
  });
  check('latest save is the record', ring.cur.text === '{"n": 8, "text": "café ñ"}' && ring.cur.revision === 8, JSON.stringify(ring.cur));
  check('the last 5 states are kept, newest first', JSON.stringify(ring.revisions) === '[7,6,5,4,3]', JSON.stringify(ring.revisions));
  check('backup holds the previous text', ring.first === '{"n": 7, "text": "café ñ"}');
  // only the ring's revisions keep their texts (a save never reads the previous text: the
  // ring is pruned by metadata)
  const stored = await page.evaluate(async () => {
    const db = await new Promise((resolve) => { const r = indexedDB.open('mastery-map'); r.onsuccess = () => resolve(r.result); });
    const keys = await new Promise((resolve) => {
      const r = db.transaction(['chunks']).objectStore('chunks').getAllKeys(IDBKeyRange.bound(['rec-1'], ['rec-1', []]));
      r.onsuccess = () => resolve(r.result);
    });
    const stores = Array.from(db.objectStoreNames).sort();
    db.close();
    return {saves: new Set(keys.map((k) => k[1])).size, stores};
  });
  check('texts of revisions older than the ring are deleted', stored.saves === 6, String(stored.saves));
  check('the database has the version 2 stores', JSON.stringify(stored.stores) === '["chunks","quarantine","records","revisions"]', JSON.stringify(stored.stores));

  // reload
  await page.reload();
  const afterReload = await page.evaluate(() => window.masteryStorage.load('rec-1'));
  check('survives a reload', afterReload && afterReload.revision === 8);

  // two tabs: the second is told it cannot write
  const other = await ctx.newPage();
  await other.goto(url);
  const first = await page.evaluate(() => window.masteryStorage.claim('rec-1'));
  const second = await other.evaluate(() => window.masteryStorage.claim('rec-1'));
  check('the first tab holds the write lock', first === true);
  check('a second tab on the same record is read-only', second === false);
  const otherRecord = await other.evaluate(() => window.masteryStorage.claim('rec-2'));
  check('a second tab can write a different record', otherRecord === true);
  await page.close();
  // the lock is released asynchronously after the tab closes
  const handedOver = await other.evaluate(async () => {
    for (let i = 0; i < 50; i++) {
      if (await window.masteryStorage.claim('rec-1')) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  });
  check('closing the first tab frees the record', handedOver === true);
  page = other;

  // corrupt stored data is set aside and the newest backup restored
  const restored = await page.evaluate(async () => {
    const s = window.masteryStorage;
    await s.save('rec-1', '{"truncated');
    const back = await s.quarantineAndRestore('rec-1', 'not valid JSON at line 1, column 12');
    const set = (await s.quarantined()).filter((q) => q.id === 'rec-1');  // (the v1 database's entry is for 'old')
    return {back, cur: await s.load('rec-1'), set};
  });
  check('the newest backup becomes the record', restored.cur.text.includes('"n": 8'), JSON.stringify(restored.cur));
  check('the revision keeps moving forward', restored.cur.revision === 10, String(restored.cur.revision));
  check('the bad data is kept aside, untouched, with the reason',
    restored.set.length === 1 && restored.set[0].text === '{"truncated' && restored.set[0].reason.startsWith('not valid JSON'));

  // a browser restart with the same profile
  await ctx.close();
  ctx = await launch();
  page = ctx.pages()[0] || await ctx.newPage();
  await page.goto(url);
  const afterRestart = await page.evaluate(async () => ({cur: await window.masteryStorage.load('rec-1'), list: await window.masteryStorage.list()}));
  check('survives a browser restart', afterRestart.cur && afterRestart.cur.text.includes('"n": 8'));
  check('the record list names each record', afterRestart.list.length === 1 && afterRestart.list[0].id === 'rec-1');

  // storage disabled (the browser throws SecurityError): a clear error, no hang
  const disabled = await page.evaluate(async () => {
    await window.masteryStorage.close();
    const realOpen = indexedDB.open.bind(indexedDB);
    indexedDB.open = () => { throw new DOMException('storage is disabled', 'SecurityError'); };
    let error = null;
    try { await window.masteryStorage.save('rec-1', '{}'); } catch (e) { error = e.message; }
    indexedDB.open = realOpen;
    return error;
  });
  check('disabled storage is reported, not hung', disabled === 'SecurityError', String(disabled));
  await ctx.close();

  // a full quota, in a fresh profile: Chromium applies a quota override only to an origin
  // that has not touched storage yet. The save is refused by name; the last good state stays.
  const quotaProfile = fs.mkdtempSync(path.join(os.tmpdir(), 'mastery-quota-'));
  ctx = await chromium.launchPersistentContext(quotaProfile, {executablePath: '/usr/bin/chromium', args: kArgs, headless: true});
  page = ctx.pages()[0] || await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await page.goto('about:blank');
  await cdp.send('Storage.overrideQuotaForOrigin', {origin: url.replace(/\/$/, ''), quotaSize: 200 * 1024});
  await page.goto(url);
  const quota = await page.evaluate(async () => {
    const s = window.masteryStorage;
    await s.save('rec-1', '{"n": 1, "small": true}');
    // random text: Chromium compresses stored values, so a repeated character would fit
    const bytes = new Uint8Array(768 * 1024);
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    let big = '';
    for (let i = 0; i < bytes.length; i += 8192) big += btoa(String.fromCharCode(...bytes.subarray(i, i + 8192)));
    let error = null;
    try { await s.save('rec-1', big); } catch (e) { error = e.message; }
    const cur = await s.load('rec-1');
    return {error, revision: cur.revision, text: cur.text};
  });
  check('a full quota is reported as QuotaExceededError', quota.error === 'QuotaExceededError', String(quota.error));
  check('the last good state is untouched after a failed save', quota.revision === 1 && quota.text === '{"n": 1, "small": true}', quota.text);
  // the same in parts, as the app saves: a part that does not fit fails the whole save
  const quotaParts = await page.evaluate(async () => {
    const s = window.masteryStorage;
    const w = s.writer('rec-1');
    for (let k = 0; k < 6; k++) {
      const bytes = new Uint8Array(128 * 1024);
      for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
      w.write([bytes]);
    }
    let error = null;
    try { await w.commit(); } catch (e) { error = e.message; }
    const cur = await s.load('rec-1');
    const backups = await s.backups('rec-1');
    const after = await s.save('rec-1', '{"n": 2, "small": true}');  // space again for a small save
    return {error, revision: cur.revision, text: cur.text, backups: backups.length, after: after.revision};
  });
  check('a save in parts over the quota is refused as QuotaExceededError', quotaParts.error === 'QuotaExceededError', String(quotaParts.error));
  check('after a failed save in parts the last good state is untouched', quotaParts.revision === 1 && quotaParts.text === '{"n": 1, "small": true}' && quotaParts.backups === 0,
    JSON.stringify(quotaParts));
  check('the failed parts are cleared: the next small save fits', quotaParts.after === 2, JSON.stringify(quotaParts));
  await ctx.close();
  fs.rmSync(quotaProfile, {recursive: true, force: true});
} catch (e) {
  failures++;
  console.log('FAIL: storage test crashed:', e && e.stack || e);
} finally {
  server.close();
  fs.rmSync(profile, {recursive: true, force: true});
}
console.log(`storage tests: ${checks - failures} of ${checks} passed`);
process.exit(failures ? 1 : 0);
