// "Print my chart" in Debian's Chromium: the sample student opens My chart, asks for the
// poster as a picture and as a drawing, and the test reads both real downloads: the PNG's
// signature, A4 size at 150 dpi and pHYs; the SVG parsed by the browser's XML parser, one
// sticker group per earned level and an empty spot for every other level, the learner's
// name, the pathway; then Chromium draws that SVG and the two posters are compared (words
// are <text> in the SVG and outlines in the PNG, so letters may differ by hinting: the
// comparison is loose and counts only). Polls, never times.
//
// Usage: node tests/browser/poster.test.mjs [--site build/web/site] [--out build/browser-artifacts]
import fs from 'node:fs';
import path from 'node:path';
import {App, Checks, launch, newProfile, root} from './helpers.mjs';
import {decodePng} from './png.mjs';
import {serve} from './server.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}
const site = option('--site', path.join(root, 'build/web/site'));
const out = option('--out', path.join(root, 'build/browser-artifacts'));
if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.log(`poster: FAILED: no site at ${site} (build it: cmake --preset web && cmake --build build/web)`);
  process.exit(1);
}
fs.mkdirSync(out, {recursive: true});

const checks = new Checks('poster');
const server = await serve(site);
const ctx = await launch(newProfile('poster'));
const page = ctx.pages()[0] || await ctx.newPage();
checks.watch(page, 'poster', new URL(server.url).origin);
const app = new App(page, server.url, out, 'poster');

try {
  await app.open();
  const sample = fs.readFileSync(path.join(root, 'assets/records/sample-record.json'), 'utf8');
  checks.check('the sample student is loaded', (await page.evaluate((t) => window.mastery.importRecord(t), sample)).ok === true);
  const record = await app.state();
  await app.click('My chart', {window: 'topbar'});
  await app.click('Print my chart', {window: 'My chart'});
  await app.waitFor('Poster as a picture (PNG)');
  await app.shot('01-print-popup');

  // the picture
  const heapBefore = await page.evaluate(() => window.masteryTest.memory());
  const png = await app.download(() => app.click('Poster as a picture (PNG)'));
  const heapAfter = await page.evaluate(() => window.masteryTest.memory());
  console.log(`  wasm memory: ${(heapBefore / 1048576).toFixed(1)} MB before the poster PNG, ${(heapAfter / 1048576).toFixed(1)} MB after`);
  checks.check('drawing the poster grows the wasm heap by less than 48 MB', heapAfter - heapBefore < 48 * 1048576, heapAfter - heapBefore);
  const bytes = fs.readFileSync(png.file);
  fs.copyFileSync(png.file, path.join(out, 'poster-my-chart.png'));
  checks.check('the picture is my-chart.png', png.name === 'my-chart.png', png.name);
  checks.check('it has the PNG signature', bytes.subarray(0, 8).toString('hex') === '89504e470d0a1a0a', bytes.subarray(0, 8).toString('hex'));
  const img = decodePng(bytes);
  checks.check('it is A4 portrait at 150 dpi (1240 x 1754)', img.width === 1240 && img.height === 1754, `${img.width} x ${img.height}`);
  const phys = bytes.indexOf(Buffer.from('pHYs'));
  checks.check('it says 150 dpi in pHYs (5906 px per metre)', phys > 0 && bytes.readUInt32BE(phys + 4) === 5906 && bytes[phys + 12] === 1);
  checks.check('a poster download is a sensible size (< 2 MB)', bytes.length < 2 * 1024 * 1024, bytes.length);

  // the drawing
  await app.click('Print my chart', {window: 'My chart'});
  const svg = await app.download(() => app.click('Poster as a drawing (SVG)'));
  fs.copyFileSync(svg.file, path.join(out, 'poster-my-chart.svg'));
  checks.check('the drawing is my-chart.svg', svg.name === 'my-chart.svg', svg.name);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    const words = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    return {
      error: error ? error.textContent : '',
      root: doc.documentElement.nodeName,
      width: doc.documentElement.getAttribute('width'),
      earned: [...doc.querySelectorAll('g.sticker.earned')].map((g) => g.getAttribute('data-key')),
      spots: doc.querySelectorAll('g.sticker.spot').length,
      words,
    };
  }, svg.text);
  checks.check('the SVG parses (the browser\'s XML parser)', parsed.error === '' && parsed.root === 'svg', parsed.error);
  checks.check('it is sized in millimetres for A4', parsed.width === '210mm', parsed.width);
  const count = parsed.words.map((w) => /^(\d+) of (\d+) stickers earned$/.exec(w)).find(Boolean);
  checks.check('it says how many stickers are earned', !!count, parsed.words.join(' | ').slice(0, 300));
  if (count) {
    checks.check('one badge group per earned level', parsed.earned.length === Number(count[1]) && parsed.earned.length >= 3,
      `${parsed.earned.length} vs ${count[1]}`);
    checks.check('an empty spot for every other level', parsed.spots === Number(count[2]) - Number(count[1]), `${parsed.spots}`);
  }
  checks.check('the student\'s own Ratio Reasoning badge is on it', parsed.earned.includes('competency:ratios-1:2'), parsed.earned.join(' '));
  checks.check('it names the learner', parsed.words.includes(record.learner.name), record.learner.name);
  checks.check('it names the pathway', parsed.words.some((w) => w.includes(record.pathway.title)), record.pathway.title);
  checks.check('it has the level columns', record.pathway.scale.every((s) => parsed.words.includes(s)), record.pathway.scale.join(','));

  // Chromium draws the SVG poster at the PNG's size: the two should look alike
  const drawn = await page.evaluate(async ([text, w, h]) => {
    const url = URL.createObjectURL(new Blob([text], {type: 'image/svg+xml'}));
    const im = new Image();
    im.src = url;
    await im.decode();
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d', {willReadFrequently: true});
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, h);
    g.drawImage(im, 0, 0, w, h);
    return Array.from(g.getImageData(0, 0, w, h).data);
  }, [svg.text, img.width, img.height]);
  let within = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    let d = 0;
    for (let k = 0; k < 3; k++) d = Math.max(d, Math.abs(drawn[i * 4 + k] - img.pixels[i * 4 + k]));
    if (d <= 40) within++;
  }
  const share = within / (img.width * img.height);
  console.log(`  poster PNG vs Chromium's drawing of the poster SVG: ${(100 * share).toFixed(2)}% of pixels within 40`);
  checks.check('the PNG and the SVG poster look alike (>= 97% of pixels within 40)', share >= 0.97, share);
  await app.shot('02-after-downloads');
} catch (e) {
  checks.check('the poster journey runs', false, e && e.stack || e);
  await page.screenshot({path: path.join(out, 'poster-error.png')}).catch(() => {});
}
await ctx.close();
await server.close();
process.exit(checks.finish());
