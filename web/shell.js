// Mastery Map page glue: checks the browser can run the app (else a friendly page, not a
// blank canvas), shows download progress, sizes the canvas in device pixels, wakes the
// app on input (it draws nothing while idle), feeds IME/on-screen-keyboard text through a
// hidden textarea, turns touches into mouse input and pinches into zoom, caches pasted
// text for ImGui, keeps the record on this device (autosave through web/storage.js, see
// docs/PERSISTENCE.md), opens dropped files, and exposes window.mastery (docs/WEB-API.md).
// No network beyond this site.
(function () {
  'use strict';

  const canvas = document.getElementById('canvas');
  const textInput = document.getElementById('text-input');
  const loadingScreen = document.getElementById('loading');
  const loadingText = document.getElementById('loading-text');
  const barFill = document.getElementById('bar-fill');
  const bar = barFill.parentElement;
  // scripts/dist stamps the build: app files are then fetched as name?v=<build> (a new
  // version is never mixed with cached old files) and the service worker is used.
  // web/early.js (in <head>) started the first downloads and knows the build and the
  // address's ?pathway=.
  const pre = window.masteryEarly;
  const build = pre ? pre.build : 'dev';
  const versioned = pre ? pre.versioned : (name) => name;
  // The single-file copy (dist/mastery-map.html) carries the app, its wasm and the bundled
  // pathways inside the page: no requests at all, so it also runs from file://.
  const inline = window.MASTERY_INLINE || null;
  document.getElementById('fail-retry').addEventListener('click', () => location.reload());
  let started = false;   // the wasm runtime is up
  // The page's part of the startup timeline (masteryTest.marks(), scripts/bench).
  // web/early.js's marks come first (the same array: its later ones land in it too).
  const marks = pre ? pre.marks : [];
  marks.push(['page script', performance.now()]);
  const mark = (what) => { if (marks.length < 32) marks.push([what, performance.now()]); };
  let isReady = false;   // the first frame with the app (or its error window) is drawn

  function showFailure(title, text, hint) {
    if (isReady) { console.warn('Mastery Map:', text); return; }
    loadingScreen.hidden = true;
    document.getElementById('fail-title').textContent = title;
    document.getElementById('fail-text').textContent = text;
    if (hint) document.getElementById('fail-hint').textContent = hint;
    document.getElementById('fail').hidden = false;
    canvas.style.visibility = 'hidden';
  }

  function progress(fraction, text) {
    const pct = Math.round(Math.max(0.03, Math.min(1, fraction)) * 100);
    barFill.style.width = pct + '%';
    bar.setAttribute('aria-valuenow', String(pct));
    if (text) loadingText.textContent = text;
  }

  if (!pre) {
    showFailure('Mastery Map could not load', 'A part of the app could not be downloaded.',
      'Check the internet connection and try again, or ask your teacher.');
    return;
  }

  // --- can this browser run it? -------------------------------------------------------------
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showFailure('This browser cannot run Mastery Map',
      'Mastery Map needs WebAssembly, which this browser does not have or has switched off.');
    return;
  }
  // The app is built for WebAssembly's sign-extension and saturating float-to-int
  // instructions (CMakePresets.json: smaller, and every browser with WebGL 2 that is still
  // updated has them: Chrome 75, Firefox 64, Safari 15). A module of one function using both:
  const features = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0,
    0x0a, 0x10, 1, 0x0e, 0, 0x41, 0, 0xc0, 0x1a, 0x43, 0, 0, 0, 0, 0xfc, 0, 0x1a, 0x0b]);
  let hasFeatures = false;
  try { hasFeatures = WebAssembly.validate(features); } catch (e) { hasFeatures = false; }
  if (!hasFeatures) {
    showFailure('This browser is too old to run Mastery Map',
      'Mastery Map needs a recent browser: Chrome or Edge 75, Firefox 64, Safari 15 or newer.',
      'Update the browser, or use another one, or ask your teacher. Your saved work is not affected.');
    return;
  }
  function noWebGL2() {
    showFailure('This browser cannot draw Mastery Map',
      'Mastery Map needs WebGL 2 to draw its map and chart, and this browser or computer has it switched off.',
      'Try turning on hardware acceleration in the browser settings, use another browser, or ask your teacher.');
  }
  // Whether WebGL 2 can be switched on shows when the app makes its context (it calls
  // Module.masteryNoWebGL when it cannot): a trial context here would cost the start
  // 40-100 ms at 4x CPU throttling (scripts/bench).
  if (typeof WebGL2RenderingContext !== 'function') {
    noWebGL2();
    return;
  }
  const pathwayParam = pre.pathwayParam;
  if (pathwayParam) {
    if (!pre.sameSite(pathwayParam)) {
      showFailure('That pathway address is not allowed',
        'Mastery Map only opens pathways stored on this same website (for example ?pathway=pathways/my-class.json).',
        'Ask your teacher for the right link. Your saved work is not affected.');
      return;
    }
  }

  // --- canvas in device pixels ------------------------------------------------------------
  function sizeCanvas() {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    wake();
  }
  function wake() { if (started) Module._mm_wake(); }
  function canvasPoint(clientX, clientY) {
    const r = canvas.getBoundingClientRect();
    return {x: (clientX - r.left) * canvas.width / r.width, y: (clientY - r.top) * canvas.height / r.height};
  }

  // --- strings in and out of wasm memory ----------------------------------------------------
  function withString(text, fn) {
    const n = Module.lengthBytesUTF8(text) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    try { return fn(p); } finally { Module._free(p); }
  }
  function callJson(fn, text) { return JSON.parse(Module.UTF8ToString(withString(text, fn))); }
  // The record's text, joined from the pieces the app writes (bridge.cpp, mm_export).
  function exportText() {
    if (!started) return '';
    const parts = [];
    for (let piece = Module._mm_export(1); ; piece = Module._mm_export(0)) {
      const text = Module.UTF8ToString(piece);
      if (!text) break;
      parts.push(text);
    }
    return parts.join('');
  }

  // --- input: wake on everything; text through the textarea; touch as mouse + pinch --------
  for (const type of ['keydown', 'keyup', 'mousedown', 'mouseup', 'mousemove', 'wheel', 'focus', 'blur',
                      'visibilitychange', 'touchstart', 'touchmove', 'touchend', 'touchcancel']) {
    window.addEventListener(type, wake, {capture: true, passive: true});
  }
  window.addEventListener('resize', sizeCanvas);
  // Emscripten's GLFW listens to keypress on window; text typed into our textarea arrives
  // through its input event instead, so stop the keypress from typing it twice. (Added
  // before GLFW's listener, so it runs first.)
  window.addEventListener('keypress', (e) => { if (e.target === textInput) e.stopImmediatePropagation(); }, true);
  // Keep the textarea focused while the user clicks into ImGui's text fields.
  canvas.addEventListener('mousedown', (e) => e.preventDefault());
  canvas.addEventListener('mousemove', (e) => { if (e.isTrusted && started && touchUsed) { touchUsed = false; Module._mm_touch(0); } });

  function feed(text) {
    text = text.replace(/[\r\n\t]/g, '');  // Enter, Tab and Backspace come as keys
    if (!text || !started) return;
    withString(text, (p) => Module._mm_text(p));
    wake();
  }
  textInput.addEventListener('input', (e) => {
    if (e.isComposing) return;
    const t = textInput.value;
    textInput.value = '';
    feed(t);
  });
  textInput.addEventListener('compositionend', () => {
    const t = textInput.value;
    textInput.value = '';
    feed(t);
  });
  document.addEventListener('paste', (e) => {
    const t = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    // An empty paste keeps the last text (headless and locked-down browsers send none).
    if (started && t) withString(t, (p) => Module._mm_clipboard_cached(p));
    e.preventDefault();
    wake();
  }, true);

  let touchUsed = false;
  let pinch = null;       // {dist, cx, cy} while two fingers are down
  let finger = null;      // {x, y, down: mousedown sent?, up: lift waiting for the press}
  function mouse(type, x, y) {
    canvas.dispatchEvent(new MouseEvent(type, {clientX: x, clientY: y, screenX: x, screenY: y, button: 0,
      buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true, view: window}));
  }
  function afterFrames(n, fn) { requestAnimationFrame(() => (n > 1 ? afterFrames(n - 1, fn) : fn())); }
  // A finger has no hover: move the pointer there first and press two frames later, so
  // ImGui sees the widget hovered before the press (tabs and overlapping items need that).
  function press(x, y) {
    const f = finger = {x, y, down: false, up: null};
    mouse('mousemove', x, y);
    afterFrames(2, () => {
      if (finger !== f && f.up === null) return;  // cancelled (a second finger came)
      mouse('mousemove', f.x, f.y);
      mouse('mousedown', f.x, f.y);
      f.down = true;
      if (f.up) afterFrames(1, () => mouse('mouseup', f.up.x, f.up.y));
    });
  }
  function onTouch(e) {
    if (e.target !== canvas || !started) return;
    e.preventDefault();
    e.stopPropagation();  // Emscripten's GLFW mishandles touch; we send mouse events instead
    if (!touchUsed) { touchUsed = true; Module._mm_touch(1); }
    const t = e.touches;
    if (t.length >= 2) {
      const a = t[0], b = t[1];
      const dist = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY) || 1;
      const cx = (a.clientX + b.clientX) / 2, cy = (a.clientY + b.clientY) / 2;
      if (finger) {  // a second finger: the first one's press must not become a click
        if (finger.down) {
          mouse('mousemove', -10000, -10000);
          mouse('mouseup', -10000, -10000);
        }
        finger = null;
      }
      if (pinch) {
        const p = canvasPoint(cx, cy), k = canvas.width / canvas.getBoundingClientRect().width;
        Module._mm_pinch(dist / pinch.dist, p.x, p.y, (cx - pinch.cx) * k, (cy - pinch.cy) * k);
      }
      pinch = {dist, cx, cy};
      return;
    }
    if (t.length === 1 && !pinch) {
      const x = t[0].clientX, y = t[0].clientY;
      if (e.type === 'touchstart') press(x, y);
      else if (finger) {
        finger.x = x;
        finger.y = y;
        if (finger.down) mouse('mousemove', x, y);
      }
      return;
    }
    if (t.length === 0) {
      if (finger) {
        const c = e.changedTouches[0];
        if (finger.down) mouse('mouseup', c.clientX, c.clientY);
        else finger.up = {x: c.clientX, y: c.clientY};  // released before the press went out
      }
      finger = null;
      pinch = null;
    }
  }
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) {
    window.addEventListener(type, onTouch, {capture: true, passive: false});
  }

  // --- work files: picked or dropped, refused over the size limit before reading -----------
  // A file is read in 2 MiB chunks straight into the app's buffer. Reading never waits for
  // drawing: each chunk's read is asynchronous, so the browser draws frames with the moving
  // bar (and takes a Cancel click) between chunks while the next one arrives; then the app
  // checks it in stages, each started only after a frame showed it (masteryJobSoon), so a
  // 10 MB record shows "Reading", "Checking the file..." and "Working out what will change"
  // instead of a frozen tab (docs/PERSISTENCE.md).
  const kMaxFileBytes = 64 * 1024 * 1024;  // keep in step with mastery::Limits::max_bytes
  const kChunkBytes = 2 * 1024 * 1024;
  // Test support (masteryTest.holdFiles): every wait below also waits for the test to say
  // "next", so a browser test can look at each stage on screen.
  const gate = {hold: false, waiting: []};
  function gatePass() {
    if (!gate.hold) return Promise.resolve();
    return new Promise((resolve) => gate.waiting.push(resolve));
  }
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  // Until a frame has drawn the job's latest progress (a hidden tab draws none: go on).
  async function progressShown(job) {
    for (let i = 0; i < 120 && !document.hidden; i++) {
      wake();
      await nextFrame();
      if (Module._mm_job_shown(job)) break;
    }
    await gatePass();
  }
  async function openFile(purpose, file) {
    if (!started || !file) return;
    if (file.size > kMaxFileBytes) {
      withString(file.name || '', (n) => Module._mm_file_too_big(n, file.size));
      return;
    }
    const job = withString(file.name || '', (n) => Module._mm_file_begin(purpose, n, file.size));
    wake();
    if (!job) return;  // refused, with a message (another file is busy, a view-only tab, ...)
    try {
      await progressShown(job);  // the window is on screen before the first chunk
      for (let at = 0; at < file.size;) {
        const end = Math.min(file.size, at + kChunkBytes);
        const chunk = new Uint8Array(await file.slice(at, end).arrayBuffer());
        if (chunk.length !== end - at) throw new Error('the file changed while it was being read');
        const p = Module._mm_file_buffer(job);
        if (!p) return;  // cancelled: the app dropped the file, nothing changed
        Module.HEAPU8.set(chunk, p + at);
        at = end;
        if (!Module._mm_file_progress(job, at)) return;  // (it wakes the app: a frame comes)
        if (gate.hold) await progressShown(job);  // a test looks at every chunk
      }
      Module._mm_file_loaded(job, file.size);
    } catch (e) {
      withString(String((e && e.message) || e), (m) => Module._mm_file_failed(job, m));
    }
    wake();
  }
  // The app asks (after drawing a frame that shows the current stage) for the next stage;
  // it runs in a task after the next frame starts, so that frame is on screen first.
  let jobQueued = false;
  function jobSoon() {
    if (jobQueued) return;
    jobQueued = true;
    const go = () => setTimeout(async () => {
      await gatePass();
      jobQueued = false;
      if (started) Module._mm_job_step();
    }, 0);
    if (document.hidden) go();
    else requestAnimationFrame(go);
  }
  canvas.addEventListener('dragover', (e) => {
    if (e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files')) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }
  });
  canvas.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) openFile(0, file);
    wake();
  });

  // --- the record on this device (docs/PERSISTENCE.md) -------------------------------------
  // The app asks for its slot's record at startup, reports each change (saved here after
  // 300 ms of quiet, and at once when the page is hidden or closed), and hears back whether
  // each save worked. One tab per slot writes (a Web Lock); another tab only looks, and
  // takes over (reloads) when the writing tab closes.
  // A save is written in slices: the app hands over one part of the record's text per
  // slice (persist.savePart), and the page asks for the next slice in a new task, so
  // frames and input get through between them. saveTimes holds the main-thread time of
  // every task of a save (each slice with its copy and IndexedDB write, the commit), for
  // scripts/bench: its max is the longest pause autosave causes.
  const saveTimes = [];
  function timed(fn) {
    const t0 = performance.now();
    try { return fn(); } finally { if (saveTimes.length < 100000) saveTimes.push(performance.now() - t0); }
  }
  function timedSave() { timed(() => Module._mm_save_now()); }
  const sliceChannel = new MessageChannel();  // a task at once, not throttled in a hidden tab like setTimeout
  sliceChannel.port1.onmessage = () => { if (started) timed(() => Module._mm_save_step()); };
  const nextSlice = () => sliceChannel.port2.postMessage(0);
  // Parts go to storage about every 256 KB, one batch per task, lent to storage's worker
  // (moved, not copied: as Blobs each cost a synchronous call to the browser process, 4-30
  // ms at 4x in a trace, and a task that handed over four at once was the longest pause of
  // a save; docs/PERFORMANCE.md).
  const kBatchBytes = 256 * 1024;
  const kSpareBuffers = 16;  // kept for the next parts (4 MB): lent buffers come back late
  const batchChannel = new MessageChannel();
  batchChannel.port1.onmessage = () => timed(() => persist.sendBatch());
  const settleLocks = () => new Promise((resolve) => setTimeout(resolve, 250));
  let earlyClaim = null;  // {slot, answer}: the slot's lock, asked for while the app downloads
  const persist = {
    slot: null,        // "default" or the ?pathway= address
    id: null,          // the stored record's id
    claimed: new Set(),
    readOnly: false,
    timer: 0,
    pointer: (slot) => 'mastery-map/current/' + slot,  // localStorage: slot -> record id (web/early.js reads it too)
    deliver(entry, fromBackup) {
      if (!started) return;
      if (entry && typeof entry.text === 'string') {
        withString(entry.text, (p) => Module._mm_stored(1, p, Module.lengthBytesUTF8(entry.text), fromBackup ? 1 : 0));
      } else {
        Module._mm_stored(0, 0, 0, fromBackup ? 1 : 0);
      }
    },
    async loadStored(slot) {
      const store = window.masteryStorage;
      this.slot = slot;
      let mine = true;
      if (store && !this.claimed.has(slot)) {
        const early = earlyClaim && earlyClaim.slot === slot ? earlyClaim.answer : null;
        earlyClaim = null;
        try { mine = await (early || store.claim('slot:' + slot)); } catch (e) { mine = true; }
        // after a reload the page that just went away may still hold its locks for a moment
        if (!mine) { await settleLocks(); try { mine = await store.claim('slot:' + slot); } catch (e) { mine = true; } }
      }
      if (mine) this.claimed.add(slot);
      let id = null;
      try { id = localStorage.getItem(this.pointer(slot)); } catch (e) { id = null; }
      // The record itself may be open in another tab under another address (the same
      // record imported into two slots): then this tab only looks, like a second tab on
      // the same slot, and takes over when that tab lets go of the record.
      let busyRecord = null;
      if (mine && store) {
        const copy = this.readLastChance(slot);
        const target = (copy && copy.id) || id;
        if (target && !(await this.holdRecord(target)) && !(await settleLocks(), await this.holdRecord(target))) { mine = false; busyRecord = target; }
      }
      this.readOnly = !mine;
      Module._mm_read_only(mine ? 0 : 1);
      if (!mine) this.waitForTurn(slot, busyRecord);
      if (mine && store) id = await this.applyLastChance(slot, id);
      this.id = id;
      let entry = null;
      if (id && store) {
        try { entry = await store.load(id); } catch (e) { console.warn('Mastery Map: stored work could not be read:', e && e.message); }
      }
      this.deliver(entry, false);
      if (mine && store) store.persist();  // ask the browser not to evict us; never throws
    },
    // A copy written synchronously on pagehide (an IndexedDB save started while the page
    // unloads may never finish) becomes the stored record through the normal atomic save,
    // so a damaged copy is set aside like any other stored data. Returns the record id.
    readLastChance(slot) {
      let copy = null;
      try { copy = JSON.parse(localStorage.getItem(this.lastChance(slot)) || 'null'); } catch (e) { copy = null; }
      return copy && typeof copy.id === 'string' && typeof copy.text === 'string' ? copy : null;
    },
    async applyLastChance(slot, id) {
      const copy = this.readLastChance(slot);
      if (!copy) return id;
      try {
        await window.masteryStorage.save(copy.id, copy.text);
        localStorage.setItem(this.pointer(slot), copy.id);
        localStorage.removeItem(this.lastChance(slot));
        return copy.id;
      } catch (e) {
        return id;  // storage refuses: keep the copy for the next start
      }
    },
    lastChance: (slot) => 'mastery-map/unsaved/' + slot,
    // pagehide: a synchronous copy of unsaved work in localStorage, then the normal save.
    // Not for a record another tab holds (its save was refused): the copy would later
    // overwrite that tab's newer work.
    leave() {
      if (this.readOnly || !started || !this.slot || this.switching) return;
      const text = Module.UTF8ToString(Module._mm_unsaved());
      if (text) {
        const id = Module.UTF8ToString(Module._mm_record_id());
        if (!this.elsewhere.has(id)) {
          try {
            localStorage.setItem(this.lastChance(this.slot), JSON.stringify({id, text}));
            this.copyAt = performance.now();
          } catch (e) { /* too big or disabled: the save below still tries */ }
        }
      }
      this.flush();
    },
    // When the tab that writes closes, this one takes over with the latest saved work: the
    // slot's lock, or (this tab holds the slot) the record's lock.
    waitForTurn(slot, recordId) {
      if (!navigator.locks) return;
      const name = recordId ? 'mastery-record:id:' + recordId : 'mastery-record:slot:' + slot;
      navigator.locks.request(name, () => {
        location.reload();
        return new Promise(() => {});
      }).catch(() => {});
    },
    // One tab writes a record id (Web Lock mastery-record:id:<id>), whatever slot it came
    // from. The lock moves with the record: taken before the first save of an id (an
    // import, a fresh record), the previous one let go. False: another tab holds it.
    record: {id: null, release: null},
    elsewhere: new Set(),  // record ids this tab was refused
    async holdRecord(id) {
      if (!id || !navigator.locks || !window.masteryStorage) return true;
      if (this.record.id === id) return true;
      let release = null;
      try { release = await window.masteryStorage.hold('id:' + id); } catch (e) { release = () => {}; }
      if (!release) { this.elsewhere.add(id); return false; }
      this.elsewhere.delete(id);
      const previous = this.record.release;
      this.record = {id, release};
      if (previous) previous();
      return true;
    },
    async quarantine(slot, reason) {
      let entry = null;
      try { if (this.id) entry = await window.masteryStorage.quarantineAndRestore(this.id, reason); } catch (e) { entry = null; }
      this.deliver(entry, true);
    },
    changed() {
      if (this.readOnly) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => { this.timer = 0; if (started) timedSave(); }, 300);
    },
    flush() {
      if (this.readOnly || !started) return;
      clearTimeout(this.timer);
      this.timer = 0;
      timedSave();
    },
    // One part of the save in progress (the app's slices, in order; `bytes` is a view
    // into the app's memory, valid only during this call). The first part takes this
    // record's lock (never overwrite another tab's record) and opens a storage writer.
    // Parts are copied into batch buffers of kBatchBytes, used again and again; each full
    // buffer goes to the writer (which copies it on to storage's worker) in a task of its
    // own; after the last part the writer commits (the record changes only then: a failed
    // save leaves the last good state).
    saving: null,  // {slot, id, writer, full (filled buffers not handed over yet), buf, used, error, started, ended}
    spare: [],     // batch buffers handed over and free again
    savePart(slot, id, bytes, first, last) {
      if (first) {
        if (window.masteryStorage && !window.masteryStorage.onReturned) window.masteryStorage.onReturned = (buffers) => this.returned(buffers);
        const job = this.saving = {slot, id, writer: null, full: [], buf: null, used: 0, error: '', started: performance.now(), ended: false};
        (async () => {
          if (!window.masteryStorage) throw new Error('UnknownError');
          if (!(await this.holdRecord(id))) throw new Error('OpenElsewhere');
          job.writer = window.masteryStorage.writer(id);
        })().catch((e) => { job.error = (e && e.message) || 'UnknownError'; }).then(() => {
          // parts that came while the lock was asked for go to storage a batch per task
          // (sendBatch ends the save after the last); or the save ends here
          if (job.error) timed(() => this.endSave(job));
          else if (job.full.length || job.ended) batchChannel.port2.postMessage(0);
        });
      }
      const job = this.saving;
      if (!job || job.id !== id) return;
      const filled = job.full.length;
      for (let at = 0; at < bytes.length;) {
        if (!job.buf) { job.buf = this.spare.pop() || new Uint8Array(kBatchBytes); job.used = 0; }
        const n = Math.min(bytes.length - at, kBatchBytes - job.used);
        job.buf.set(bytes.subarray(at, at + n), job.used);
        job.used += n;
        at += n;
        if (job.used === kBatchBytes) { job.full.push(job.buf); job.buf = null; }
      }
      if (last) {
        job.ended = true;
        if (job.buf && job.used) job.full.push(job.buf.subarray(0, job.used));
        else if (job.buf) this.spare.push(job.buf);
        job.buf = null;
      }
      if (job.writer && (job.full.length > filled || last)) batchChannel.port2.postMessage(0);
      if (!last && !job.error) nextSlice();
    },
    // One filled buffer to storage; the next in a task of its own; after the last part,
    // the commit.
    sendBatch() {
      const job = this.saving;
      if (!job || !job.writer) return;
      this.writeBatch(job, 1);
      if (job.full.length) batchChannel.port2.postMessage(0);
      else if (job.ended) this.endSave(job);
    },
    // Hands up to `most` filled buffers to the writer, lent: moved to storage's worker,
    // they come back through onReturned once stored; where the writer copied them instead
    // (no worker) they are free at once. Either way a few are kept for the next parts.
    writeBatch(job, most = Infinity) {
      if (!job.full.length) return;
      const parts = job.full.splice(0, most);
      job.writer.write(parts, true);
      for (const b of parts) if (b.buffer.byteLength) this.returned([b.buffer]);
    },
    returned(buffers) {
      for (const b of buffers) if (this.spare.length < kSpareBuffers && b.byteLength === kBatchBytes) this.spare.push(new Uint8Array(b));
    },
    // The last part is in (or storage refused early: the app then writes no more slices).
    async endSave(job) {
      if (this.saving !== job) return;
      this.saving = null;
      let error = job.error;
      if (!error) {
        try {
          this.writeBatch(job);
          await job.writer.commit();
          this.id = job.id;
          try {
            localStorage.setItem(this.pointer(job.slot), job.id);
            // the pagehide copy is no longer needed once a save begun after it is stored
            if (this.copyAt && job.started > this.copyAt) { localStorage.removeItem(this.lastChance(job.slot)); this.copyAt = 0; }
          } catch (e) { /* the record is saved; only the pointer is not */ }
        } catch (e) {
          error = (e && e.message) || 'UnknownError';
        }
      }
      if (!started) return;
      withString(error, (p) => Module._mm_saved(error ? 0 : 1, p));
      wake();
    },
    // The records kept here, with names read from their text (for the switcher).
    async list() {
      let out = [];
      try {
        const store = window.masteryStorage;
        for (const r of await store.list()) {
          const entry = await store.load(r.id);
          let learner = '?', pathway = '?';
          try {
            const j = JSON.parse(entry.text);
            learner = (j.learner && j.learner.name) || '?';
            pathway = (j.pathway && j.pathway.title) || '?';
          } catch (e) { /* a record that does not parse is still listed */ }
          out.push({id: r.id, learner, pathway, saved_at: r.saved_at});
        }
      } catch (e) { out = []; }
      if (!started) return;
      withString(JSON.stringify(out), (p) => Module._mm_stored_list(p));
    },
    // Another stored record in this slot: the app checked that everything is saved; the
    // page reloads into it through the normal startup (load_record, the lock).
    switchTo(slot, id) {
      if (this.readOnly) return;
      this.switching = true;  // no pagehide copy of the record we are leaving (it is saved)
      try { localStorage.setItem(this.pointer(slot), id); } catch (e) { this.switching = false; return; }
      location.reload();
    },
    async downloadSetAside() {
      let all = [];
      try { all = await window.masteryStorage.quarantined(); } catch (e) { all = []; }
      const mine = all.filter((q) => !this.id || q.id === this.id);
      const newest = mine[mine.length - 1];
      if (!newest) return;
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob(newest.parts || [newest.text], {type: 'text/plain'}));  // byte for byte
      a.download = 'mastery-map-data-that-did-not-open-' + String(newest.set_aside_at || '').slice(0, 10) + '.txt';
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    },
  };
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') persist.flush(); });
  window.addEventListener('pagehide', () => persist.leave());
  // Closing, reloading or leaving the page would lose work kept only in this tab: a
  // mentor's reviews not yet saved to a file, or changes storage refused. The browser asks
  // "Leave site?" (its own words; pages cannot word it). Saved work never asks.
  window.addEventListener('beforeunload', (e) => {
    if (!started || persist.switching || !Module._mm_leaving_loses_work()) return;
    e.preventDefault();
    e.returnValue = '';
  });

  // --- the Emscripten module --------------------------------------------------------------------
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  const Module = window.Module = {
    canvas,
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    locateFile: (path) => path,
    masteryBundled: inline ? inline.files : null,
    masteryBundledFonts: inline ? inline.fonts : null,
    instantiateWasm(imports, success) {
      if (inline) {
        progress(0.5, 'Starting...');
        const text = atob(inline.wasm);
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        WebAssembly.instantiate(bytes, imports).then((result) => success(result.instance, result.module)).catch((e) => {
          showFailure('Mastery Map could not start', 'This copy of the app is damaged (' + (e && e.message || e) + ').',
            'Ask your teacher for a fresh copy of the file.');
        });
        return {};
      }
      // The download and compile began with the page (appWasm below), beside mastery-map.js.
      appWasm.then((module) => WebAssembly.instantiate(module, imports).then((instance) => {
        mark('wasm instantiated');
        success(instance, module);
      })).catch((e) => {
        // the bytes arrived but are not this page's app: a damaged or half-updated copy
        if (e instanceof WebAssembly.CompileError || e instanceof WebAssembly.LinkError) {
          showFailure('Mastery Map could not start', 'This copy of the app is damaged or does not match its page (' + (e && e.message || e) + ').',
            'Reload the page. If this keeps happening, tell your teacher: the app on this website may be half updated. Your saved work is not affected.');
        } else {
          showFailure('Mastery Map could not load', 'The app could not be downloaded (' + (e && e.message || e) + ').',
            'Check the internet connection and try again, or ask your teacher.');
        }
      });
      return {};
    },
    onRuntimeInitialized() {
      mark('runtime initialized');
      started = true;
      progress(0.95, 'Opening your pathway...');
    },
    masteryNoWebGL: () => noWebGL2(),
    onAbort(what) {
      showFailure('Mastery Map stopped', 'Something went wrong inside the app (' + what + ').',
        'Reload the page: your work is saved on this device as you go. If this keeps happening, tell your teacher.');
    },
    masteryReady() {
      isReady = true;
      progress(1);
      loadingScreen.hidden = true;
      resolveReady();
    },
    masteryTextInput(active, x, y, h) {
      const dpr = window.devicePixelRatio || 1;
      textInput.style.left = Math.max(0, x / dpr) + 'px';
      textInput.style.top = Math.max(0, y / dpr) + 'px';
      textInput.style.height = Math.max(16, h / dpr) + 'px';
      if (active && document.activeElement !== textInput) textInput.focus({preventScroll: true});
      if (!active && document.activeElement === textInput) textInput.blur();
    },
    masteryPersist: persist,
    masteryOpenFile: openFile,
    masteryJobSoon: jobSoon,
    masteryClipboardWrite(text) {
      try {
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
      } catch (e) { /* no clipboard here: ImGui keeps its own copy */ }
    },
  };

  // --- window.mastery: for tests and benchmarks (docs/WEB-API.md) ------------------------------
  window.mastery = Object.freeze({
    ready,
    frames: () => (started ? Module._mm_frames() : 0),
    state: () => {
      const text = exportText();
      return text ? JSON.parse(text) : null;
    },
    dispatch: (action) => {
      if (!started) return {ok: false, error: 'the app is still loading'};
      return callJson(Module._mm_dispatch, typeof action === 'string' ? action : JSON.stringify(action));
    },
    exportRecord: exportText,
    importRecord: (text) => {
      if (!started) return {ok: false, error: 'the app is still loading'};
      return callJson(Module._mm_import, String(text));
    },
  });
  // Test support, not part of window.mastery: where labelled widgets were last drawn.
  window.masteryTest = Object.freeze({
    probe: (on) => { if (started) Module._mm_probe(on ? 1 : 0); },
    items: () => (started ? JSON.parse(Module.UTF8ToString(Module._mm_probe_items())) : []),
    // CPU ms inside each frame since the last call (scripts/bench).
    frameTimes: () => (started ? JSON.parse(Module.UTF8ToString(Module._mm_frame_times(0))) : []),
    // The GL part of each of those frames (call before frameTimes(), which clears both).
    glTimes: () => (started ? JSON.parse(Module.UTF8ToString(Module._mm_frame_times(1))) : []),
    // The startup timeline: the page's marks and the app's, [what, ms since navigation].
    marks: () => marks.concat(started ? JSON.parse(Module.UTF8ToString(Module._mm_marks())) : []).sort((a, b) => a[1] - b[1]),
    // Bytes of WebAssembly memory now (it only grows).
    memory: () => (started && Module.HEAPU8 ? Module.HEAPU8.length : 0),
    // Saving on this device (docs/PERSISTENCE.md), and "save now" instead of after the debounce.
    saveState: () => (started ? JSON.parse(Module.UTF8ToString(Module._mm_save_state())) : null),
    flush: () => persist.flush(),
    saveTimes: () => saveTimes.splice(0),
    // Long file tasks: the stages frames have shown since the last call; and holding each
    // stage until fileStep() so a test can look at it (fileWaiting: a stage is held).
    jobFrames: () => (started ? JSON.parse(Module.UTF8ToString(Module._mm_job_frames())) : []),
    holdFiles: (on) => { gate.hold = !!on; if (!on) gate.waiting.splice(0).forEach((r) => r()); },
    fileWaiting: () => gate.waiting.length > 0,
    fileStep: () => { const r = gate.waiting.shift(); if (r) r(); return !!r; },
    // The core's badge templates ([{name, design}]) and one design drawn as the downloads
    // are: {png: base64, svg, polygons, warnings} or {error} (tests/browser/pixels.test.mjs).
    badgeTemplates: () => (started ? JSON.parse(Module.UTF8ToString(Module._mm_badge_templates())) : []),
    renderBadge: (design, size) => (started
      ? JSON.parse(Module.UTF8ToString(withString(typeof design === 'string' ? design : JSON.stringify(design),
        (p) => Module._mm_render_badge(p, size | 0))))
      : {error: 'the app is still loading'}),
    // The badge icon font, fetched when a badge first needs it: asks for it and resolves with
    // 'ready' or 'failed' ('absent' without asking: iconFontState()).
    badgeIcons: async () => {
      let asked = false;
      for (let i = 0; i < 600; i++) {
        if (started) {
          const s = Module._mm_badge_icons(asked ? 0 : 1);
          asked = true;
          if (s >= 2) return kIconFontStates[s];
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return 'loading';
    },
    iconFontState: () => (started ? kIconFontStates[Module._mm_badge_icons(0)] : 'absent'),
  });

  const kIconFontStates = ['absent', 'loading', 'ready', 'failed'];  // mm_badge_icons

  window.addEventListener('error', (e) => {
    if (!isReady && e.target && e.target.tagName === 'SCRIPT') {
      showFailure('Mastery Map could not load', 'A part of the app could not be downloaded.',
        'Check the internet connection and try again, or ask your teacher.');
    }
  }, true);

  // --- offline copy and updates (service worker; only for a stamped build over http/s) --------
  function offerUpdate(worker) {
    const box = document.getElementById('update');
    box.hidden = false;
    document.getElementById('update-later').onclick = () => { box.hidden = true; };
    document.getElementById('update-now').onclick = () => {
      box.hidden = true;
      // Leaving the page saves (pagehide); the new worker takes over, then the page reloads.
      worker.postMessage({type: 'activate-update'});
    };
  }
  if (!inline && build !== 'dev' && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    let reloading = false;
    const hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (!hadController || reloading) return;  // the first install needs no reload
      reloading = true;
      location.reload();
    });
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('sw.js').then((reg) => {
        if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const w = reg.installing;
          if (!w) return;
          w.addEventListener('statechange', () => {
            if (w.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(w);
          });
        });
      }).catch((e) => console.warn('Mastery Map: no offline copy (' + (e && e.message || e) + ')'));
    });
  }

  // --- downloads that start with the page -----------------------------------------------------
  // The wasm is downloaded and compiled while mastery-map.js arrives (not after it), and
  // the pathway list and the pathway a first visit opens are fetched by web/early.js rather
  // than when the app's main() asks: they are waiting by then (mastery_js_fetch takes each
  // once). Bytes, not instantiateStreaming: works with servers that send .wasm with a
  // generic type.
  async function downloadWasm() {
    const r = await (pre.wasm || fetch(versioned('mastery-map.wasm'), {credentials: 'same-origin'}));
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const total = Number(r.headers.get('content-length')) || 0;
    let bytes;
    if (r.body && total > 0) {
      const reader = r.body.getReader();
      const chunks = [];
      let got = 0;
      for (;;) {
        const {done, value} = await reader.read();
        if (done) break;
        chunks.push(value);
        got += value.length;
        progress(0.1 + 0.75 * Math.min(1, got / total), 'Downloading the app...');
      }
      bytes = new Uint8Array(got);
      let at = 0;
      for (const c of chunks) { bytes.set(c, at); at += c.length; }
    } else {
      bytes = new Uint8Array(await r.arrayBuffer());
    }
    progress(0.88, 'Starting...');
    mark('wasm downloaded (' + bytes.length + ' bytes)');
    const module = await WebAssembly.compile(bytes);
    mark('wasm compiled');
    return module;
  }
  const appWasm = inline ? null : downloadWasm();
  if (appWasm) appWasm.catch(() => { /* reported when the runtime asks for it */ });

  const earlySlot = pathwayParam || 'default';  // the app's slot (Session::start)
  // The slot's write lock is asked for now too (persist.loadStored takes the answer).
  earlyClaim = pre.claim || (window.masteryStorage ? {slot: earlySlot, answer: window.masteryStorage.claim('slot:' + earlySlot)} : null);
  Module.masteryEarly = (url) => {
    const answer = pre.fetched.get(url) || null;
    pre.fetched.delete(url);
    return answer;
  };

  sizeCanvas();
  progress(0.05, 'Downloading the app...');
  const script = document.createElement('script');
  if (inline) script.textContent = document.getElementById('mastery-app-js').textContent;
  else script.src = versioned('mastery-map.js');
  script.async = true;
  script.onerror = () => showFailure('Mastery Map could not load', 'A part of the app could not be downloaded.',
    'Check the internet connection and try again, or ask your teacher.');
  document.body.appendChild(script);
})();
