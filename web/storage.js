// Mastery Map browser storage: learner records in IndexedDB, saved atomically (one
// transaction replaces the record and rotates the previous copy into backups, or nothing
// changes), with errors reported (quota, disabled storage) instead of hanging like IDBFS.
// One tab holds the write lock per record (Web Locks); others open it read-only.
// No network, no third-party code. Used by the app's JS glue and by tests directly.
(function (global) {
  'use strict';

  const kDbName = 'mastery-map';
  const kDbVersion = 1;
  const kBackups = 5;  // previous states kept per record

  function errorName(err) {
    if (!err) return 'UnknownError';
    return err.name || String(err);
  }

  function open() {
    return new Promise((resolve, reject) => {
      let req;
      try {
        req = global.indexedDB.open(kDbName, kDbVersion);
      } catch (e) {  // SecurityError where storage is disabled
        reject(new Error(errorName(e)));
        return;
      }
      req.onupgradeneeded = () => {
        const db = req.result;
        // records: id -> {id, text, saved_at, revision}; backups: [id, slot] -> same
        if (!db.objectStoreNames.contains('records')) db.createObjectStore('records', {keyPath: 'id'});
        if (!db.objectStoreNames.contains('backups')) db.createObjectStore('backups', {keyPath: ['id', 'slot']});
        if (!db.objectStoreNames.contains('quarantine')) db.createObjectStore('quarantine', {autoIncrement: true});
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(errorName(req.error)));
      req.onblocked = () => reject(new Error('BlockedError'));
    });
  }

  let dbPromise = null;
  function db() {
    if (!dbPromise) dbPromise = open().catch((e) => { dbPromise = null; throw e; });
    return dbPromise;
  }

  // Runs fn(stores) in one transaction; resolves with fn's result when the transaction
  // commits, rejects with the error's name (e.g. "QuotaExceededError") when it aborts.
  async function transact(names, mode, fn) {
    const d = await db();
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

  function request(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = (ev) => { ev.preventDefault(); reject(new Error(errorName(req.error))); };
    });
  }

  const storage = {
    // Saves a record's text. The previous copy moves into the backup ring first, in the
    // same transaction: after a failure the last good state is untouched.
    async save(id, text) {
      const now = new Date().toISOString();
      return transact(['records', 'backups'], 'readwrite', (s) => {
        const out = {};
        const get = s.records.get(id);
        get.onsuccess = () => {
          const prev = get.result;
          const revision = prev ? prev.revision + 1 : 1;
          if (prev) s.backups.put({id, slot: prev.revision % kBackups, text: prev.text, saved_at: prev.saved_at, revision: prev.revision});
          s.records.put({id, text, saved_at: now, revision});
          out.value = {revision, saved_at: now};
        };
        return out;
      });
    },

    // {id, text, saved_at, revision} or null.
    async load(id) {
      return transact(['records'], 'readonly', (s) => {
        const out = {value: null};
        const req = s.records.get(id);
        req.onsuccess = () => { out.value = req.result || null; };
        return out;
      });
    },

    // Backups of a record, newest first.
    async backups(id) {
      return transact(['backups'], 'readonly', (s) => {
        const out = {value: []};
        const req = s.backups.getAll(IDBKeyRange.bound([id, 0], [id, kBackups]));
        req.onsuccess = () => { out.value = (req.result || []).sort((a, b) => b.revision - a.revision); };
        return out;
      });
    },

    // Every stored record: [{id, saved_at, revision, bytes}] (for the record switcher).
    async list() {
      return transact(['records'], 'readonly', (s) => {
        const out = {value: []};
        const req = s.records.getAll();
        req.onsuccess = () => {
          out.value = (req.result || []).map((r) => ({id: r.id, saved_at: r.saved_at, revision: r.revision, bytes: r.text.length}));
        };
        return out;
      });
    },

    // Stored data that no longer loads is set aside untouched (never deleted), and the
    // newest backup becomes the record again. Returns the restored entry or null.
    async quarantineAndRestore(id, reason) {
      return transact(['records', 'backups', 'quarantine'], 'readwrite', (s) => {
        const out = {value: null};
        const get = s.records.get(id);
        get.onsuccess = () => {
          const bad = get.result;
          if (bad) s.quarantine.add({id, text: bad.text, saved_at: bad.saved_at, reason, set_aside_at: new Date().toISOString()});
          const all = s.backups.getAll(IDBKeyRange.bound([id, 0], [id, kBackups]));
          all.onsuccess = () => {
            const newest = (all.result || []).sort((a, b) => b.revision - a.revision)[0];
            if (newest) {
              // keep the revision counter moving forward
              const revision = (bad ? bad.revision : newest.revision) + 1;
              s.records.put({id, text: newest.text, saved_at: newest.saved_at, revision});
              s.backups.delete([id, newest.slot]);
              out.value = {id, text: newest.text, saved_at: newest.saved_at, revision};
            } else if (bad) {
              s.records.delete(id);
            }
          };
        };
        return out;
      });
    },

    // Everything set aside, for "download the raw data".
    async quarantined() {
      return transact(['quarantine'], 'readonly', (s) => {
        const out = {value: []};
        const req = s.quarantine.getAll();
        req.onsuccess = () => { out.value = req.result || []; };
        return out;
      });
    },

    async remove(id) {
      return transact(['records', 'backups'], 'readwrite', (s) => {
        s.records.delete(id);
        s.backups.delete(IDBKeyRange.bound([id, 0], [id, kBackups]));
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
    },
  };

  global.masteryStorage = storage;
})(typeof window !== 'undefined' ? window : globalThis);
