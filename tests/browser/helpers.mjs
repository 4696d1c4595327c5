// Shared by the browser tests that drive the whole app (tests/browser/*.test.mjs): launch
// Debian's Chromium exactly as run.mjs does, watch for console errors and off-origin
// requests, click real widgets by label (the app's item probe), poll instead of timing.
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(here, 'package.json'));
export const {chromium} = require('playwright-core');

export const kArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader'];

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function newProfile(name) { return fs.mkdtempSync(path.join(os.tmpdir(), `mastery-${name}-`)); }

export async function launch(profile, options = {}) {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: kArgs,
    viewport: {width: 1280, height: 800}, deviceScaleFactor: 1, acceptDownloads: true, ...options,
  });
  ctx.profile = profile;
  return ctx;
}

// Polls fn() until it returns something truthy; throws with `what` after `ms`.
export async function until(what, fn, ms = 15000) {
  let last;
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    try { last = await fn(); } catch (e) { last = e; }
    if (last && !(last instanceof Error)) return last;
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

// Waits for the app's first frame (window.mastery.ready). When it does not come, the error
// says what the page shows instead (its failure screen) rather than the test waiting forever.
export async function appReady(page, ms = 60000) {
  await until('window.mastery', () => page.evaluate(() => !!window.mastery), 30000);
  const outcome = await page.evaluate((limit) => Promise.race([
    window.mastery.ready.then(() => 'ready'),
    new Promise((resolve) => setTimeout(() => resolve('not ready'), limit))]), ms);
  if (outcome === 'ready') return;
  const shown = await page.evaluate(() => {
    const fail = document.getElementById('fail');
    return fail && !fail.hidden ? document.getElementById('fail-text').textContent : 'no failure screen shown';
  });
  throw new Error(`the app did not start within ${ms / 1000} s: ${shown}`);
}

export class Checks {
  constructor(name) { this.name = name; this.count = 0; this.failures = []; this.consoleErrors = []; this.offOrigin = []; }
  check(name, ok, detail = '') {
    this.count++;
    if (!ok) {
      this.failures.push(name);
      console.log(`FAIL: ${name}${detail ? ': ' + String(detail).slice(0, 400) : ''}`);
    }
    return ok;
  }
  async step(name, fn) {
    try { await fn(); } catch (e) { this.check(name, false, e && e.stack || e); }
  }
  watch(page, label, origin, allowErrors = () => false) {
    page.on('console', (m) => {
      if (m.type() === 'error' && !allowErrors(m.text())) this.consoleErrors.push(`${label}: ${m.text()}`);
      if (process.env.VERBOSE) console.log(label, m.type(), m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`${label}: ${e.message}`));
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return;
      if (u.origin !== origin) this.offOrigin.push(`${label}: ${r.url()}`);
    });
  }
  finish(extra = '') {
    this.check('no console errors', this.consoleErrors.length === 0, this.consoleErrors.join(' | '));
    this.check('no request left the page\'s origin', this.offOrigin.length === 0, this.offOrigin.join(' | '));
    const summary = `${this.count - this.failures.length}/${this.count} checks${extra ? ', ' + extra : ''}`;
    if (this.failures.length) {
      console.log(`${this.name}: FAILED ${this.failures.length}: ${this.failures.join('; ')} (${summary})`);
      return 1;
    }
    console.log(`${this.name}: passed (${summary})`);
    return 0;
  }
}

// The app in one page: open, read state, click real widgets by label.
export class App {
  constructor(page, url, out, name) { this.page = page; this.url = url; this.out = out; this.name = name; }
  async open(query = '') {
    await this.page.goto(this.url + query);
    await this.ready();
  }
  async ready() {
    await this.page.waitForFunction(() => window.mastery && window.masteryTest, null, {timeout: 30000});
    await appReady(this.page);
    await this.page.evaluate(() => window.masteryTest.probe(true));
    await until('the first record', () => this.page.evaluate(() => window.mastery.state() !== null));
    await this.settle();
  }
  async settle(ms = 400) { await sleep(ms); }
  async items() { return this.page.evaluate(() => window.masteryTest.items()); }
  async find(label, {window = '', nth = 0} = {}) {
    const all = (await this.items()).filter((i) => i.label === label && i.window.startsWith(window));
    return all[nth] || null;
  }
  async waitFor(label, opts = {}, ms = 15000) {
    return until(`"${label}" on screen`, async () => {
      await this.page.evaluate(() => window.mastery.frames());  // keep polling cheap
      const it = await this.find(label, opts);
      if (!it) await this.page.mouse.move(3 + Math.random() * 4, 795);  // input makes a frame
      return it && !it.clipped ? it : null;
    }, ms);
  }
  // Finds the item, scrolling the page (wheel) when it is below or above the window.
  async reveal(label, opts = {}, ms = 15000) {
    const end = Date.now() + ms;
    for (let attempt = 0; Date.now() < end; attempt++) {
      const it = await this.find(label, opts);
      if (it && !it.clipped) return it;
      if (it || attempt > 3) {
        await this.page.mouse.move(640, 500);
        await this.page.mouse.wheel(0, attempt % 24 < 14 ? 200 : -200);
      } else {
        await this.page.mouse.move(3 + (attempt % 4), 795);  // input makes a frame
      }
      await sleep(200);
    }
    throw new Error(`"${label}" is not on screen${opts.window ? ' in ' + opts.window : ''}`);
  }
  async click(label, opts = {}) {
    const it = await this.reveal(label, opts);
    await this.page.mouse.move(it.x, it.y, {steps: 2});
    await this.settle(120);
    await this.page.mouse.click(it.x, it.y);
    await this.settle();
    return it;
  }
  async type(label, text, opts = {}) {
    await this.click(label, opts);
    await this.page.keyboard.type(text, {delay: 15});
    await this.settle();
  }
  async menu(item) {
    await this.click('More \u25be', {window: 'topbar'});
    await this.click(item);
  }
  async state() { return this.page.evaluate(() => window.mastery.state()); }
  async save() { return this.page.evaluate(() => window.masteryTest.saveState()); }
  async saved() { return until('"Saved"', async () => ((await this.save()) || {}).state === 'saved' && !(await this.save()).unsaved); }
  async dispatch(action) { return this.page.evaluate((a) => window.mastery.dispatch(a), action); }
  async shot(name) {
    fs.mkdirSync(this.out, {recursive: true});
    const file = path.join(this.out, `${this.name}-${name}.png`);
    await this.page.screenshot({path: file});
    return file;
  }
  // Clicks `label` and returns the download it starts: {name, text}.
  async download(clickFn) {
    const dl = this.page.waitForEvent('download', {timeout: 15000});
    dl.catch(() => {});
    await clickFn();
    const d = await dl;
    // keep the name the app chose: it is what a student would pick in the file chooser
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mastery-download-'));
    const file = path.join(dir, d.suggestedFilename());
    await d.saveAs(file);
    return {name: d.suggestedFilename(), text: fs.readFileSync(file, 'utf8'), file};
  }
  // Clicks `label` (which opens a file chooser) and gives it the file.
  async chooseFile(clickFn, file) {
    const chooser = this.page.waitForEvent('filechooser', {timeout: 15000});
    chooser.catch(() => {});
    await clickFn();
    await (await chooser).setFiles(file);
    await this.settle(600);
  }
}
