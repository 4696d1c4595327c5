// Mastery Map's first downloads, started from <head> while the rest of the page is still
// arriving (about 150 ms before web/shell.js runs at 4x CPU throttling, scripts/bench):
// the app's wasm and JS, the pathway list and the pathway a first visit opens. The requests are
// the ones shell.js and the app would make; shell.js takes them from window.masteryEarly
// (the app takes each fetched text once, through mastery_js_fetch). No other work here.
(function () {
  'use strict';

  const marks = [];
  const mark = (what) => { if (marks.length < 32) marks.push([what, performance.now()]); };
  // scripts/dist stamps the build: app files are then fetched as name?v=<build>.
  const buildMeta = document.querySelector('meta[name="mastery-build"]');
  const build = buildMeta ? buildMeta.content : 'dev';
  const versioned = (name) => (build === 'dev' ? name : name + '?v=' + encodeURIComponent(build));

  // ?pathway= only names a file on this site (shell.js explains a refusal to the student).
  const sameSite = (address) => {
    try {
      return new URL(address, location.href).origin === location.origin && !/^[a-z][a-z0-9+.-]*:/i.test(address);
    } catch (e) {
      return false;
    }
  };
  const pathwayParam = new URLSearchParams(location.search).get('pathway');

  const fetched = new Map();  // address as the app asks for it -> Promise of {ok, text, error}
  function fetchText(url) {
    const answer = fetch(new URL(url, document.baseURI).href, {cache: 'no-cache', credentials: 'same-origin'})
      .then((r) => (r.ok ? r.text().then((text) => ({ok: true, text, error: ''})) : {ok: false, text: '', error: 'HTTP ' + r.status}))
      .catch((e) => ({ok: false, text: '', error: String(e && e.message || e)}));
    mark('page asked for ' + url);
    answer.then(() => mark('page has ' + url));
    fetched.set(url, answer);
    return answer;
  }

  const early = {build, versioned, sameSite, pathwayParam, fetched, marks, wasm: null, claim: null};
  window.masteryEarly = early;

  // The slot's write lock (one tab writes a record, docs/PERSISTENCE.md), asked for now: the
  // browser takes a while to answer. The same request as web/storage.js claim('slot:' + slot);
  // shell.js hands the answer to persist.loadStored.
  const slot = pathwayParam || 'default';  // the app's slot (Session::start)
  if (navigator.locks && (!pathwayParam || sameSite(pathwayParam))) {
    early.claim = {slot, answer: new Promise((resolve) => {
      navigator.locks.request('mastery-record:slot:' + slot, {ifAvailable: true}, (lock) => {
        resolve(!!lock);
        return lock ? new Promise(() => {}) : undefined;  // held for the life of the tab
      }).catch(() => resolve(true));
    })};
  }

  // The single-file copy carries everything inside the page and makes no requests.
  if (document.querySelector('meta[name="mastery-single-file"]') || location.protocol === 'file:') return;
  if (typeof fetch !== 'function' || typeof WebAssembly !== 'object') return;  // shell.js explains
  if (pathwayParam && !sameSite(pathwayParam)) return;

  // Bytes, not instantiateStreaming: works with servers that send .wasm with a generic type.
  early.wasm = fetch(versioned('mastery-map.wasm'), {credentials: 'same-origin'});
  early.wasm.catch(() => { /* shell.js reports it */ });
  // Emscripten's JS runs after shell.js (it reads shell.js's Module): downloaded now, run then.
  const script = document.createElement('link');
  script.rel = 'preload';
  script.as = 'script';
  script.href = versioned('mastery-map.js');
  document.head.appendChild(script);
  const index = fetchText('pathways/index.json');
  // A stored record brings its own pathway: only a first visit to this address needs one.
  // The key is web/shell.js's persist.pointer(slot) for the app's slot (Session::start).
  let returning = false;
  try { returning = !!localStorage.getItem('mastery-map/current/' + slot); } catch (e) { returning = false; }
  if (returning) return;
  if (pathwayParam) {
    fetchText(pathwayParam);
    return;
  }
  index.then((a) => {
    // the same choice as the app's (Session::maybe_start_fresh); a wrong guess only costs a fetch
    let list = [];
    try { list = a.ok ? (JSON.parse(a.text).pathways || []) : []; } catch (e) { list = []; }
    const chosen = list.find((e) => e && e.default === true) || list[0];
    if (chosen && typeof chosen.file === 'string') fetchText('pathways/' + chosen.file);
  });
})();
