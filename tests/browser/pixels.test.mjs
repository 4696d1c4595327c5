// One badge, three renderings, compared by pixels (issue 5: "the three agree"):
//  1. our SVG rasterised by Chromium (Skia: an independent SVG renderer) against our own PNG
//     (mastery_badge's rasteriser, built into the page's wasm) for every template the core
//     makes (default_design, the stack star, surprise_design across palettes, fills,
//     patterns and ribbons) and a design with freehand strokes, an eraser stroke and words;
//  2. the studio's on-screen canvas (ImGui triangles through WebGL) against our PNG at the
//     canvas's size;
// and then (issue 5, studio working copy) the app's Undo from the More menu while the studio
// has an unsaved edit: the edit stays, Save waits for the student's choice.
// Both images of a pair are composited by Chromium onto white (the PNG decoded by
// Chromium too), then compared channel by channel. Criteria, counts only:
//  - SVG vs PNG: >= 99% of pixels within 24 of 255 on every channel, and no "solid"
//    disagreement: no pixel that differs by more than 64 together with all 8 neighbours
//    (anti-aliasing of one edge differs between two renderers; a missing, moved or
//    recoloured piece is a blob). Words are glyph outlines in both (paths in the SVG), so
//    no font hinting is involved and no region is masked.
//  - screen vs PNG: ImGui's triangles have hard edges and the canvas shows a checker behind
//    the badge, so only pixels inside the badge (our PNG opaque there and in all 8
//    neighbours) are compared: >= 97% within 24, no solid disagreement.
// Prints the figures for every design. Polls, never times.
//
// Usage: node tests/browser/pixels.test.mjs [--site build/web/site] [--out build/browser-artifacts]
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
const kSize = 256;
const kKey = 'competency:ratios-1:2';  // Ratio Reasoning · Developing (earned by the sample student)

if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.log(`pixels: FAILED: no site at ${site} (build it: cmake --preset web && cmake --build build/web)`);
  process.exit(1);
}
fs.mkdirSync(out, {recursive: true});

// A design a student could draw: a shape, two freehand strokes (one crossing the other), an
// eraser stroke through them, a line of words and curved words.
const kDrawn = {
  format: 'mastery-map/badge', version: 1, layers: [
    {type: 'shape', shape: 'hexagon', size: 90, fill: {type: 'gradient', color: '#56b4e9', color2: '#0072b2', angle: 60}},
    {type: 'drawing', strokes: [
      {points: [-30, 10, -20, -5, -5, -12, 10, -8, 25, 5, 30, 20], width: 6, color: '#d55e00'},
      {points: [-25, 25, 0, -20, 25, 25], width: 3, color: '#000000'},
      {points: [-35, 0, 35, 2], width: 5, color: '#ffffff', eraser: true},
    ]},
    {type: 'text', text: 'Ratios!', size: 13, y: 72, color: '#ffffff'},
    {type: 'text', text: 'I CAN SCALE', size: 7, arc: 36, color: '#f0e442'},
  ],
};

const checks = new Checks('pixels');
const server = await serve(site);
const ctx = await launch(newProfile('pixels'));
const page = ctx.pages()[0] || await ctx.newPage();
checks.watch(page, 'pixels', new URL(server.url).origin);
const app = new App(page, server.url, out, 'pixels');

// In the page: draws an image source onto a white canvas of w x h and returns its pixels.
// mode 'svg': text is an SVG document; mode 'png': text is base64 PNG bytes.
const kDrawInPage = async ([mode, text, w, h]) => {
  const blob = mode === 'svg' ? new Blob([text], {type: 'image/svg+xml'})
    : new Blob([Uint8Array.from(atob(text), (c) => c.charCodeAt(0))], {type: 'image/png'});
  const url = URL.createObjectURL(blob);
  const img = new Image();
  img.src = url;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const g = c.getContext('2d', {willReadFrequently: true});
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, w, h);
  g.drawImage(img, 0, 0, w, h);
  URL.revokeObjectURL(url);
  return Array.from(g.getImageData(0, 0, w, h).data);
};

// a, b: RGBA arrays of w x h; mask(i) limits the comparison (null = every pixel).
function compare(a, b, w, h, mask = null, tol = 24, solidTol = 64) {
  const diff = new Uint8Array(w * h);
  let compared = 0, within = 0, worst = 0;
  for (let i = 0; i < w * h; i++) {
    if (mask && !mask(i)) continue;
    let d = 0;
    for (let k = 0; k < 3; k++) d = Math.max(d, Math.abs(a[i * 4 + k] - b[i * 4 + k]));
    compared++;
    if (d <= tol) within++;
    worst = Math.max(worst, d);
    diff[i] = d > solidTol ? 1 : 0;
  }
  let solid = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      let all = true;
      for (let dy = -1; dy <= 1 && all; dy++) for (let dx = -1; dx <= 1 && all; dx++) all = diff[(y + dy) * w + x + dx] === 1;
      if (all) solid++;
    }
  }
  return {compared, share: compared ? within / compared : 0, worst, solid};
}
const pct = (x) => (100 * x).toFixed(2) + '%';

try {
  await app.open();
  const templates = await page.evaluate(() => window.masteryTest.badgeTemplates());
  checks.check('the core offers templates to compare', templates.length >= 15, templates.length);
  const designs = [...templates, {name: 'freehand strokes, eraser and words', design: kDrawn}];
  // The icon font is not part of a first visit (its map has no badge with an icon): it comes
  // when asked for, and a design with an icon is not drawn without it.
  const withIcon = templates.find((t) => (t.design.layers || []).some((l) => l.type === 'icon'));
  checks.check('a first visit has not fetched the badge icon font', await page.evaluate(() => window.masteryTest.iconFontState()) === 'absent');
  const early = await page.evaluate(([d]) => window.masteryTest.renderBadge(d, 64), [withIcon.design]);
  checks.check('a design with an icon is not drawn before the font is in', !!(early && early.error && /icon font/.test(early.error)), JSON.stringify(early).slice(0, 120));
  checks.check('the badge icon font loads when asked for', await page.evaluate(() => window.masteryTest.badgeIcons()) === 'ready');

  // 1. Chromium's rasterisation of our SVG against our PNG
  let worstShare = 1;
  for (const {name, design} of designs) {
    const r = await page.evaluate(([d, s]) => window.masteryTest.renderBadge(d, s), [design, kSize]);
    if (!checks.check(`${name}: rendered`, r && !r.error && r.png && r.svg, r && r.error)) continue;
    checks.check(`${name}: no glyph missing`, (r.warnings || []).length === 0, (r.warnings || []).join('; '));
    const fromSvg = await page.evaluate(kDrawInPage, ['svg', r.svg, kSize, kSize]);
    const fromPng = await page.evaluate(kDrawInPage, ['png', r.png, kSize, kSize]);
    const c = compare(fromSvg, fromPng, kSize, kSize);
    worstShare = Math.min(worstShare, c.share);
    console.log(`  SVG vs PNG, ${name}: ${r.polygons} polygons, ${pct(c.share)} of pixels within 24, worst channel ${c.worst}, ` +
                `${c.solid} solid-disagreement pixels`);
    checks.check(`${name}: >= 99% of pixels agree (SVG in Chromium vs our PNG)`, c.share >= 0.99, pct(c.share));
    checks.check(`${name}: no blob where they disagree`, c.solid === 0, `${c.solid} pixels`);
    if (name.startsWith('freehand')) {
      fs.writeFileSync(path.join(out, 'pixels-drawn-ours.png'), Buffer.from(r.png, 'base64'));
      fs.writeFileSync(path.join(out, 'pixels-drawn.svg'), r.svg);
    }
  }
  console.log(`  SVG vs PNG: ${designs.length} designs, lowest agreement ${pct(worstShare)}`);

  // 2. the studio's canvas on screen against our PNG of the same design at the canvas's size
  const sample = fs.readFileSync(path.join(root, 'assets/records/sample-record.json'), 'utf8');
  checks.check('the sample student is loaded', (await page.evaluate((t) => window.mastery.importRecord(t), sample)).ok === true);
  const set = await app.dispatch({type: 'set_badge_design', key: kKey, design: kDrawn});
  checks.check('the drawn design is the student\'s badge', set.ok === true, JSON.stringify(set));
  await app.click('Ratio Reasoning', {window: 'Map'});
  await app.click('Developing · Earned', {window: 'Skill'});
  await app.click('Design my badge', {window: 'Skill'});
  const canvas = await app.waitFor('Badge canvas', {window: 'Badge studio'});
  await page.mouse.move(2, 790);  // the pointer off the canvas: no hover outline
  await app.settle(500);
  const side = Math.round(canvas.x1 - canvas.x0);
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  checks.check('the canvas is square and drawn at 1 CSS px per pixel', Math.abs((canvas.y1 - canvas.y0) - side) <= 1 && dpr === 1, `${side} dpr ${dpr}`);
  const shot = await page.screenshot({clip: {x: canvas.x0, y: canvas.y0, width: side, height: side}});
  fs.writeFileSync(path.join(out, 'pixels-studio-canvas.png'), shot);
  const r = await page.evaluate(([d, s]) => window.masteryTest.renderBadge(d, s), [kDrawn, side]);
  fs.writeFileSync(path.join(out, 'pixels-studio-ours.png'), Buffer.from(r.png, 'base64'));
  const screen = await page.evaluate(kDrawInPage, ['png', shot.toString('base64'), side, side]);
  const ours = await page.evaluate(kDrawInPage, ['png', r.png, side, side]);
  // our PNG's alpha, decoded by Chromium onto transparent: where the badge is fully opaque
  const alpha = await page.evaluate(async ([b64, s]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = s;
    const g = c.getContext('2d', {willReadFrequently: true});
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, s, s).data;
    return Array.from({length: s * s}, (_, i) => d[i * 4 + 3]);
  }, [r.png, side]);
  const inside = (i) => {
    const x = i % side, y = (i / side) | 0;
    if (x < 4 || y < 4 || x >= side - 4 || y >= side - 4) return false;  // the canvas frame
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (alpha[(y + dy) * side + x + dx] !== 255) return false;
    return true;
  };
  const c = compare(screen, ours, side, side, inside);
  console.log(`  screen vs PNG (studio canvas ${side} px): ${c.compared} badge pixels compared, ${pct(c.share)} within 24, ` +
              `worst channel ${c.worst}, ${c.solid} solid-disagreement pixels`);
  checks.check('the studio canvas compares most of the badge', c.compared > side * side * 0.4, c.compared);
  checks.check('the studio canvas agrees with our PNG (>= 97% within 24)', c.share >= 0.97, pct(c.share));
  checks.check('no blob where screen and PNG disagree', c.solid === 0, `${c.solid} pixels`);
  // The rest are edges between pieces (words, strokes): anti-aliased in the PNG, hard in the
  // triangles. Away from any edge (our PNG flat over 3 x 3) the two must be the same colour.
  const flat = (i) => {
    if (!inside(i)) return false;
    const x = i % side, y = (i / side) | 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const j = (y + dy) * side + x + dx;
        for (let k = 0; k < 3; k++) if (Math.abs(ours[j * 4 + k] - ours[i * 4 + k]) > 8) return false;
      }
    }
    return true;
  };
  const f = compare(screen, ours, side, side, flat, 8);
  console.log(`  screen vs PNG away from edges: ${f.compared} pixels, ${pct(f.share)} within 8, worst channel ${f.worst}`);
  checks.check('away from edges the screen and the PNG are the same colour (>= 99.5% within 8)', f.compared > c.compared * 0.8 && f.share >= 0.995,
    `${f.compared} pixels, ${pct(f.share)}`);

  // 3. the record changes underneath the open studio (Undo from the More menu takes the
  //    design back) while the student has an unsaved edit: the edit stays, Save waits
  await app.click('+ Words', {window: 'Badge studio'});
  await app.click('More \u25be', {window: 'topbar'});
  await app.click('Undo', {window: 'Popup'});
  await app.waitFor('Keep designing mine', {window: 'Badge studio'});
  await app.shot('studio-stale');
  const after = await app.state();
  checks.check('the app\'s Undo took the design back', !(after.badge_designs || {})[kKey]);
  await app.click('Save my badge', {window: 'Badge studio'});
  checks.check('Save does not write over the newer record before the student chooses', !((await app.state()).badge_designs || {})[kKey]);
  await app.click('Keep designing mine', {window: 'Badge studio'});
  await app.click('Save my badge', {window: 'Badge studio'});
  const kept = ((await app.state()).badge_designs || {})[kKey];
  checks.check('after "Keep designing mine", Save writes the student\'s design', kept && kept.layers.length === kDrawn.layers.length + 1,
    kept && kept.layers.length);
} catch (e) {
  checks.check('the pixel comparison runs', false, e && e.stack || e);
  await page.screenshot({path: path.join(out, 'pixels-error.png')}).catch(() => {});
}
await ctx.close();
await server.close();
process.exit(checks.finish());
