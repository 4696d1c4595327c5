// Long file tasks, "leave anyway?" and one record in two tabs (issue 4), in Debian's
// Chromium over the built site: a 10 MB record opens with a progress window that is on
// screen at every stage (reading in chunks, checking, the preview) and the tab draws
// frames between them; cancelling while reading changes nothing; saving it to a file and
// "Download all my badges" show their progress too; a mentor with reviews not in a file
// is asked before the tab closes and before leaving the review in the app; changes storage
// refused make the browser ask too; two tabs on different addresses holding the same
// record never overwrite each other (counts of changes, nothing lost).
// Stages are held with masteryTest.holdFiles so each can be looked at: no timed
// assertions, every wait polls. Screenshots: build/browser-artifacts/files-*.png.
// Usage: node tests/browser/files.test.mjs [--site build/web/site]
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {App, Checks, launch, newProfile, root, until} from './helpers.mjs';
import {serve} from './server.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}
const site = option('--site', path.join(root, 'build/web/site'));
const out = option('--out', path.join(root, 'build/browser-artifacts'));
const T = new Checks('files');
if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.log(`files: FAILED: no site at ${site} (build it: cmake --preset web && cmake --build build/web)`);
  process.exit(1);
}

const server = await serve(site);
const origin = new URL(server.url).origin;
const profiles = [];
const contexts = [];
async function open(name, options = {}) {
  const dir = newProfile(name);
  profiles.push(dir);
  const ctx = await launch(dir, options);
  contexts.push(ctx);
  return ctx;
}
async function appIn(ctx, name, {query = '', page = null, init = null} = {}) {
  const p = page || await ctx.newPage();
  T.watch(p, name, origin);
  if (init) await p.addInitScript(init);
  const a = new App(p, server.url, out, `files-${name}`);
  await a.open(query);
  return a;
}
const text = (t, part = 'overview') => ({type: 'add_evidence', competency: 'ratios-1', level: 1, kind: 'text', part, text: t});
const evidenceTexts = (st) => ((st.work || []).find((w) => w.competency === 'ratios-1' && w.level === 1) || {evidence: []}).evidence.map((e) => e.text);
const exported = (a) => a.page.evaluate(() => window.mastery.exportRecord());
const stored = (a, id) => a.page.evaluate((i) => window.masteryStorage.load(i), id);
const job = async (a) => (await a.save()).job;
// Held stages: wait until the page holds one (its progress is on screen), then go on.
const held = (a) => until('a held file stage', () => a.page.evaluate(() => window.masteryTest.fileWaiting()));
const next = (a) => a.page.evaluate(() => window.masteryTest.fileStep());
const hold = (a, on) => a.page.evaluate((o) => window.masteryTest.holdFiles(o), on);
const tmp = newProfile('files-data');
profiles.push(tmp);

// The benchmark's 10.5 MB record (bench/core_bench.cpp --write), built by the native step.
function bigRecord() {
  const bench = path.join(root, 'build/native/bin/core_bench');
  if (fs.existsSync(bench)) {
    execFileSync(bench, ['--write', tmp]);
    return path.join(tmp, 'large-record.json');
  }
  // without the native build: the sample with 10,000 extra pieces of evidence (~10.5 MB)
  const r = JSON.parse(fs.readFileSync(path.join(root, 'assets/records/sample-record.json'), 'utf8'));
  for (let i = 0; i < 10000; i++) {
    r.work[0].evidence.push({added_at: '2026-09-12T10:00:00Z', id: `big-${i}`, kind: 'text', part: 'reflection',
      text: `Notes ${i}: ` + 'a ratio compares two amounts; '.repeat(34)});
  }
  const file = path.join(tmp, 'large-record.json');
  fs.writeFileSync(file, JSON.stringify(r));
  return file;
}

try {
  const bigFile = bigRecord();
  const bigText = fs.readFileSync(bigFile, 'utf8');
  const big = JSON.parse(bigText);
  T.check('the large record is about 10 MB', bigText.length > 9.5e6, String(bigText.length));

  // ---------------------------------------------------------------------------------------
  await T.step('a 10 MB record: progress on screen at every stage, cancel changes nothing, then the preview', async () => {
    const ctx = await open('big');
    const a = await appIn(ctx, 'big', {page: ctx.pages()[0]});
    await a.saved();
    const mine = await exported(a);
    const revision = (await stored(a, (await a.state()).id)).revision;

    // cancel while reading
    await hold(a, true);
    await a.chooseFile(() => a.menu('Open a work file'), bigFile);
    await held(a);
    await next(a);
    await held(a);
    const reading = await job(a);
    T.check('reading shows its progress', reading && reading.reading && reading.shown && reading.step === 1 && reading.fraction > 0,
      JSON.stringify(reading));
    await a.page.mouse.move(640, 420);
    await a.settle();
    await a.shot('01-reading-cancel');
    await a.click('Cancel', {window: 'Opening a work file'});
    await hold(a, false);
    await until('the job to end', async () => (await job(a)) === null);
    await a.settle();
    T.check('cancelled: no preview, the same record, nothing saved', !(await a.save()).import_pending && (await exported(a)) === mine &&
      (await stored(a, (await a.state()).id)).revision === revision);
    await a.page.evaluate(() => window.masteryTest.jobFrames());

    // the whole way, one held stage at a time
    await hold(a, true);
    await a.chooseFile(() => a.menu('Open a work file'), bigFile);
    const seen = [];
    for (let k = 0; k < 40; k++) {
      await until('a held stage, or the end', async () => (await a.page.evaluate(() => window.masteryTest.fileWaiting())) || (await job(a)) === null, 60000);
      const j = await job(a);
      if (!j) break;
      const label = j.reading ? 'reading' : j.stage;
      if (!seen.includes(label)) {
        seen.push(label);
        // the tab is not frozen: input draws frames while the stage waits
        const before = await a.page.evaluate(() => window.mastery.frames());
        await a.page.mouse.move(600 + seen.length * 7, 420);
        await until('a frame', async () => (await a.page.evaluate(() => window.mastery.frames())) > before);
        await a.settle(250);
        await a.shot(`02-stage-${seen.length}`);
      }
      await next(a);
    }
    await hold(a, false);
    T.check('every stage was held on screen: reading, checking the file, checking the work, the preview',
      JSON.stringify(seen) === JSON.stringify(['reading', 'Checking the file...', 'Checking the work in it...', 'Working out what will change...']),
      JSON.stringify(seen));
    await a.waitFor('Yes, replace my work', {}, 60000);
    await a.shot('03-preview');
    const frames = await a.page.evaluate(() => window.masteryTest.jobFrames());
    const readingFrames = frames.filter((f) => f.step === 1);
    T.check('a frame showed the reading progress after each 2 MiB chunk', readingFrames.length >= Math.ceil(bigText.length / (2 << 20)),
      String(readingFrames.length));
    T.check('each stage was drawn before the next one, steps 1 to 4 in order', frames.length > 0 &&
      frames.every((f, i) => i === 0 || (f.step >= frames[i - 1].step && f.fraction >= frames[i - 1].fraction)) &&
      frames[frames.length - 1].step === 4, JSON.stringify(frames.map((f) => [f.step, Math.round(f.fraction * 100)])));
    T.check('nothing changed before yes', (await exported(a)) === mine);
    await a.click('Yes, replace my work');
    const st = await a.state();
    T.check('after yes the large record is open', st.id === big.id && st.work.reduce((n, w) => n + w.evidence.length, 0) ===
      big.work.reduce((n, w) => n + w.evidence.length, 0));
    await until('the large record to be saved', async () => ((await a.save()) || {}).state === 'saved' && !(await a.save()).unsaved, 60000);

    // saving it to a file: the progress, then the download
    await a.page.evaluate(() => window.masteryTest.jobFrames());
    await hold(a, true);
    const dl = a.page.waitForEvent('download', {timeout: 60000});
    dl.catch(() => {});
    await a.menu('Save my work to a file');
    await held(a);
    const writing = await job(a);
    T.check('the export shows its progress', writing && writing.title === 'Saving your work to a file' && writing.shown, JSON.stringify(writing));
    await a.page.mouse.move(640, 430);
    await a.settle();
    await a.shot('04-export-progress');
    await hold(a, false);
    const file = path.join(tmp, (await dl).suggestedFilename());
    await (await dl).saveAs(file);
    const back = JSON.parse(fs.readFileSync(file, 'utf8'));
    T.check('the export is the whole large record', back.id === big.id && fs.statSync(file).size > 9.5e6);
    T.check('window.mastery.exportRecord (joined from ~1 MB pieces) is the downloaded file, byte for byte',
      (await exported(a)) === fs.readFileSync(file, 'utf8'));
    const wrote = (await a.page.evaluate(() => window.masteryTest.jobFrames())).map((f) => f.stage);
    T.check('both export stages were on screen', wrote.includes('Putting your work into a file...') && wrote.includes('Handing the file to your browser...'),
      JSON.stringify(wrote));
    await ctx.close();
  });

  // ---------------------------------------------------------------------------------------
  await T.step('"Download all my badges" shows a badge count while it draws them', async () => {
    const ctx = await open('zip');
    const a = await appIn(ctx, 'zip', {page: ctx.pages()[0]});
    const sample = fs.readFileSync(path.join(root, 'assets/records/sample-record.json'), 'utf8');
    T.check('the sample opens', (await a.page.evaluate((t) => window.mastery.importRecord(t), sample)).ok);
    await a.click('My chart', {window: 'topbar'});
    await hold(a, true);
    const dl = a.page.waitForEvent('download', {timeout: 60000});
    dl.catch(() => {});
    await a.click('Download all my badges', {window: 'My chart'});
    await held(a);
    const j = await job(a);
    T.check('the ZIP shows "Drawing badge 1 of N"', j && j.title === 'Packing your badges' && /^Drawing badge 1 of \d+/.test(j.stage) && j.shown, JSON.stringify(j));
    await a.page.mouse.move(640, 430);
    await a.settle();
    await a.shot('05-badges-zip-progress');
    await hold(a, false);
    T.check('and the ZIP downloads', (await dl).suggestedFilename() === 'my-badges.zip');
    await ctx.close();
  });

  // ---------------------------------------------------------------------------------------
  await T.step('"leave anyway?": a mentor\'s reviews not in a file, and changes storage refused', async () => {
    const ctx = await open('mentor');
    const m = await appIn(ctx, 'mentor', {page: ctx.pages()[0]});
    await m.saved();
    const own = await exported(m);
    const dialogs = [];
    m.page.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss().catch(() => {}); });
    await m.chooseFile(() => m.menu("Open a student's file to review"), path.join(root, 'assets/records/sample-record.json'));
    await until('review mode', async () => (await m.save()).reviewing);
    T.check('opened, nothing reviewed: leaving loses nothing', (await m.save()).leaving_loses_work === false);
    const st = await m.state();
    const claims = st.pathway.competencies.find((c) => c.id === 'ela-claims');
    const decisions = claims.levels[1].criteria.map((c) => ({criterion: c.id, rating: 'met', comment: ''}));
    const r = await m.dispatch({type: 'record_review', competency: 'ela-claims', level: 2, reviewer: 'Sr. Ibáñez', role: 'mentor', decisions, feedback: '¡Bien!'});
    T.check('the mentor reviews', r.ok, JSON.stringify(r));
    T.check('the reviews are not in a file yet', (await m.save()).reviews_unsaved === true && (await m.save()).leaving_loses_work === true);
    // closing the tab: the browser asks first (dismissed: the tab stays)
    await m.page.close({runBeforeUnload: true});
    await until('the browser to ask', async () => dialogs.includes('beforeunload'));
    T.check('closing the tab asks "leave site?"', dialogs.filter((d) => d === 'beforeunload').length === 1, JSON.stringify(dialogs));
    T.check('staying keeps the review open', !m.page.isClosed() && (await m.save()).reviewing === true);
    // in the app: "Close the student's file" asks
    await m.click("Close the student's file", {window: 'notices'});
    await m.waitFor('Stay here');
    await m.shot('06-leave-without-saving');
    T.check('closing the review asks first', (await m.save()).leave_asked === true && (await m.save()).reviewing === true);
    await m.click('Stay here');
    T.check('"Stay here" keeps the review', (await m.save()).reviewing === true && (await m.save()).leave_asked === false);
    await m.click("Close the student's file", {window: 'notices'});
    const file = await m.download(() => m.click('Save the reviews to a file first'));
    const rf = JSON.parse(file.text);
    T.check('"Save the reviews to a file first" downloads them', rf.format === 'mastery-map/reviews' && rf.reviews.some((x) => x.reviewer === 'Sr. Ibáñez'), file.name);
    await until('back to the mentor\'s own work', async () => !(await m.save()).reviewing);
    T.check('then the review closes, the mentor\'s own record untouched', (await exported(m)) === own);
    T.check('nothing to lose now', (await m.save()).leaving_loses_work === false);
    await m.page.close({runBeforeUnload: true});
    await until('the tab to close', () => m.page.isClosed());
    T.check('closing now does not ask', dialogs.filter((d) => d === 'beforeunload').length === 1, JSON.stringify(dialogs));
    await ctx.close();

    // storage switched off: changes only in the tab, so closing asks
    const sctx = await open('nostorage');
    const s = await appIn(sctx, 'nostorage', {page: sctx.pages()[0], init: () => {
      const deny = () => { throw new DOMException('storage is disabled', 'SecurityError'); };
      try { Object.defineProperty(window, 'indexedDB', {get: () => ({open: deny})}); } catch (e) { /* ignore */ }
    }});
    const sd = [];
    s.page.on('dialog', (d) => { sd.push(d.type()); d.dismiss().catch(() => {}); });
    await until('the first save to fail', async () => (await s.save()).state === 'failed');
    await s.click('Hide', {window: 'notices'});  // a real click: browsers ask only after the user did something
    T.check('a change storage refused', (await s.dispatch({type: 'set_learner_name', name: 'Noor'})).ok);
    await until('leaving to lose work', async () => (await s.save()).leaving_loses_work === true);
    await s.page.close({runBeforeUnload: true});
    await until('the browser to ask', async () => sd.includes('beforeunload'));
    T.check('closing a tab whose changes storage refused asks first', sd.includes('beforeunload') && !s.page.isClosed());
    await sctx.close();
  });

  // ---------------------------------------------------------------------------------------
  await T.step('one record in two tabs on different addresses: nobody overwrites the other, nothing lost', async () => {
    const ctx = await open('slots');
    const p1 = await appIn(ctx, 'slot-default', {page: ctx.pages()[0]});
    await p1.dispatch({type: 'set_learner_name', name: 'Ana'});
    await p1.saved();
    const rText = await exported(p1);
    const R = JSON.parse(rText).id;
    // another address (another slot) in a second tab, with its own fresh record
    const p2 = await appIn(ctx, 'slot-pathway', {query: '?pathway=pathways/middle-school-explorer.json'});
    await p2.saved();
    const Q = (await p2.state()).id;
    T.check('the second address writes its own record', (await p2.save()).read_only === false && Q !== R);
    // the student opens the same record (the file) at the second address
    T.check('the same record opens at the second address', (await p2.page.evaluate((t) => window.mastery.importRecord(t), rText)).ok);
    const refused = await until('the save to be refused', async () => { const s = await p2.save(); return s.state === 'failed' ? s : null; });
    T.check('its save is refused: the record is open in the first tab', refused.problem === 'OpenElsewhere', JSON.stringify(refused));
    await p2.waitFor('Save to a file now', {window: 'notices'});
    await p2.page.mouse.move(640, 700);
    await p2.settle();
    await p2.shot('07-open-in-another-tab');
    T.check('leaving that tab would lose its changes: the browser would ask', (await p2.save()).leaving_loses_work === true);
    // the first tab keeps working; the second tab's copy never lands on it
    for (let i = 1; i <= 5; i++) T.check(`first tab change ${i}`, (await p1.dispatch(text('uno ' + i))).ok);
    T.check('the second tab changes its copy', (await p2.dispatch({type: 'set_learner_name', name: 'Tab two'})).ok);
    await p1.saved();
    let r = JSON.parse((await stored(p1, R)).text);
    T.check('the stored record has all 5 changes of the first tab and none of the second', evidenceTexts(r).length === 5 &&
      r.learner.name === 'Ana', JSON.stringify({name: r.learner.name, n: evidenceTexts(r).length}));
    // Undo in the second tab brings its own record back, which saves again
    await p2.menu('Undo');
    await p2.menu('Undo');
    await until('the second tab to save its own record', async () => { const s = await p2.save(); return s.state === 'saved' && !s.unsaved && (await p2.state()).id === Q; });
    T.check('the second tab is saved again, on its own record', (await p2.save()).problem === '');

    // a mentor tab (view only on this slot) opens the student's file for review: never writes
    const p3 = await appIn(ctx, 'review-tab');
    const exportedR = path.join(tmp, 'ana.json');
    fs.writeFileSync(exportedR, await exported(p1));
    await p3.chooseFile(() => p3.menu("Open a student's file to review"), exportedR);
    await until('review mode', async () => (await p3.save()).reviewing);
    T.check('the review tab changes only its copy in memory', (await p3.dispatch({type: 'set_learner_name', name: 'Mentor copy'})).ok);
    T.check('first tab change 6', (await p1.dispatch(text('uno 6'))).ok);
    await p1.saved();
    r = JSON.parse((await stored(p1, R)).text);
    T.check('the review tab wrote nothing: the stored record is the first tab\'s', evidenceTexts(r).length === 6 && r.learner.name === 'Ana');
    await p3.page.close();

    // both addresses hold the record at once: the second one to open it only looks
    const latest = await exported(p1);
    await p1.page.close();
    T.check('the second address opens the latest file of the record', (await p2.page.evaluate((t) => window.mastery.importRecord(t), latest)).ok);
    // (the closed tab's locks go with its page; "save now" until storage has it)
    await until('the second address to hold the record', async () => {
      await p2.page.evaluate(() => window.masteryTest.flush());
      const s = await p2.save();
      return s.state === 'saved' && !s.unsaved;
    }, 30000);
    const p4 = await appIn(ctx, 'slot-default-again');
    T.check('the first address, opened again, only looks (the record is open at the other)', (await p4.save()).read_only === true,
      JSON.stringify(await p4.save()));
    await p4.page.mouse.move(640, 700);
    await p4.settle();
    await p4.shot('08-same-record-view-only');
    for (let i = 1; i <= 5; i++) {
      T.check(`second address change ${i}`, (await p2.dispatch(text('dos ' + i))).ok);
      T.check(`the view-only tab's change ${i} is refused`, (await p4.dispatch(text('refused ' + i))).ok === false);
    }
    await p2.saved();
    await p2.page.close();
    await until('the view-only tab to take over', async () => {
      const s = await p4.page.evaluate(() => window.masteryTest && window.masteryTest.saveState && window.masteryTest.saveState());
      return s && s.read_only === false && s.state === 'saved';
    }, 30000);
    await p4.ready();
    const st = await p4.state();
    const texts = evidenceTexts(st);
    T.check('after taking over it has every change: 6 from the first tab, 5 from the second, none refused', st.id === R &&
      texts.filter((t) => t.startsWith('uno ')).length === 6 && texts.filter((t) => t.startsWith('dos ')).length === 5 &&
      !texts.some((t) => t.startsWith('refused')), JSON.stringify(texts));
    T.check('and it writes now', (await p4.dispatch(text('tres'))).ok);
    await p4.saved();
    T.check('its change is saved', evidenceTexts(JSON.parse((await stored(p4, R)).text)).length === 12);
    await ctx.close();
  });
} catch (e) {
  T.check('the files test ran to the end', false, e && e.stack || e);
} finally {
  for (const c of contexts) await c.close().catch(() => {});
  await server.close();
  for (const p of profiles) fs.rmSync(p, {recursive: true, force: true});
}
process.exit(T.finish(`screenshots in ${path.relative(root, out)}`));
