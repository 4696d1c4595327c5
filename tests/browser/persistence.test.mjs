// Never lose a student's work (issue 4), in Debian's Chromium over the built site: autosave
// survives a reload, a close right after a change and a browser restart; a full quota and
// switched-off storage show the banner and the work still saves to a file; corrupt or newer
// stored data is set aside and the newest good backup opens, with the notice and the raw
// data as a download; a second tab only looks and no update is lost; a file import shows a
// preview and waits for "yes" (picker and drag-and-drop), Undo brings the old record back;
// the student -> mentor -> student round trip through real downloads and file inputs.
// Screenshots go to build/browser-artifacts/persist-*.png. No timed assertions: every wait
// polls for a condition. Usage: node tests/browser/persistence.test.mjs [--site build/web/site]
import fs from 'node:fs';
import path from 'node:path';
import {App, Checks, launch, newProfile, root, sleep, until} from './helpers.mjs';
import {serve} from './server.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}
const site = option('--site', path.join(root, 'build/web/site'));
const out = option('--out', path.join(root, 'build/browser-artifacts'));
const T = new Checks('persistence');
if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.log(`persistence: FAILED: no site at ${site} (build it: cmake --preset web && cmake --build build/web)`);
  process.exit(1);
}

const server = await serve(site);
const origin = new URL(server.url).origin;
const profiles = [];
const contexts = [];
async function open(profileName, options = {}, profile = null) {
  const dir = profile || newProfile(profileName);
  if (!profile) profiles.push(dir);
  const ctx = await launch(dir, options);
  contexts.push(ctx);
  return ctx;
}
async function appIn(ctx, name, {query = '', page = null, init = null} = {}) {
  const p = page || await ctx.newPage();
  T.watch(p, name, origin);
  if (init) await p.addInitScript(init);
  const a = new App(p, server.url, out, `persist-${name}`);
  await a.open(query);
  return a;
}
const text = (t, part = 'overview') => ({type: 'add_evidence', competency: 'ratios-1', level: 1, kind: 'text', part, text: t});
const evidenceTexts = (st) => ((st.work || []).find((w) => w.competency === 'ratios-1' && w.level === 1) || {evidence: []}).evidence.map((e) => e.text);
const storedRecord = (a) => a.page.evaluate(async () => {
  const id = localStorage.getItem('mastery-map/current/default');
  return id ? window.masteryStorage.load(id) : null;
});

try {
  // ---------------------------------------------------------------------------------------
  await T.step('autosave: work survives a reload, a quick close and a browser restart', async () => {
    const profile = newProfile('autosave');
    profiles.push(profile);
    let ctx = await open('autosave', {}, profile);
    let a = await appIn(ctx, 'autosave', {page: ctx.pages()[0]});
    await a.saved();
    const fresh = await a.state();
    T.check('a fresh record is saved on first start', (await storedRecord(a)) !== null);
    T.check('the dispatch works', (await a.dispatch({type: 'set_learner_name', name: 'Zoë'})).ok);
    T.check('adds evidence', (await a.dispatch(text('Mi receta: 3 tazas por 2, ¡fácil!'))).ok);
    const saving = await a.save();
    await a.shot('01-saving');
    T.check('the top bar says "Saving..." right after a change', saving.state === 'saving' || saving.state === 'saved', JSON.stringify(saving));
    await a.saved();
    await a.page.mouse.move(700, 400);
    await a.settle();
    await a.shot('02-saved');
    T.check('the save state is drawn as a word', !!(await a.find('Saved', {window: 'topbar'})) || (await a.items()).some((i) => i.window === 'topbar'));
    await a.page.reload();
    await a.ready();
    let st = await a.state();
    T.check('after a reload the same record opens (not a fresh one)', st.id === fresh.id && st.learner.name === 'Zoë' &&
      evidenceTexts(st).includes('Mi receta: 3 tazas por 2, ¡fácil!'), JSON.stringify({id: st.id, name: st.learner.name}));
    // a change, then the page goes away before the 300 ms debounce: pagehide flushes it
    T.check('one more change', (await a.dispatch(text('Cambio justo antes de cerrar', 'reflection'))).ok);
    await a.page.reload();
    await a.ready();
    st = await a.state();
    T.check('a change made just before a reload is not lost (flushed on pagehide)', evidenceTexts(st).includes('Cambio justo antes de cerrar'),
      JSON.stringify(evidenceTexts(st)));
    await a.saved();
    await ctx.close();
    ctx = await open('autosave', {}, profile);
    a = await appIn(ctx, 'autosave-restart', {page: ctx.pages()[0]});
    st = await a.state();
    T.check('after a browser restart with the same profile the work is there', st.id === fresh.id && st.learner.name === 'Zoë' &&
      evidenceTexts(st).length === 2, JSON.stringify(evidenceTexts(st)));
    T.check('nothing to recover', (await a.save()).set_aside === 0);

    // ---- corrupt stored data: set aside, newest good backup opens, the student is told ----
    const good = await a.page.evaluate(() => window.mastery.exportRecord());
    await a.page.evaluate(async () => {
      const id = localStorage.getItem('mastery-map/current/default');
      await window.masteryStorage.save(id, '{"format": "mastery-map/record", "version": 1, "id": "trunc');
    });
    await a.page.reload();
    await a.ready();
    const rec = await a.save();
    T.check('truncated stored data is set aside and a backup restored', rec.set_aside === 1 && rec.restored === true, JSON.stringify(rec));
    T.check('the restored record is the last good one', (await a.page.evaluate(() => window.mastery.exportRecord())) === good);
    await a.waitFor('Download the data that did not open');
    await a.shot('03-recovered-notice');
    const raw = await a.download(() => a.click('Download the data that did not open'));
    T.check('the raw data that did not open is offered as a download, untouched',
      raw.text === '{"format": "mastery-map/record", "version": 1, "id": "trunc', raw.text.slice(0, 80));
    // a click that lands while ImGui still holds the wheel lock of a scroll can be swallowed:
    // click again until the notice is gone (polling for the effect, not timing it)
    for (let k = 0; k < 3 && (await a.find('Download the data that did not open')); k++) await a.click('OK', {window: 'We fixed'});
    T.check('the notice closes', await until('the notice to close', async () => !(await a.find('Download the data that did not open')), 5000).catch(() => false));
    // a record from a newer app version is set aside the same way
    await a.page.evaluate(async (t) => {
      const id = localStorage.getItem('mastery-map/current/default');
      const newer = JSON.parse(t);
      newer.version = 99;
      await window.masteryStorage.save(id, JSON.stringify(newer));
    }, good);
    await a.page.reload();
    await a.ready();
    const newer = await a.save();
    T.check('a record from a newer version is set aside too, and the good copy opens', newer.set_aside === 1 && newer.restored &&
      (await a.page.evaluate(() => window.mastery.exportRecord())) === good, JSON.stringify(newer));
    const kept = await a.page.evaluate(() => window.masteryStorage.quarantined());
    T.check('both bad copies are kept aside with their reasons', kept.length === 2 && kept.every((k) => k.reason), JSON.stringify(kept.map((k) => k.reason)));
    await ctx.close();
  });

  // ---------------------------------------------------------------------------------------
  await T.step('two tabs: the second only looks, and no update is lost', async () => {
    const ctx = await open('tabs');
    const first = await appIn(ctx, 'tab1', {page: ctx.pages()[0]});
    await first.saved();
    T.check('the first tab writes', (await first.save()).read_only === false);
    const second = await appIn(ctx, 'tab2');
    T.check('the second tab is read-only', (await second.save()).read_only === true, JSON.stringify(await second.save()));
    const refused = await second.dispatch({type: 'set_learner_name', name: 'Second'});
    T.check('a change in the second tab is refused with a readable error', refused.ok === false && /another tab/.test(refused.error), JSON.stringify(refused));
    await second.click('Ratio Reasoning', {window: 'Map'});
    for (let k = 0; k < 3 && !(await second.find('OK', {window: 'message'})); k++) await second.click('+ Add to my plan', {window: 'Skill'});
    T.check('a click that would change the work is refused in words (the message bar)', !!(await second.waitFor('OK', {window: 'message'}).catch(() => null)));
    T.check('and nothing changed', (await second.state()).plan.length === 0);
    await second.page.mouse.move(640, 700);
    await second.settle();
    await second.shot('01-read-only-notice');
    T.check('the notice is on screen', (await second.items()).some((i) => i.window === 'notices'));
    const before = (await storedRecord(first)).revision;
    const names = ['Ana', 'Ana B', 'Ana Be', 'Ana Bel', 'Ana Bell'];
    for (const n of names) {
      T.check(`the first tab's change "${n}" applies`, (await first.dispatch({type: 'set_learner_name', name: n})).ok);
      await second.dispatch({type: 'set_learner_name', name: 'Tab two ' + n});  // refused each time
    }
    T.check('the first tab adds evidence', (await first.dispatch(text('escrito en la primera pestaña'))).ok);
    await first.saved();
    const stored = await storedRecord(first);
    T.check('only the first tab wrote', stored.revision > before && JSON.parse(stored.text).learner.name === 'Ana Bell', stored.text.slice(0, 80));
    await first.page.close();
    // the second tab takes over by itself (it reloads when the lock is free)
    await until('the second tab to take over', async () => {
      const s = await second.page.evaluate(() => window.masteryTest && window.masteryTest.saveState && window.masteryTest.saveState());
      return s && s.read_only === false && s.state === 'saved';
    }, 30000);
    await second.ready();
    const st = await second.state();
    T.check('every change of the first tab is in the second after it takes over', st.learner.name === 'Ana Bell' &&
      evidenceTexts(st).includes('escrito en la primera pestaña'), JSON.stringify({name: st.learner.name, ev: evidenceTexts(st)}));
    T.check('the second tab writes now', (await second.dispatch({type: 'set_learner_name', name: 'Ana Bella'})).ok);
    await second.saved();
    T.check('and its change is saved', JSON.parse((await storedRecord(second)).text).learner.name === 'Ana Bella');
    await ctx.close();
  });

  // ---------------------------------------------------------------------------------------
  await T.step('a full quota: the banner, work kept in memory, saving to a file still works', async () => {
    const ctx = await open('quota');
    const page = ctx.pages()[0];
    const cdp = await ctx.newCDPSession(page);
    await page.goto('about:blank');
    await cdp.send('Storage.overrideQuotaForOrigin', {origin, quotaSize: 1536 * 1024});
    const a = await appIn(ctx, 'quota', {page});
    await a.saved();
    // random text: Chromium compresses stored values, so repeated characters would fit
    const big = await page.evaluate(() => {
      const bytes = new Uint8Array(2 * 1024 * 1024);
      for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
      let s = '';
      for (let i = 0; i < bytes.length; i += 8192) s += btoa(String.fromCharCode(...bytes.subarray(i, i + 8192)));
      return s;
    });
    T.check('a big piece of evidence is accepted in memory', (await a.dispatch(text(big, 'artifact'))).ok);
    const failed = await until('the save to fail', async () => { const s = await a.save(); return s.state === 'failed' ? s : null; });
    T.check('the failure is named', failed.problem === 'QuotaExceededError', JSON.stringify(failed));
    await a.waitFor('Save to a file now', {window: 'notices'});
    await a.page.mouse.move(640, 700);
    await a.settle();
    await a.shot('01-quota-banner');
    T.check('the app keeps working in memory', (await a.dispatch({type: 'set_learner_name', name: 'Kai'})).ok && (await a.state()).learner.name === 'Kai');
    const file = await a.download(() => a.click('Save to a file now', {window: 'notices'}));
    const saved = JSON.parse(file.text);
    T.check('"Save to a file now" downloads the whole record, newest changes included',
      saved.format === 'mastery-map/record' && saved.learner.name === 'Kai' && evidenceTexts(saved).includes(big), file.name);
    T.check('the file is named for the learner and the day', /^mastery-map-Kai-\d{4}-\d{2}-\d{2}\.json$/.test(file.name), file.name);
    await ctx.close();
  });

  await T.step('storage switched off: the banner from the start, and saving to a file works', async () => {
    const ctx = await open('nostorage');
    const a = await appIn(ctx, 'nostorage', {page: ctx.pages()[0], init: () => {
      const deny = () => { throw new DOMException('storage is disabled', 'SecurityError'); };
      try { Object.defineProperty(window, 'indexedDB', {get: () => ({open: deny})}); } catch (e) { /* ignore */ }
    }});
    const failed = await until('the first save to fail', async () => { const s = await a.save(); return s.state === 'failed' ? s : null; });
    T.check('the problem is storage being unavailable', failed.problem === 'SecurityError', JSON.stringify(failed));
    await a.waitFor('Save to a file now', {window: 'notices'});
    await a.page.mouse.move(640, 700);
    await a.settle();
    await a.shot('01-storage-off-banner');
    T.check('changes still apply', (await a.dispatch({type: 'set_learner_name', name: 'Noor'})).ok);
    const file = await a.download(() => a.click('Save to a file now', {window: 'notices'}));
    T.check('the export still works', JSON.parse(file.text).learner.name === 'Noor');
    await a.click('Hide', {window: 'notices'});
    T.check('the banner can be hidden; the top bar still says so', !(await a.find('Save to a file now')) && !!(await a.find('Not saved!', {window: 'topbar'})) ||
      (await a.save()).state === 'failed');
    await ctx.close();
  });

  // ---------------------------------------------------------------------------------------
  await T.step('import: a preview first, nothing replaced without "yes", Undo brings the old record back', async () => {
    const ctx = await open('import');
    const a = await appIn(ctx, 'import', {page: ctx.pages()[0]});
    await a.dispatch({type: 'set_learner_name', name: 'Mía'});
    await a.saved();
    const mine = await a.page.evaluate(() => window.mastery.exportRecord());
    const sample = path.join(root, 'assets/records/sample-record.json');
    await a.chooseFile(() => a.menu('Open a work file'), sample);
    await a.waitFor('Yes, replace my work');
    await a.shot('01-import-preview');
    T.check('the preview says what would change', (await a.save()).import_pending === true);
    T.check('nothing changed yet', (await a.page.evaluate(() => window.mastery.exportRecord())) === mine);
    await a.click('Cancel', {window: 'Open this work file?'});
    T.check('Cancel changes nothing', (await a.page.evaluate(() => window.mastery.exportRecord())) === mine && !(await a.save()).import_pending);
    // drag and drop on the canvas
    const sampleText = fs.readFileSync(sample, 'utf8');
    await a.page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'sample-record.json', {type: 'application/json'}));
      const canvas = document.getElementById('canvas');
      canvas.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
      canvas.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    }, sampleText);
    await a.click('Yes, replace my work');
    const st = await a.state();
    T.check('after "yes" the file\'s record is open', st.learner.name !== 'Mía' && st.id === JSON.parse(sampleText).id, st.learner.name);
    await a.saved();
    await a.menu('Undo');
    T.check('Undo brings the old record back', (await a.page.evaluate(() => window.mastery.exportRecord())) === mine);
    await a.saved();
    await a.page.reload();
    await a.ready();
    T.check('and that is what is saved', (await a.state()).learner.name === 'Mía');
    // a bad file: a clear message, nothing lost
    const bad = path.join(profiles[profiles.length - 1], 'broken.json');
    fs.writeFileSync(bad, '{"format": "mastery-map/record", "version": 1, "learner": ');
    await a.chooseFile(() => a.menu('Open a work file'), bad);
    await a.waitFor('OK', {window: 'message'});
    await a.shot('02-bad-file-message');
    T.check('a bad file changes nothing', (await a.page.evaluate(() => window.mastery.exportRecord())) === mine && !(await a.save()).import_pending);
    const api = await a.page.evaluate(() => window.mastery.importRecord('{"format": "mastery-map/record", "version": 99}'));
    T.check('importRecord refuses a bad file with a message', api.ok === false && api.error.length > 0, JSON.stringify(api));
    await ctx.close();
  });

  // ---------------------------------------------------------------------------------------
  await T.step('several records on one device: the switcher in Settings, nothing leaks between them', async () => {
    const ctx = await open('switcher');
    const a = await appIn(ctx, 'switcher', {page: ctx.pages()[0]});
    await a.dispatch({type: 'set_learner_name', name: 'Ana'});
    await a.dispatch(text('solo de Ana'));
    await a.saved();
    const ana = await a.state();
    const sample = fs.readFileSync(path.join(root, 'assets/records/sample-record.json'), 'utf8');
    T.check('another record is opened (as if confirmed)', (await a.page.evaluate((t) => window.mastery.importRecord(t), sample)).ok);
    await a.saved();
    await a.click('Settings', {window: 'topbar'});
    await a.reveal('Open this one', {window: 'Settings'});
    await a.shot('01-records-on-this-device');
    await a.click('Open this one', {window: 'Settings'});
    await until('the page to reload into Ana\'s record', async () => {
      const st = await a.page.evaluate(() => window.mastery && window.mastery.state && window.mastery.state());
      return st && st.id === ana.id;
    }, 30000);
    await a.ready();
    const st = await a.state();
    T.check('Ana\'s record is back, exactly as saved', st.learner.name === 'Ana' && JSON.stringify(evidenceTexts(st)) === JSON.stringify(['solo de Ana']),
      JSON.stringify(evidenceTexts(st)));
    T.check('nothing of the other record leaked in', !(st.work || []).some((w) => w.competency !== 'ratios-1') && (st.plan || []).length === 0);
    await a.page.reload();
    await a.ready();
    T.check('the switch sticks after a reload', (await a.state()).id === ana.id);
    // no copy in a file for a long while: the gentle reminder (the last export was long ago)
    await a.page.evaluate((id) => localStorage.setItem('mastery-map/exported/' + id, '2026-01-01T00:00:00Z'), ana.id);
    await a.page.reload();
    await a.ready();
    await a.waitFor('Save a copy to a file', {window: 'notices'});
    await a.page.mouse.move(640, 700);
    await a.settle();
    await a.shot('02-save-a-copy-reminder');
    const copy = await a.download(() => a.click('Save a copy to a file', {window: 'notices'}));
    T.check('the reminder saves a copy and goes away', JSON.parse(copy.text).id === ana.id && !(await a.find('Save a copy to a file')));
    await ctx.close();
  });

  // ---------------------------------------------------------------------------------------
  await T.step('the mentor round trip: student file -> mentor review -> review file -> student', async () => {
    const sctx = await open('student');
    const student = await appIn(sctx, 'student', {page: sctx.pages()[0]});
    await student.dispatch({type: 'set_learner_name', name: 'Sky'});
    await student.dispatch(text('Tengo 3 manzanas por cada 2 peras: 3:2.'));
    T.check('the student submits', (await student.dispatch({type: 'submit_for_review', competency: 'ratios-1', level: 1})).ok);
    await student.saved();
    const exported = await student.download(() => student.menu('Save my work to a file'));
    T.check('the export is named with the learner and the date', /^mastery-map-Sky-\d{4}-\d{2}-\d{2}\.json$/.test(exported.name), exported.name);

    const mctx = await open('mentor');
    const mentor = await appIn(mctx, 'mentor', {page: mctx.pages()[0]});
    await mentor.dispatch({type: 'set_learner_name', name: 'Mentor own'});
    await mentor.saved();
    const mentorOwn = await mentor.page.evaluate(() => window.mastery.exportRecord());
    await mentor.chooseFile(() => mentor.menu("Open a student's file to review"), exported.file);
    // the file is read and checked in stages, a frame apart (docs/PERSISTENCE.md): poll
    T.check('review mode is on', !!(await until('review mode', async () => (await mentor.save()).reviewing).catch(() => false)));
    T.check('the student\'s file is shown', (await mentor.state()).learner.name === 'Sky');
    await mentor.shot('01-mentor-review-mode');
    await mentor.click('Ratio Reasoning · Beginning', {window: 'Review'});
    await mentor.type('##reviewer', 'Sr. Ibáñez', {window: 'Review'});
    for (let k = 0; k < 3; k++) await mentor.click('Met', {window: 'Review', nth: 0});
    await mentor.click('Save review', {window: 'Review'});
    const reviewed = await mentor.state();
    const w = reviewed.work.find((x) => x.competency === 'ratios-1' && x.level === 1);
    T.check('the mentor\'s review is in the open file', w && w.reviews.length === 1 && w.reviews[0].reviewer === 'Sr. Ibáñez');
    const reviewFile = await mentor.download(() => mentor.click('Save reviews to a file', {window: 'notices'}));
    const rf = JSON.parse(reviewFile.text);
    T.check('a review file for the student\'s record', rf.format === 'mastery-map/reviews' && rf.record_id === JSON.parse(exported.text).id && rf.reviews.length === 1,
      reviewFile.text.slice(0, 200));
    await mentor.click("Close the student's file", {window: 'notices'});
    T.check('the mentor is back to their own record, untouched', (await mentor.page.evaluate(() => window.mastery.exportRecord())) === mentorOwn);
    await mentor.page.reload();
    await mentor.ready();
    T.check('the mentor\'s stored record was never overwritten', (await mentor.page.evaluate(() => window.mastery.exportRecord())) === mentorOwn);
    // a review file for someone else is refused with a message
    await mentor.chooseFile(() => mentor.menu('Open a work file'), reviewFile.file);
    await mentor.waitFor('OK', {window: 'message'});
    T.check('reviews for another learner are refused, nothing changes', (await mentor.page.evaluate(() => window.mastery.exportRecord())) === mentorOwn &&
      !(await mentor.save()).import_pending);
    await mentor.shot('02-reviews-for-someone-else');

    // the student adds newer work, then imports the reviews
    await student.dispatch(text('Más trabajo después de enviar', 'reflection')).catch(() => {});
    await student.chooseFile(() => student.menu('Open a work file'), reviewFile.file);
    await student.waitFor('Yes, add the reviews');
    await student.shot('01-review-import-preview');
    await student.click('Yes, add the reviews');
    let st = await student.state();
    let sw = st.work.find((x) => x.competency === 'ratios-1' && x.level === 1);
    T.check('the reviews are merged into the student\'s record', sw.reviews.length === 1 && sw.reviews[0].reviewer === 'Sr. Ibáñez', JSON.stringify(sw.reviews));
    await student.saved();
    const once = await student.page.evaluate(() => window.mastery.exportRecord());
    await student.chooseFile(() => student.menu('Open a work file'), reviewFile.file);
    await student.waitFor('OK', {window: 'Add these reviews'});
    await student.shot('02-review-import-again');
    await student.click('OK', {window: 'Add these reviews'});
    T.check('importing the same reviews twice changes nothing', (await student.page.evaluate(() => window.mastery.exportRecord())) === once);
    await student.page.reload();
    await student.ready();
    st = await student.state();
    sw = st.work.find((x) => x.competency === 'ratios-1' && x.level === 1);
    T.check('the merged reviews are saved', sw.reviews.length === 1);
    await sctx.close();
    await mctx.close();
  });
} catch (e) {
  T.check('the persistence test ran to the end', false, e && e.stack || e);
} finally {
  for (const c of contexts) await c.close().catch(() => {});
  await server.close();
  for (const p of profiles) fs.rmSync(p, {recursive: true, force: true});
}
process.exit(T.finish(`screenshots in ${path.relative(root, out)}`));
