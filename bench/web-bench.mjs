// The browser benchmark (scripts/bench): the release web bundle served on loopback, Debian's
// Chromium under 4x CPU throttling (Chrome DevTools Protocol), every figure also as a
// ratio to the floor (a minimal Dear ImGui "hello" page built with the same toolchain and
// flags, measured in the same run). Writes build/bench/results.json and results.md and
// prints the table and which budgets pass. Timings live here, never in the test suite.
//
// Usage: node bench/web-bench.mjs [--runs N] [--site DIR] [--first-visit]   (after scripts/bench has built everything)
// --first-visit: only the first visits (bytes, first frame, startup timeline), printed, no files written.
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {fileURLToPath} from 'node:url';
import {serve} from '../tests/browser/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(path.join(root, 'tests/browser/package.json'));
const {chromium} = require('playwright-core');
const runsArg = process.argv.indexOf('--runs');
const kRuns = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const kThrottle = 4;
const kArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader'];
const outDir = path.join(root, 'build/bench');
const siteArg = process.argv.indexOf('--site');  // another build of the site, to compare flags
const site = siteArg > 0 ? path.resolve(process.argv[siteArg + 1]) : path.join(root, 'build/web/site');
const helloSite = path.join(root, 'build/web/bench-hello');
for (const f of [path.join(site, 'index.html'), path.join(helloSite, 'hello.js'), path.join(outDir, 'large-record.json')]) {
  if (!fs.existsSync(f)) { console.error(`web-bench: missing ${f} (run scripts/bench)`); process.exit(2); }
}
const largePathway = fs.readFileSync(path.join(outDir, 'large-pathway.json'), 'utf8');
const largeRecord = fs.readFileSync(path.join(outDir, 'large-record.json'), 'utf8');

const app = await serve(site, {'/bench/large-pathway.json': largePathway});
const hello = await serve(helloSite);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- helpers -------------------------------------------------------------------------------
function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return {n: 0, mean: null, p95: null, max: null};
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return {n: v.length, mean: round(mean), p95: round(v[Math.min(v.length - 1, Math.floor(v.length * 0.95))]), max: round(v[v.length - 1])};
}
const round = (x, d = 2) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const ratio = (a, b) => (a === null || b === null || !b ? null : round(a / b));

async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mastery-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, {executablePath: '/usr/bin/chromium', headless: true, args: kArgs,
    viewport: {width: 1280, height: 800}, deviceScaleFactor: 1});
  const page = ctx.pages()[0] || await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // The moment the app's first frame is drawn (window.mastery.ready resolves).
  await page.addInitScript(() => {
    Object.defineProperty(window, 'mastery', {configurable: true, set(v) {
      Object.defineProperty(window, 'mastery', {value: v, configurable: true});
      v.ready.then(() => { window.__readyAt = performance.now(); });
    }});
  });
  return {ctx, page, cdp, close: async () => { await ctx.close(); fs.rmSync(profile, {recursive: true, force: true}); }};
}
// Polls with evaluate (waitForFunction's rAF polling stalls on a page that draws no frames).
async function waitFor(page, fn, timeout) {
  for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
    if (await page.evaluate(fn).catch(() => false)) return;
  }
  throw new Error('web-bench: timed out waiting for ' + fn);
}
const throttle = (b, rate) => b.cdp.send('Emulation.setCPUThrottlingRate', {rate});

// A first visit: every response's bytes, and the time to the first frame.
async function firstVisit(kind, url) {
  const b = await launch();
  await throttle(b, kThrottle);
  const files = new Map();
  b.page.on('response', async (r) => {
    try { const body = await r.body(); files.set(new URL(r.url()).pathname, body); } catch { /* redirects */ }
  });
  await b.page.goto(url);
  let readyAt, marks = null;
  if (kind === 'app') {
    await waitFor(b.page, () => window.__readyAt !== undefined, 120000);
    readyAt = await b.page.evaluate(() => window.__readyAt);
    marks = await b.page.evaluate(() => (window.masteryTest.marks ? window.masteryTest.marks() : null));
  } else {
    await waitFor(b.page, () => window.hello && window.hello.readyAt !== undefined, 120000);
    readyAt = await b.page.evaluate(() => window.hello.readyAt);
  }
  await sleep(300);
  await b.close();
  return {readyAt, files, marks};
}

function sizes(files) {
  const per = {};
  const total = {raw: 0, gzip: 0, brotli: 0};
  for (const [name, body] of files) {
    const s = {raw: body.length, gzip: zlib.gzipSync(body, {level: 9}).length,
      brotli: zlib.brotliCompressSync(body, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length}}).length};
    per[name] = s;
    for (const k of Object.keys(total)) total[k] += s[k];
  }
  return {files: per, total};
}

// Drags across the canvas and zooms with the wheel; returns the frame CPU times (and, when
// the page reports them, the GL part of each frame in `gl`).
async function panAndZoom(b, framesFn, glFn = null) {
  await b.page.evaluate(framesFn);  // clear
  const m = b.page.mouse;
  for (let k = 0; k < 3; k++) {
    await m.move(700, 500);
    await m.down();
    for (let s = 0; s < 30; s++) await m.move(700 - s * 12, 500 - s * 6);
    await m.up();
  }
  await m.move(640, 450);
  for (let s = 0; s < 12; s++) { await m.wheel(0, s < 6 ? -120 : 120); await sleep(30); }
  for (let s = 0; s < 6; s++) { await b.page.keyboard.press(s < 3 ? 'ArrowRight' : 'ArrowDown'); await sleep(30); }
  await sleep(600);
  const gl = glFn ? await b.page.evaluate(glFn) : null;
  const times = await b.page.evaluate(framesFn);
  if (gl) times.gl = gl;
  return times;
}

const results = {
  when: new Date().toISOString(), machine: `${os.cpus().length} cores, ${os.cpus()[0] && os.cpus()[0].model}`,
  cpu_throttling: kThrottle, runs: kRuns, figures: {}, floor: {}, ratios: {}, budgets: [],
};
const F = results.figures;

// --- 1. first visit: bytes and first frame, app vs floor ----------------------------------
const appVisits = [], helloVisits = [];
for (let r = 0; r < kRuns; r++) {
  appVisits.push(await firstVisit('app', app.url));
  helloVisits.push(await firstVisit('hello', hello.url));
}
const appSizes = sizes(appVisits[0].files), helloSizes = sizes(helloVisits[0].files);
F.first_visit_transfer = appSizes;
results.floor.first_visit_transfer = helloSizes;
F.first_frame_ms = round(median(appVisits.map((v) => v.readyAt)));
// the startup timeline of the visit closest to the median
{
  const byReady = [...appVisits].sort((a, b) => a.readyAt - b.readyAt);
  const mid = byReady[Math.floor(byReady.length / 2)];
  F.first_visit_timeline = mid && mid.marks ? mid.marks.map(([what, at]) => ({what, ms: round(at)})) : null;
}
results.floor.first_frame_ms = round(median(helloVisits.map((v) => v.readyAt)));
if (process.argv.includes('--first-visit')) {
  console.log(`first frame ${F.first_frame_ms} ms (runs: ${appVisits.map((v) => round(v.readyAt, 0)).join(', ')}); ` +
    `floor ${results.floor.first_frame_ms} ms (runs: ${helloVisits.map((v) => round(v.readyAt, 0)).join(', ')}); ` +
    `ratio ${ratio(F.first_frame_ms, results.floor.first_frame_ms)}`);
  console.log(`transfer brotli ${round(appSizes.total.brotli / 1024, 1)} KB (floor ${round(helloSizes.total.brotli / 1024, 1)} KB)`);
  for (const [name, s] of Object.entries(appSizes.files)) console.log(`  ${name}: ${s.raw} raw, ${s.brotli} brotli`);
  for (const m of F.first_visit_timeline || []) console.log(`  ${String(m.ms).padStart(9)} ms  ${m.what}`);
  await app.close();
  await hello.close();
  process.exit(0);
}

// --- 2. the app with the large pathway and record --------------------------------------------
{
  const b = await launch();
  await throttle(b, kThrottle);
  await b.page.goto(app.url + '?pathway=bench/large-pathway.json');
  await waitFor(b.page, () => window.__readyAt !== undefined, 300000);
  F.large_pathway_interactive_ms = round(await b.page.evaluate(() => window.__readyAt));
  await b.page.evaluate(() => window.masteryTest.probe(false));

  // idle: no input for 3 s, once the fresh record's first save has finished (a save that
  // ends inside the window redraws the save state, which is not idle)
  await waitFor(b.page, () => { const st = window.masteryTest.saveState(); return st && st.state !== 'saving' && !st.unsaved; }, 120000);
  await sleep(1000);
  const f0 = await b.page.evaluate(() => window.mastery.frames());
  await sleep(3000);
  F.idle_frames_3s = (await b.page.evaluate(() => window.mastery.frames())) - f0;

  // import the 10 MB record (10,000 evidence items) at 4x, then at 1x
  const importOnce = () => b.page.evaluate((text) => {
    const t0 = performance.now();
    const r = window.mastery.importRecord(text);
    const t1 = performance.now();
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() =>
      resolve({ok: r.ok, error: r.error, import_ms: t1 - t0, to_frame_ms: performance.now() - t0}))));
  }, largeRecord);
  const imp4 = await importOnce();
  if (!imp4.ok) console.error('web-bench: the large record did not import:', imp4.error);
  F.large_record_import_ms_4x = round(imp4.import_ms);
  F.large_record_interactive_ms_4x = round(F.large_pathway_interactive_ms + imp4.to_frame_ms);
  const exp4 = await b.page.evaluate(() => { const t0 = performance.now(); const s = window.mastery.exportRecord(); return {ms: performance.now() - t0, bytes: s.length}; });
  F.large_record_export_ms_4x = round(exp4.ms);
  F.large_record_bytes = exp4.bytes;

  // pan and zoom the large map
  const panTimes = await panAndZoom(b, () => window.masteryTest.frameTimes(),
    () => (window.masteryTest.glTimes ? window.masteryTest.glTimes() : null));
  F.large_map_pan_zoom_frame_ms_4x = stats(panTimes);
  if (panTimes.gl) F.large_map_pan_zoom_gl_ms_4x = stats(panTimes.gl);
  await b.page.screenshot({path: path.join(outDir, 'large-map.png')});
  F.peak_wasm_memory_mb = round((await b.page.evaluate(() => window.masteryTest.memory())) / 1048576, 1);

  await throttle(b, 1);
  const imp1 = await importOnce();
  F.large_record_import_ms_1x = round(imp1.import_ms);
  const exp1 = await b.page.evaluate(() => { const t0 = performance.now(); window.mastery.exportRecord(); return performance.now() - t0; });
  F.large_record_export_ms_1x = round(exp1);

  // autosave, when the app has it: the longest main-thread slice around a save
  const autosave = await b.page.evaluate(async () => {
    if (!window.masteryTest.saveTimes) return null;
    window.masteryTest.saveTimes();
    for (let k = 0; k < 5; k++) {
      window.mastery.dispatch({type: 'set_learner_name', name: 'Bench ' + k});
      await new Promise((r) => setTimeout(r, 700));
    }
    return window.masteryTest.saveTimes();
  });
  await throttle(b, kThrottle);
  const autosave4 = await b.page.evaluate(async () => {
    if (!window.masteryTest.saveTimes) return null;
    window.masteryTest.saveTimes();
    for (let k = 0; k < 5; k++) {
      window.mastery.dispatch({type: 'set_learner_name', name: 'Bench 4x ' + k});
      await new Promise((r) => setTimeout(r, 1500));
    }
    return window.masteryTest.saveTimes();
  });
  F.autosave_main_thread_ms_1x = autosave ? stats(autosave) : null;
  F.autosave_main_thread_ms_4x = autosave4 ? stats(autosave4) : null;
  F.peak_wasm_memory_mb = Math.max(F.peak_wasm_memory_mb, round((await b.page.evaluate(() => window.masteryTest.memory())) / 1048576, 1));
  await b.close();
}

// --- 3. typing in the evidence editor (the sample pathway) -----------------------------------
{
  const b = await launch();
  await b.page.goto(app.url);
  await waitFor(b.page, () => window.__readyAt !== undefined, 120000);
  await b.page.evaluate(() => window.masteryTest.probe(true));
  await sleep(500);
  const clickItem = async (label, windowName) => {
    for (let k = 0; k < 20; k++) {
      const it = await b.page.evaluate(([l, w]) => window.masteryTest.items().find((i) => i.label === l && i.window.startsWith(w)), [label, windowName]);
      if (it && !it.clipped) { await b.page.mouse.move(it.x, it.y); await sleep(100); await b.page.mouse.click(it.x, it.y); await sleep(400); return true; }
      await b.page.mouse.move(640, 500);
      await b.page.mouse.wheel(0, 200);
      await sleep(250);
    }
    return false;
  };
  const opened = await clickItem('Ratio Reasoning', 'Map') && await clickItem('+ Writing', 'Skill') && await clickItem('##new_text', 'Skill');
  await throttle(b, kThrottle);
  await b.page.evaluate(() => window.masteryTest.frameTimes());
  if (opened) await b.page.keyboard.type('Mi receta tiene 3 tazas de harina por 2 de azúcar; la razón es 3:2. ', {delay: 40});
  await sleep(600);
  F.typing_frame_ms_4x = opened ? stats(await b.page.evaluate(() => window.masteryTest.frameTimes())) : null;
  await b.page.screenshot({path: path.join(outDir, 'typing.png')});
  await b.close();
}

// --- 4. the floor under the same interaction ---------------------------------------------------
{
  const b = await launch();
  await throttle(b, kThrottle);
  await b.page.goto(hello.url);
  await waitFor(b.page, () => window.hello && window.hello.readyAt !== undefined, 120000);
  await sleep(1000);
  const f0 = await b.page.evaluate(() => window.hello.frames());
  await sleep(3000);
  results.floor.idle_frames_3s = (await b.page.evaluate(() => window.hello.frames())) - f0;
  results.floor.pan_zoom_frame_ms_4x = stats(await panAndZoom(b, () => window.hello.frameTimes()));
  results.floor.peak_wasm_memory_mb = round((await b.page.evaluate(() => window.hello.memory())) / 1048576, 1);
  await b.close();
}

// --- 5. native core micro-benchmarks ---------------------------------------------------------
const nativeFile = path.join(outDir, 'core.json');
results.native = fs.existsSync(nativeFile) ? JSON.parse(fs.readFileSync(nativeFile, 'utf8')) : null;
const uiFile = path.join(outDir, 'ui.json');
results.native_ui = fs.existsSync(uiFile) ? JSON.parse(fs.readFileSync(uiFile, 'utf8')) : null;

await app.close();
await hello.close();

// --- ratios and budgets ------------------------------------------------------------------------
const R = results.ratios;
R.first_visit_brotli = ratio(appSizes.total.brotli, helloSizes.total.brotli);
R.first_frame = ratio(F.first_frame_ms, results.floor.first_frame_ms);
R.pan_zoom_frame_p95 = ratio(F.large_map_pan_zoom_frame_ms_4x.p95, results.floor.pan_zoom_frame_ms_4x.p95);
R.typing_frame_p95 = F.typing_frame_ms_4x ? ratio(F.typing_frame_ms_4x.p95, results.floor.pan_zoom_frame_ms_4x.p95) : null;
R.peak_wasm_memory = ratio(F.peak_wasm_memory_mb, results.floor.peak_wasm_memory_mb);

function budget(name, figure, limit, unit, note = '') {
  results.budgets.push({name, figure, limit, unit, pass: figure === null || figure === undefined ? null : figure <= limit, note});
}
budget('first-visit transfer, brotli (app + font + default pathway)', round(appSizes.total.brotli / 1024, 1), 350, 'KB');
budget('first frame / floor at 4x', R.first_frame, 1.2, 'x');
budget('frames rendered in 3 s of idle', F.idle_frames_3s, 0, 'frames');
budget('large-map pan/zoom frame CPU p95 at 4x', F.large_map_pan_zoom_frame_ms_4x.p95, 8, 'ms');
budget('longest autosave main-thread pause at 4x', F.autosave_main_thread_ms_4x ? F.autosave_main_thread_ms_4x.max : null, 16, 'ms',
  F.autosave_main_thread_ms_4x ? '' : 'the app exposes no save timings (masteryTest.saveTimes) yet');
budget('import + validate of the 10 MB record at 1x', F.large_record_import_ms_1x, 1000, 'ms');
budget('peak WebAssembly memory with the large pathway', F.peak_wasm_memory_mb, 64, 'MB');

fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));

// --- the Markdown table ----------------------------------------------------------------------
const fmt = (x) => (x === null || x === undefined ? 'n/a' : String(x));
const st = (s) => (s ? `${s.mean} / ${s.p95} / ${s.max} (n=${s.n})` : 'n/a');
const lines = [];
lines.push(`# Mastery Map benchmark, ${results.when}`, '', `${results.machine}; Chromium with ${kThrottle}x CPU throttling unless marked 1x; median of ${kRuns} first visits; floor = ImGui "hello" with the same toolchain and flags.`, '');
lines.push('## Budgets', '', '| budget | figure | limit | pass |', '|---|---|---|---|');
for (const b of results.budgets) lines.push(`| ${b.name} | ${fmt(b.figure)} ${b.unit} | ${b.limit} ${b.unit} | ${b.pass === null ? 'not measured' + (b.note ? ': ' + b.note : '') : b.pass ? 'pass' : '**FAIL**'} |`);
lines.push('', '## Figures', '', '| figure | app | floor | ratio |', '|---|---|---|---|');
lines.push(`| first visit bytes: raw / gzip / brotli | ${appSizes.total.raw} / ${appSizes.total.gzip} / ${appSizes.total.brotli} | ${helloSizes.total.raw} / ${helloSizes.total.gzip} / ${helloSizes.total.brotli} | ${R.first_visit_brotli} (brotli) |`);
lines.push(`| navigation to first frame (ms) | ${F.first_frame_ms} | ${results.floor.first_frame_ms} | ${R.first_frame} |`);
lines.push(`| to interactive, large pathway (2,000 competencies) (ms) | ${F.large_pathway_interactive_ms} | | |`);
lines.push(`| to interactive, large record (+ 10,000 evidence items) (ms) | ${F.large_record_interactive_ms_4x} | | |`);
lines.push(`| idle frames in 3 s | ${F.idle_frames_3s} | ${results.floor.idle_frames_3s} | |`);
lines.push(`| frame CPU, pan/zoom large map, mean / p95 / max (ms) | ${st(F.large_map_pan_zoom_frame_ms_4x)} | ${st(results.floor.pan_zoom_frame_ms_4x)} | ${R.pan_zoom_frame_p95} (p95) |`);
lines.push(`| frame CPU, typing evidence, mean / p95 / max (ms) | ${st(F.typing_frame_ms_4x)} | | ${fmt(R.typing_frame_p95)} (p95 vs floor pan) |`);
lines.push(`| autosave main thread, mean / p95 / max (ms), 4x | ${st(F.autosave_main_thread_ms_4x)} | | |`);
lines.push(`| import 10 MB record (ms), 4x / 1x | ${F.large_record_import_ms_4x} / ${F.large_record_import_ms_1x} | | |`);
lines.push(`| export 10 MB record (ms), 4x / 1x | ${F.large_record_export_ms_4x} / ${F.large_record_export_ms_1x} | | |`);
lines.push(`| peak WebAssembly memory (MB) | ${F.peak_wasm_memory_mb} | ${results.floor.peak_wasm_memory_mb} | ${R.peak_wasm_memory} |`);
if (F.large_map_pan_zoom_gl_ms_4x) lines.push('', `Of the pan/zoom frame CPU, GL calls (glClear + the backend's RenderDrawData): ${st(F.large_map_pan_zoom_gl_ms_4x)} (mean / p95 / max ms).`);
if (F.first_visit_timeline) {
  lines.push('', '### First visit, startup timeline (app, median run)', '', '| ms | what |', '|---|---|');
  for (const m of F.first_visit_timeline) lines.push(`| ${m.ms} | ${m.what} |`);
}
lines.push('', '### First-visit files (app)', '', '| file | raw | gzip | brotli |', '|---|---|---|---|');
for (const [name, s] of Object.entries(appSizes.files)) lines.push(`| ${name} | ${s.raw} | ${s.gzip} | ${s.brotli} |`);
if (results.native_ui) {
  const u = results.native_ui;
  lines.push('', '## Native views, headless (1x, this machine; bench/ui_bench.cpp)', '', '| figure | ms |', '|---|---|');
  lines.push(`| font atlas (${u.atlas[0]}x${u.atlas[1]}) | ${round(u.font_atlas_ms)} |`);
  lines.push(`| start with the large pathway (load, validate, layout) | ${round(u.large_pathway_start_ms)} |`);
  lines.push(`| first frame | ${round(u.first_frame_ms)} |`);
  lines.push(`| import the large record | ${round(u.large_record_import_ms)} |`);
  lines.push(`| first frame after the import | ${round(u.frame_after_import_ms)} |`);
  lines.push(`| map pan/zoom frame, mean / p95 / max | ${st(u.map_pan_zoom_frame_ms)} |`);
  lines.push(`| map frame without input, mean / p95 / max | ${st(u.map_still_frame_ms)} |`);
}
if (results.native) {
  lines.push('', '## Native core (1x, this machine)', '', `Record of ${results.native.record_bytes} bytes, ${results.native.competencies} competencies.`, '', '| figure | runs | mean ms | min ms | max ms |', '|---|---|---|---|---|');
  for (const [name, f] of Object.entries(results.native.figures)) lines.push(`| ${name} | ${f.runs} | ${f.mean_ms} | ${f.min_ms} | ${f.max_ms} |`);
}
fs.writeFileSync(path.join(outDir, 'results.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
const failed = results.budgets.filter((b) => b.pass === false).map((b) => b.name);
const unmeasured = results.budgets.filter((b) => b.pass === null).map((b) => b.name);
console.log(`\nbench: ${results.budgets.filter((b) => b.pass).length} of ${results.budgets.length} budgets pass` +
  (failed.length ? `; failing: ${failed.join('; ')}` : '') + (unmeasured.length ? `; not measured: ${unmeasured.join('; ')}` : '') +
  ` (build/bench/results.json, results.md)`);
