// Mastery Map browser storage: learner records in IndexedDB, saved atomically (a save's
// parts are written first; one small transaction then makes them the record and keeps the
// previous revisions as backups, or nothing changes), with errors reported (quota,
// disabled storage) instead of hanging like IDBFS.
// One tab holds the write lock per record (Web Locks); others open it read-only.
// No network, no third-party code. Used by the app's JS glue and by tests directly.
(function (global) {
  'use strict';

  const kDbName = 'mastery-map';
  // Version 2 keeps a record's text apart from its metadata, so that a save never reads or
  // copies the previous text: `records` holds only {id, revision, saved_at, bytes, token},
  // `revisions` the same for every kept revision (the present one and the backups), and
  // `chunks` the texts, each as the parts one save wrote ([id, token, index] -> {parts}).
  // Version 1 kept whole texts in `records` and a `backups` ring; it is upgraded in place.
  const kDbVersion = 2;
  const kBackups = 5;  // previous states kept per record
  const kKeep = kBackups + 1;

  function errorName(err) {
    if (!err) return 'UnknownError';
    return err.name || String(err);
  }

  // UTF-8 length of a string without encoding it.
  function utf8Length(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }
  function partBytes(p) { return typeof p === 'string' ? utf8Length(p) : p.byteLength; }

  // The parts of a text (strings and UTF-8 bytes, in order) as one string.
  function joinText(parts) {
    if (parts.every((p) => typeof p === 'string')) return parts.join('');
    const dec = new TextDecoder();
    let out = '';
    let bytes = [];
    const flush = () => {
      if (!bytes.length) return;
      const total = bytes.reduce((n, b) => n + b.byteLength, 0);
      const all = new Uint8Array(total);
      let at = 0;
      for (const b of bytes) { all.set(b, at); at += b.byteLength; }
      out += dec.decode(all);
      bytes = [];
    };
    for (const p of parts) {
      if (typeof p === 'string') { flush(); out += p; } else bytes.push(p);
    }
    flush();
    return out;
  }

  // Key ranges: everything of one record, and one save's chunks.
  const ofRecord = (id) => IDBKeyRange.bound([id], [id, []]);
  const ofToken = (id, token) => IDBKeyRange.bound([id, token], [id, token, []]);
  let tokenCount = 0;
  const newToken = () => Date.now().toString(36) + '-' + (tokenCount++).toString(36) + '-' + Math.random().toString(36).slice(2, 8);

  // Version 1 -> 2: each record's text and each backup's becomes one chunk with its
  // revision; nothing is dropped. Runs inside the upgrade transaction (all or nothing).
  function upgradeFrom1(tx, db) {
    const records = tx.objectStore('records');
    const backups = tx.objectStore('backups');
    const revisions = tx.objectStore('revisions');
    const chunks = tx.objectStore('chunks');
    const keep = (r, token, current) => {
      const text = typeof r.text === 'string' ? r.text : '';
      chunks.put({id: r.id, token, index: 0, parts: [text]});
      const meta = {id: r.id, revision: r.revision, saved_at: r.saved_at, bytes: utf8Length(text), token};
      revisions.put(meta);
      if (current) records.put(meta);
    };
    records.getAll().onsuccess = (ev) => {
      for (const r of ev.target.result || []) keep(r, 'v1-' + r.revision, true);
      backups.getAll().onsuccess = (ev2) => {
        for (const b of ev2.target.result || []) keep(b, 'v1-backup-' + b.revision, false);
        db.deleteObjectStore('backups');
      };
    };
  }

  let dbHandle = null;  // the open connection, for writes that must start at once
  function open() {
    return new Promise((resolve, reject) => {
      let req;
      try {
        req = global.indexedDB.open(kDbName, kDbVersion);
      } catch (e) {  // SecurityError where storage is disabled
        reject(new Error(errorName(e)));
        return;
      }
      req.onupgradeneeded = (ev) => {
        const db = req.result;
        if (!db.objectStoreNames.contains('records')) db.createObjectStore('records', {keyPath: 'id'});
        if (!db.objectStoreNames.contains('quarantine')) db.createObjectStore('quarantine', {autoIncrement: true});
        if (!db.objectStoreNames.contains('revisions')) db.createObjectStore('revisions', {keyPath: ['id', 'revision']});
        if (!db.objectStoreNames.contains('chunks')) db.createObjectStore('chunks', {keyPath: ['id', 'token', 'index']});
        if (ev.oldVersion === 1 && db.objectStoreNames.contains('backups')) upgradeFrom1(req.transaction, db);
      };
      req.onsuccess = () => {
        const d = req.result;
        // another tab upgrading the database: let go so it can (this tab then reopens)
        d.onversionchange = () => { d.close(); if (dbHandle === d) { dbHandle = null; dbPromise = null; } };
        dbHandle = d;
        resolve(d);
      };
      req.onerror = () => reject(new Error(errorName(req.error)));
      // A tab of the previous version still has the database open: the upgrade waits for
      // it to close (an update reloads every tab). Failing here instead would open a fresh
      // record over the student's stored one.
      req.onblocked = () => console.warn('Mastery Map: storage is waiting for another tab of an older version to close');
    });
  }

  let dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = open().catch((e) => { dbPromise = null; throw e; });
      // the page starts storage's worker once storage opens (at startup), so that the
      // first save does not pay for starting it
      if (global.document) dbPromise.then(() => helper(), () => {});
    }
    return dbPromise;
  }

  // Runs fn(stores) in one transaction on an open connection; resolves with fn's result
  // when the transaction commits, rejects with the error's name (e.g. "QuotaExceededError")
  // when it aborts. The requests are made before this returns.
  function transactOn(d, names, mode, fn) {
    return new Promise((resolve, reject) => {
      let tx;
      try {
        tx = d.transaction(names, mode);
      } catch (e) {
        reject(new Error(errorName(e)));
        return;
      }
      const stores = {};
      for (const n of names) stores[n] = tx.objectStore(n);
      let result;
      try {
        result = fn(stores, tx);
      } catch (e) {
        try { tx.abort(); } catch (_) { /* already finished */ }
        reject(new Error(errorName(e)));
        return;
      }
      tx.oncomplete = () => resolve(result && result.value !== undefined ? result.value : result);
      tx.onerror = (ev) => { ev.preventDefault(); reject(new Error(errorName(tx.error || ev.target.error))); };
      tx.onabort = () => reject(new Error(errorName(tx.error)));
    });
  }
  async function transact(names, mode, fn) {
    return transactOn(await db(), names, mode, fn);
  }

  // Reads the chunks of one save, in order, and calls done(parts).
  function readParts(chunks, id, token, done) {
    const req = chunks.getAll(ofToken(id, token));
    req.onsuccess = () => {
      const parts = [];
      for (const c of (req.result || []).sort((a, b) => a.index - b.index)) for (const p of c.parts) parts.push(p);
      done(parts);
    };
  }

  // In one transaction (records, revisions, chunks): the save `token` becomes the record's
  // present text; the previous one stays as a backup; revisions beyond the newest kKeep
  // are deleted with their chunks, and so are chunks no revision names (a save that
  // failed half way).
  function commitIn(s, id, token, bytes, out) {
    const now = new Date().toISOString();
    const get = s.records.get(id);
    get.onsuccess = () => {
      const prev = get.result;
      const revision = prev ? prev.revision + 1 : 1;
      const meta = {id, revision, saved_at: now, bytes, token};
      s.records.put(meta);
      s.revisions.put(meta);
      out.value = {revision, saved_at: now};
      const all = s.revisions.getAll(ofRecord(id));
      all.onsuccess = () => {
        const kept = (all.result || []).sort((a, b) => b.revision - a.revision);
        const tokens = new Set();
        kept.forEach((r, i) => {
          if (i < kKeep) tokens.add(r.token);
          else s.revisions.delete([id, r.revision]);
        });
        const keys = s.chunks.getAllKeys(ofRecord(id));
        keys.onsuccess = () => {
          const gone = new Set();
          for (const k of keys.result || []) if (!tokens.has(k[1])) gone.add(k[1]);
          for (const t of gone) s.chunks.delete(ofToken(id, t));
        };
      };
    };
  }

  // The three steps of a save, done in whichever thread runs them (see `helper` below).
  const local = {
    put({id, token, index, parts}) {
      // parts the page sent as Blobs (see write below) are stored as bytes
      if (parts.some((p) => typeof Blob !== 'undefined' && p instanceof Blob)) {
        return Promise.all(parts.map((p) => (p instanceof Blob ? p.arrayBuffer().then((b) => new Uint8Array(b)) : p)))
          .then((bytes) => local.put({id, token, index, parts: bytes}));
      }
      const run = (d) => transactOn(d, ['chunks'], 'readwrite', (s) => { s.chunks.put({id, token, index, parts}); });
      return dbHandle ? run(dbHandle) : db().then(run);
    },
    commit({id, token, bytes}) {
      return transact(['records', 'revisions', 'chunks'], 'readwrite', (s) => {
        const out = {};
        commitIn(s, id, token, bytes, out);
        return out;
      });
    },
    drop({id, token}) {
      return transact(['chunks'], 'readwrite', (s) => { s.chunks.delete(ofToken(id, token)); });
    },
  };

  // In a worker (this same file, started by the page below): do the steps the page asks for.
  if (typeof global.document === 'undefined' && typeof global.importScripts === 'function') {
    global.onmessage = (ev) => {
      const m = ev.data;
      const step = local[m.op];
      // bytes the page handed over (transferred, not copied) go back to it once stored,
      // for its next parts
      const lent = m.lent ? [...new Set(m.parts.filter((p) => typeof p !== 'string').map((p) => p.buffer))] : [];
      const answer = (msg) => global.postMessage(lent.length ? Object.assign(msg, {returned: lent}) : msg, lent);
      (step ? step(m) : Promise.reject(new Error('UnknownError'))).then(
        (value) => answer({seq: m.seq, value}),
        (e) => answer({seq: m.seq, error: (e && e.message) || errorName(e)}));
    };
    return;
  }

  // The page hands a save's writes to a worker running this file: each write's structured
  // clone (and Chromium's compression of it) and every transaction's own cost then happen
  // off the main thread, which only copies the bytes into Blobs. Where no worker can run
  // (the single-file copy: no script file, and its policy allows none), the page does them.
  const scriptUrl = global.document && global.document.currentScript ? global.document.currentScript.src : '';
  let worker = null;  // null: not tried yet; false: none
  let seq = 0;
  const waiting = new Map();
  function helper() {
    if (worker !== null) return worker;
    worker = false;
    if (!scriptUrl || !global.Worker || global.location.protocol === 'file:') return worker;
    try {
      const w = new global.Worker(scriptUrl);
      w.onmessage = (ev) => {
        if (ev.data.returned && storage.onReturned) storage.onReturned(ev.data.returned);
        const r = waiting.get(ev.data.seq);
        if (!r) return;
        waiting.delete(ev.data.seq);
        if (ev.data.error) r.reject(new Error(ev.data.error));
        else r.resolve(ev.data.value);
      };
      w.onerror = (ev) => {  // it could not start: what it was given fails, the page does the rest
        if (ev && ev.preventDefault) ev.preventDefault();
        worker = false;
        for (const r of waiting.values()) r.reject(new Error('UnknownError'));
        waiting.clear();
      };
      worker = w;
    } catch (e) {
      worker = false;
    }
    return worker;
  }
  function call(op, msg, transfer) {
    const w = helper();
    if (!w) return local[op](msg);
    // storage must be open to this page too (where the browser refuses it, say so by name)
    if (!dbHandle) return db().then(() => call(op, msg, transfer));
    return new Promise((resolve, reject) => {
      const n = ++seq;
      waiting.set(n, {resolve, reject});
      w.postMessage(Object.assign({op, seq: n}, msg), transfer || []);
    });
  }

  const storage = {
    // A save written in parts as they come (the app hands its text slice by slice). Each
    // write(parts) stores its parts in a small transaction of its own (in the worker).
    // The caller may reuse the parts' bytes as soon as write returns: they are copied at
    // once. Bytes go to the worker as Blobs: a message's own copy of them would count
    // against this page's JS heap until its next major collection (measured in Chromium:
    // 4 major collections per 100 MB sent; with Blobs none). write(parts, true) lends the
    // parts' buffers instead: they move to the worker (no copy, and none of the Blob's
    // synchronous registration with the browser, 4-30 ms at 4x in a trace) and come back
    // through storage.onReturned(buffers) once stored; the caller must not touch them
    // meanwhile. Where no worker runs they are copied as before. commit() waits for them all,
    // then makes them the record in one transaction: until then the record and its
    // backups are untouched, and a failed write (QuotaExceededError, ...) makes commit()
    // reject with its name.
    writer(id) {
      const token = newToken();
      let index = 0, bytes = 0, failed = null;
      const writes = [];
      return {
        write(parts, lend = false) {
          const i = index++;
          for (const p of parts) bytes += partBytes(p);
          const sent = helper() && dbHandle;  // else written here, or later
          if (sent && lend) {
            const transfer = [...new Set(parts.filter((p) => typeof p !== 'string').map((p) => p.buffer))];
            writes.push(call('put', {id, token, index: i, parts, lent: true}, transfer).catch((e) => { failed = failed || e; }));
            return;
          }
          parts = parts.map((p) => (typeof p === 'string' ? p : sent ? new Blob([p]) : p.slice()));
          writes.push(call('put', {id, token, index: i, parts}).catch((e) => { failed = failed || e; }));
        },
        async commit() {
          await Promise.all(writes);
          if (!failed) {
            try { return await call('commit', {id, token, bytes}); } catch (e) { failed = e; }
          }
          try { await call('drop', {id, token}); } catch (_) { /* the next save clears it */ }
          throw failed;
        },
      };
    },

    // Saves a record's text (a string, or an array of strings and UTF-8 byte arrays): the
    // previous copy stays as the newest backup. After a failure the last good state is
    // untouched. Resolves {revision, saved_at}.
    async save(id, text) {
      const w = storage.writer(id);
      w.write(Array.isArray(text) ? text : [text]);
      return w.commit();
    },

    // {id, text, saved_at, revision} or null.
    async load(id) {
      return transact(['records', 'chunks'], 'readonly', (s) => {
        const out = {value: null};
        const req = s.records.get(id);
        req.onsuccess = () => {
          const meta = req.result;
          if (!meta) return;
          readParts(s.chunks, id, meta.token, (parts) => {
            out.value = {id, text: joinText(parts), saved_at: meta.saved_at, revision: meta.revision};
          });
        };
        return out;
      });
    },

    // Backups of a record (every kept revision but the present one), newest first.
    async backups(id) {
      return transact(['records', 'revisions', 'chunks'], 'readonly', (s) => {
        const out = {value: []};
        const cur = s.records.get(id);
        cur.onsuccess = () => {
          const present = cur.result ? cur.result.revision : -1;
          const req = s.revisions.getAll(ofRecord(id));
          req.onsuccess = () => {
            const older = (req.result || []).filter((r) => r.revision !== present).sort((a, b) => b.revision - a.revision);
            out.value = older.map((r) => ({id, revision: r.revision, saved_at: r.saved_at, text: ''}));
            older.forEach((r, i) => readParts(s.chunks, id, r.token, (parts) => { out.value[i].text = joinText(parts); }));
          };
        };
        return out;
      });
    },

    // Every stored record: [{id, saved_at, revision, bytes}] (for the record switcher).
    async list() {
      return transact(['records'], 'readonly', (s) => {
        const out = {value: []};
        const req = s.records.getAll();
        req.onsuccess = () => {
          out.value = (req.result || []).map((r) => ({id: r.id, saved_at: r.saved_at, revision: r.revision, bytes: r.bytes}));
        };
        return out;
      });
    },

    // Stored data that no longer loads is set aside untouched (never deleted: its parts
    // move to `quarantine`), and the newest backup becomes the record again. Returns the
    // restored entry or null.
    async quarantineAndRestore(id, reason) {
      return transact(['records', 'revisions', 'chunks', 'quarantine'], 'readwrite', (s) => {
        const out = {value: null};
        const get = s.records.get(id);
        get.onsuccess = () => {
          const bad = get.result;
          const restore = () => {
            const all = s.revisions.getAll(ofRecord(id));
            all.onsuccess = () => {
              const newest = (all.result || []).sort((a, b) => b.revision - a.revision)[0];
              if (newest) {
                // keep the revision counter moving forward
                const revision = (bad ? bad.revision : newest.revision) + 1;
                const meta = {id, revision, saved_at: newest.saved_at, bytes: newest.bytes, token: newest.token};
                s.revisions.delete([id, newest.revision]);
                s.revisions.put(meta);
                s.records.put(meta);
                readParts(s.chunks, id, newest.token, (parts) => {
                  out.value = {id, text: joinText(parts), saved_at: newest.saved_at, revision};
                });
              } else if (bad) {
                s.records.delete(id);
              }
            };
          };
          if (!bad) { restore(); return; }
          readParts(s.chunks, id, bad.token, (parts) => {
            s.quarantine.add({id, parts, saved_at: bad.saved_at, reason, set_aside_at: new Date().toISOString()});
            s.chunks.delete(ofToken(id, bad.token));
            s.revisions.delete([id, bad.revision]);
            restore();
          });
        };
        return out;
      });
    },

    // Everything set aside, for "download the raw data": each with its text (and its
    // stored parts, byte for byte, when it was saved in parts).
    async quarantined() {
      return transact(['quarantine'], 'readonly', (s) => {
        const out = {value: []};
        const req = s.quarantine.getAll();
        req.onsuccess = () => {
          out.value = (req.result || []).map((q) => (q.parts ? Object.assign({}, q, {text: joinText(q.parts)}) : q));
        };
        return out;
      });
    },

    async remove(id) {
      return transact(['records', 'revisions', 'chunks'], 'readwrite', (s) => {
        s.records.delete(id);
        s.revisions.delete(ofRecord(id));
        s.chunks.delete(ofRecord(id));
      });
    },

    // Asks the browser not to evict our data; resolves true/false, never throws.
    async persist() {
      try {
        return !!(global.navigator.storage && await global.navigator.storage.persist());
      } catch (_) {
        return false;
      }
    },

    // Tries to become the one tab that writes this record. Resolves true when this tab
    // holds the lock (until the tab closes), false when another tab has it.
    async claim(id) {
      const locks = global.navigator.locks;
      if (!locks) return true;  // no Web Locks: nothing to coordinate with
      return new Promise((resolve) => {
        locks.request('mastery-record:' + id, {ifAvailable: true}, (lock) => {
          if (!lock) { resolve(false); return undefined; }
          resolve(true);
          return new Promise(() => {});  // held for the life of the tab
        }).catch(() => resolve(true));
      });
    },

    // Like claim, but the lock can be let go: resolves a release function, or null when
    // another tab holds it. (A record's lock moves with the record a tab has open.)
    async hold(name) {
      const locks = global.navigator.locks;
      if (!locks) return () => {};
      return new Promise((resolve) => {
        locks.request('mastery-record:' + name, {ifAvailable: true}, (lock) => {
          if (!lock) { resolve(null); return undefined; }
          return new Promise((release) => resolve(release));
        }).catch(() => resolve(() => {}));
      });
    },

    // Drops the cached connection (tests use it to simulate a restart).
    async close() {
      if (!dbPromise) return;
      try { (await dbPromise).close(); } catch (_) { /* never opened */ }
      dbPromise = null;
      dbHandle = null;
    },
  };

  global.masteryStorage = storage;
})(typeof window !== 'undefined' ? window : globalThis);
