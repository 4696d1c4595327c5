// Hosting as a teacher does it (docs/HOSTING.md), in Debian's Chromium over dist/ from
// scripts/dist: a real nginx on loopback serves the folder under a sub-path
// (/classes/7b/mastery/) and, elsewhere, with .wasm sent as a generic type; the app opens,
// a change is saved, and with the network gone a reload still opens the app with the
// work there (service worker + IndexedDB). A new build is announced and starts only when
// the student says so, with the work intact. The single file runs from file:// with no
// requests at all. Any request that leaves the page's origin fails the test.
//
// Usage: node tests/browser/hosting.test.mjs [--dist dist]   (one result line; exit 0 = pass)
import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {appReady} from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(path.join(here, 'package.json'));
const {chromium} = require('playwright-core');
const i = process.argv.indexOf('--dist');
const dist = path.resolve(i > 0 ? process.argv[i + 1] : path.join(root, 'dist'));
const out = path.join(root, 'build/browser-artifacts');
const kArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader'];
const kSubPath = '/classes/7b/mastery/';

if (!fs.existsSync(path.join(dist, 'site/index.html')) || !fs.existsSync(path.join(dist, 'mastery-map.html'))) {
  console.log(`hosting: FAILED: no dist at ${dist} (run scripts/dist)`);
  process.exit(1);
}
fs.mkdirSync(out, {recursive: true});

let checks = 0;
const failures = [];
const consoleErrors = [];
const offOrigin = [];
function check(name, ok, detail = '') {
  checks++;
  if (!ok) {
    failures.push(name);
    console.log(`FAIL: ${name}${detail ? ': ' + String(detail).slice(0, 400) : ''}`);
  }
  return ok;
}
async function step(name, fn) {
  try { await fn(); } catch (e) { check(name, false, e && e.stack || e); }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, ms = 15000) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) {
    try { if (await fn()) return true; } catch { /* page navigating */ }
  }
  throw new Error(`timed out waiting for ${what}`);
}

// --- nginx on a free loopback port, its files in a temporary folder ----------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mastery-nginx-'));
const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
// A second copy of the site, which the test turns into "the next version".
const updateSite = path.join(tmp, 'update-site');
fs.cpSync(path.join(dist, 'site'), updateSite, {recursive: true});
const site = path.join(dist, 'site');
const conf = `
${process.getuid && process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
    location ${kSubPath} { alias ${site}/; }
    # a server that knows nothing of WebAssembly: .wasm goes out as application/octet-stream
    location /generic/ { alias ${site}/;
      types { text/html html; application/javascript js; application/json json; image/png png; image/svg+xml svg; } }
    location /update/ { alias ${updateSite}/; }
  }
}`;
fs.writeFileSync(path.join(tmp, 'nginx.conf'), conf);
const nginx = spawn('/usr/sbin/nginx', ['-c', path.join(tmp, 'nginx.conf'), '-p', tmp], {stdio: ['ignore', 'ignore', 'pipe']});
let nginxErr = '';
nginx.stderr.on('data', (d) => { nginxErr += d; });
const origin = `http://127.0.0.1:${port}`;
try {
  await until('nginx', async () => (await fetch(origin + kSubPath)).ok, 10000);
} catch (e) {
  console.log(`hosting: FAILED: nginx did not start: ${nginxErr} ${fs.existsSync(tmp + '/error.log') ? fs.readFileSync(tmp + '/error.log', 'utf8') : ''}`);
  nginx.kill();
  process.exit(1);
}

async function launch(name) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `mastery-${name}-`));
  return chromium.launchPersistentContext(profile, {executablePath: '/usr/bin/chromium', headless: true, args: kArgs,
    viewport: {width: 1100, height: 720}, deviceScaleFactor: 1});
}
function watch(page, label, allowedOrigin) {
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${label}: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`${label}: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (['data:', 'blob:', 'about:'].includes(u.protocol)) return;
    if (allowedOrigin === 'file' ? u.protocol !== 'file:' : u.origin !== allowedOrigin) offOrigin.push(`${label}: ${r.url()}`);
  });
}
// (after a reload the page's meta tags are there before its scripts: wait for the app)
const ready = async (page) => {
  await appReady(page);
  return true;
};
const state = (page) => page.evaluate(() => window.mastery.state());
const rename = (page, name) => page.evaluate((n) => window.mastery.dispatch({type: 'set_learner_name', name: n}), name);
// Autosave is debounced (~300 ms): wait until the app says the change is saved.
const autosave = (page) => until('the save', () => page.evaluate(() => {
  const s = window.masteryTest.saveState();
  return s && s.state === 'saved' && !s.unsaved;
}));

// --- under a sub-path, then offline --------------------------------------------------------
const ctx = await launch('hosting');
const page = ctx.pages()[0] || await ctx.newPage();
watch(page, 'subpath', origin);

await step('the app opens from nginx under a sub-path', async () => {
  const response = await page.goto(origin + kSubPath);
  check('index.html is served', response && response.ok());
  await ready(page);
  const st = await state(page);
  check('a record on the bundled pathway', st && st.pathway && st.pathway.id, JSON.stringify(st && st.pathway && st.pathway.id));
  const wasmType = (await fetch(origin + kSubPath + 'mastery-map.wasm')).headers.get('content-type');
  check('nginx sends application/wasm here', /application\/wasm/.test(wasmType), wasmType);
  await page.screenshot({path: path.join(out, 'hosting-01-subpath.png')});
});

await step('the offline copy is installed (service worker controls the page)', async () => {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const r = await rename(page, 'Olu Sin Red');
  check('a change applies', r.ok === true, JSON.stringify(r));
  await autosave(page);
  await page.reload();
  await ready(page);
  await until('service worker control', () => page.evaluate(() => !!navigator.serviceWorker.controller));
  const st = await state(page);
  check('the change survived a reload', st && st.learner.name === 'Olu Sin Red', st && st.learner.name);
});

await step('with no network, a reload still opens the app with the work there', async () => {
  await ctx.setOffline(true);
  await page.reload();
  await ready(page);
  const st = await state(page);
  check('the app runs offline', !!st);
  check('the saved work is there offline', st && st.learner.name === 'Olu Sin Red', st && st.learner.name);
  const other = await page.evaluate(() => fetch('pathways/performance-assessment.json').then((r) => r.ok, () => false));
  check('the other bundled pathway is kept for offline use', other === true);
  check('the badge icon font is kept for offline use', await page.evaluate(() => window.masteryTest.badgeIcons()) === 'ready');
  await page.screenshot({path: path.join(out, 'hosting-02-offline.png')});
  await ctx.setOffline(false);
});

await step('a teacher pathway by ?pathway= under the sub-path', async () => {
  const p = await ctx.newPage();
  watch(p, 'pathway-param', origin);
  await p.goto(origin + kSubPath + '?pathway=pathways/performance-assessment.json');
  await ready(p);
  const st = await state(p);
  check('?pathway= opens that pathway', st && /perform/i.test(st.pathway.id), st && st.pathway.id);
  await p.close();
});
await ctx.close();

await step('a server that sends .wasm as application/octet-stream', async () => {
  const c = await launch('generic');
  const p = c.pages()[0] || await c.newPage();
  watch(p, 'generic', origin);
  await p.goto(origin + '/generic/');
  await ready(p);
  const wasmType = (await fetch(origin + '/generic/mastery-map.wasm')).headers.get('content-type');
  check('the server really sends a generic type', /octet-stream/.test(wasmType), wasmType);
  check('the app runs anyway', !!(await state(p)));
  await c.close();
});

await step('a new version is announced and starts only when the student says so', async () => {
  const c = await launch('update');
  const p = c.pages()[0] || await c.newPage();
  watch(p, 'update', origin);
  await p.goto(origin + '/update/');
  await ready(p);
  await p.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await rename(p, 'Ana Actualiza');
  await autosave(p);
  // "Publish" a new build: a different stamp in the page and its service worker.
  const oldBuild = await p.evaluate(() => document.querySelector('meta[name="mastery-build"]').content);
  const newBuild = 'next' + oldBuild.slice(4);
  for (const f of ['index.html', 'sw.js']) {
    const file = path.join(updateSite, f);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split(oldBuild).join(newBuild));
  }
  await p.reload();
  await ready(p);
  await until('the update notice', () => p.evaluate(() => !document.getElementById('update').hidden));
  check('the old version still runs until the student chooses', await p.evaluate(() =>
    document.querySelector('meta[name="mastery-build"]').content) === oldBuild);
  await p.screenshot({path: path.join(out, 'hosting-03-update-ready.png')});
  await p.click('#update-now');
  await until('the new build to be running', async () => (await p.evaluate(() => document.querySelector('meta[name="mastery-build"]').content)) === newBuild, 20000);
  await ready(p);
  const st = await state(p);
  check('the work is intact after the update', st && st.learner.name === 'Ana Actualiza', st && st.learner.name);
  await c.close();
});

await step('the single file runs from file:// with no requests', async () => {
  const c = await launch('single');
  const p = c.pages()[0] || await c.newPage();
  watch(p, 'single-file', 'file');
  const copy = path.join(tmp, 'Mastery Map for 7B.html');  // as downloaded from a shared drive
  fs.copyFileSync(path.join(dist, 'mastery-map.html'), copy);
  await p.goto('file://' + copy);
  await ready(p);
  const st = await state(p);
  check('the single file opens the bundled pathway', st && st.pathway && st.pathway.id, JSON.stringify(st && st.pathway && st.pathway.id));
  check('the single file carries the badge icon font', await p.evaluate(() => window.masteryTest.badgeIcons()) === 'ready');
  await rename(p, 'Kai Archivo');
  await autosave(p);
  await p.reload();
  await ready(p);
  const again = await state(p);
  check('work is kept in the browser under file:// too', again && again.learner.name === 'Kai Archivo', again && again.learner.name);
  await p.screenshot({path: path.join(out, 'hosting-04-single-file.png')});
  await c.close();
});

nginx.kill('SIGQUIT');
await new Promise((r) => { nginx.on('exit', r); setTimeout(r, 3000); });
fs.rmSync(tmp, {recursive: true, force: true});
check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
check('no request left the page\'s origin', offOrigin.length === 0, offOrigin.join(' | '));
if (failures.length) {
  console.log(`hosting: FAILED ${failures.length}: ${failures.join('; ')} (${checks - failures.length}/${checks} checks)`);
  process.exit(1);
}
console.log(`hosting: passed (${checks}/${checks} checks: nginx sub-path, generic .wasm type, offline reload, update on request, single file from file://)`);
