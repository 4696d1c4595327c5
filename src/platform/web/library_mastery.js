// Browser calls the C++ side makes (Emscripten --js-library). Each answers later, when it
// has to wait, by calling an exported _mm_* function (src/platform/web/bridge.cpp).
// The page's own glue (web/shell.js) owns the DOM elements used here (#text-input).
// The build runs Closure Compiler over this file (emcc --closure 1): what crosses to the
// page's own scripts (Module['...'] members and their fields) is named in quotes, or
// Closure renames it.
mergeInto(LibraryManager.library, {
  // Fetch a file of this site as text; answers with _mm_fetched(request, ok, data, len, error).
  mastery_js_fetch: function(request, urlPtr) {
    var url = UTF8ToString(urlPtr);
    function answer(ok, text, error) {
      // The browser's TextEncoder, not Emscripten's stringToUTF8 (a JS loop per character:
      // ~80 ms for the 100 KB sample pathway at 4x throttling, during startup).
      var bytes = new TextEncoder().encode(text), p = _malloc(bytes.length + 1);
      HEAPU8.set(bytes, p);
      HEAPU8[p + bytes.length] = 0;
      var en = lengthBytesUTF8(error) + 1, ep = _malloc(en);
      stringToUTF8(error, ep, en);
      _mm_fetched(request, ok ? 1 : 0, p, bytes.length, ep);
      _free(p);
      _free(ep);
    }
    // The single-file build (scripts/dist) carries the bundled pathways inside the page.
    var bundled = Module['masteryBundled'];
    if (bundled && Object.prototype.hasOwnProperty.call(bundled, url)) {
      setTimeout(function() { answer(true, bundled[url], ''); }, 0);
      return;
    }
    if (location.protocol === 'file:') { answer(false, '', 'this copy of the app opens only its own pathways'); return; }
    // Fetched by the page while the app was still downloading (web/shell.js), taken once.
    var early = Module['masteryEarly'] && Module['masteryEarly'](url);
    if (early) {
      early.then(function(a) { answer(a['ok'], a['text'], a['error']); });
      return;
    }
    var target;
    try { target = new URL(url, document.baseURI); } catch (e) { answer(false, '', 'not a valid address'); return; }
    if (target.origin !== location.origin) { answer(false, '', 'not on this site'); return; }
    fetch(target.href, {cache: 'no-cache', credentials: 'same-origin'}).then(function(r) {
      if (!r.ok) { answer(false, '', 'HTTP ' + r.status); return; }
      return r.text().then(function(t) { answer(true, t, ''); });
    }).catch(function(e) { answer(false, '', String(e && e.message || e)); });
  },

  // The badge icon font (src/ui/badge_art.hpp), fetched the first time a badge needs it;
  // answers with _mm_icon_font(ok, data, len, error). The single file carries it inside.
  mastery_js_fetch_font: function(urlPtr) {
    var url = UTF8ToString(urlPtr);
    function answer(ok, bytes, error) {
      var p = _malloc(bytes.length || 1);
      HEAPU8.set(bytes, p);
      var en = lengthBytesUTF8(error) + 1, ep = _malloc(en);
      stringToUTF8(error, ep, en);
      _mm_icon_font(ok ? 1 : 0, p, bytes.length, ep);
      _free(p);
      _free(ep);
    }
    var none = new Uint8Array(0);
    var bundled = Module['masteryBundledFonts'];
    if (bundled && Object.prototype.hasOwnProperty.call(bundled, url)) {
      setTimeout(function() {
        var text = atob(bundled[url]), bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        answer(true, bytes, '');
      }, 0);
      return;
    }
    if (location.protocol === 'file:') { setTimeout(function() { answer(false, none, 'this copy of the app has none'); }, 0); return; }
    // no-cache: the browser checks its copy is this build's (the service worker answers
    // from its own copy of the build)
    fetch(new URL(url, document.baseURI).href, {cache: 'no-cache', credentials: 'same-origin'}).then(function(r) {
      if (!r.ok) { answer(false, none, 'HTTP ' + r.status); return; }
      return r.arrayBuffer().then(function(b) { answer(true, new Uint8Array(b), ''); });
    }).catch(function(e) { answer(false, none, String(e && e.message || e)); });
  },

  // Links open in a new tab, and only http(s) ones (checked by the caller too).
  mastery_js_open_url: function(urlPtr) {
    var url = UTF8ToString(urlPtr);
    if (!/^https?:\/\//i.test(url)) return;
    var w = window.open(url, '_blank', 'noopener,noreferrer');
    if (w) w.opener = null;
  },

  mastery_js_download: function(namePtr, mimePtr, dataPtr, len) {
    var blob = new Blob([HEAPU8.slice(dataPtr, dataPtr + len)], {type: UTF8ToString(mimePtr)});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(namePtr);
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },

  // A picture from the device for evidence. Big photos are scaled down to 1600 px JPEG so
  // a record stays small enough to hand to a mentor.
  mastery_js_pick_image: function(token) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/png,image/jpeg,image/gif,image/webp';
    input.onchange = function() {
      var file = input.files && input.files[0];
      if (!file) return;
      var deliver = function(mime, buffer) {
        var bytes = new Uint8Array(buffer);
        var p = _malloc(bytes.length || 1);
        HEAPU8.set(bytes, p);
        var mn = lengthBytesUTF8(mime) + 1, mp = _malloc(mn);
        stringToUTF8(mime, mp, mn);
        _mm_image_picked(token, mp, p, bytes.length);
        _free(p);
        _free(mp);
      };
      file.arrayBuffer().then(function(buffer) {
        var small = buffer.byteLength <= 1200000 && /^image\/(png|jpeg|gif|webp)$/.test(file.type);
        if (small) { deliver(file.type, buffer); return; }
        return createImageBitmap(new Blob([buffer], {type: file.type})).then(function(bitmap) {
          var k = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
          var c = document.createElement('canvas');
          c.width = Math.max(1, Math.round(bitmap.width * k));
          c.height = Math.max(1, Math.round(bitmap.height * k));
          c.getContext('2d').drawImage(bitmap, 0, 0, c.width, c.height);
          return new Promise(function(res) { c.toBlob(res, 'image/jpeg', 0.85); });
        }).then(function(blob) { return blob.arrayBuffer(); }).then(function(b) { deliver('image/jpeg', b); });
      }).catch(function(e) { console.warn('Mastery Map: could not read the picture:', e); });
    };
    input.click();
  },

  // A work file from the device (the More menu), for `purpose` (app::FilePurpose). The
  // page's glue reads it, refuses one over the size limit before reading it, and hands it
  // to the app in chunks (_mm_file_begin ..., the same path as a file dropped on the canvas).
  mastery_js_pick_record: function(purpose) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.onchange = function() {
      var file = input.files && input.files[0];
      if (file && Module['masteryOpenFile']) Module['masteryOpenFile'](purpose, file);
    };
    input.click();
  },

  // The record on this device (web/shell.js owns the storage glue over web/storage.js).
  mastery_js_load_stored: function(slotPtr) {
    Module['masteryPersist']['loadStored'](UTF8ToString(slotPtr));
  },
  mastery_js_quarantine_stored: function(slotPtr, reasonPtr) {
    Module['masteryPersist']['quarantine'](UTF8ToString(slotPtr), UTF8ToString(reasonPtr));
  },
  mastery_js_record_changed: function() {
    Module['masteryPersist']['changed']();
  },
  // One slice of a save: the page gets a view into wasm memory and copies the bytes before
  // it returns (the app frees its buffer after that); never decoded into one big string.
  mastery_js_save_part: function(slotPtr, idPtr, dataPtr, len, first, last) {
    Module['masteryPersist']['savePart'](UTF8ToString(slotPtr), UTF8ToString(idPtr), HEAPU8.subarray(dataPtr, dataPtr + len), !!first, !!last);
  },
  mastery_js_download_set_aside: function() {
    Module['masteryPersist']['downloadSetAside']();
  },
  // When each record was last saved to a file (localStorage; never in the record).
  mastery_js_last_export: function(idPtr) {
    var v = '';
    try { v = window.localStorage.getItem('mastery-map/exported/' + UTF8ToString(idPtr)) || ''; } catch (e) { v = ''; }
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },
  mastery_js_list_stored: function() {
    Module['masteryPersist']['list']();
  },
  mastery_js_switch_record: function(slotPtr, idPtr) {
    Module['masteryPersist']['switchTo'](UTF8ToString(slotPtr), UTF8ToString(idPtr));
  },
  mastery_js_remember_export: function(idPtr, atPtr) {
    try { window.localStorage.setItem('mastery-map/exported/' + UTF8ToString(idPtr), UTF8ToString(atPtr)); } catch (e) { /* the reminder may come back */ }
  },

  // Decode picture bytes (the browser knows every format we accept) into a thumbnail of at
  // most 320 px, handed back as RGBA pixels for a texture.
  mastery_js_decode_image: function(id, mimePtr, dataPtr, len) {
    var bytes = HEAPU8.slice(dataPtr, dataPtr + len);
    var mime = UTF8ToString(mimePtr);
    createImageBitmap(new Blob([bytes], {type: mime})).then(function(bitmap) {
      var k = Math.min(1, 320 / Math.max(bitmap.width, bitmap.height));
      var w = Math.max(1, Math.round(bitmap.width * k)), h = Math.max(1, Math.round(bitmap.height * k));
      var c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      var g = c.getContext('2d');
      g.drawImage(bitmap, 0, 0, w, h);
      var rgba = g.getImageData(0, 0, w, h).data;
      var p = _malloc(rgba.length);
      HEAPU8.set(rgba, p);
      _mm_thumbnail_ready(id, w, h, p);
      _free(p);
    }).catch(function() { _mm_thumbnail_failed(id); });
  },

  // Prefs live in localStorage; storage may be disabled (SecurityError): never throw.
  mastery_js_save_prefs: function(textPtr) {
    try { window.localStorage.setItem('mastery-map/prefs', UTF8ToString(textPtr)); } catch (e) { /* prefs stay for this visit */ }
  },
  mastery_js_load_prefs: function() {
    var text = '';
    try { text = window.localStorage.getItem('mastery-map/prefs') || ''; } catch (e) { text = ''; }
    var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    return p;
  },
  mastery_js_prefers_reduced_motion: function() {
    try { return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0; } catch (e) { return 0; }
  },

  // "?pathway=<relative URL>" (the page checks it is on this site before the app starts).
  mastery_js_pathway_param: function() {
    var v = '';
    try { v = new URLSearchParams(location.search).get('pathway') || ''; } catch (e) { v = ''; }
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },

  // The hidden textarea receives IME, dead keys and on-screen keyboards while ImGui wants
  // text; x, y, h are canvas pixels of the text cursor (the IME popup appears there).
  mastery_js_text_input: function(active, x, y, h) {
    if (Module['masteryTextInput']) Module['masteryTextInput'](!!active, x, y, h);
  },

  mastery_js_set_clipboard: function(textPtr) {
    var text = UTF8ToString(textPtr);
    if (Module['masteryClipboardWrite']) Module['masteryClipboardWrite'](text);
  },

  // A long file task's next stage, after the frame showing this one (web/shell.js).
  mastery_js_job_soon: function() {
    if (Module['masteryJobSoon']) Module['masteryJobSoon']();
  },

  mastery_js_ready: function() {
    if (Module['masteryReady']) Module['masteryReady']();
  },

  // The canvas cannot have a WebGL 2 context (switched off, or the GPU is blocklisted).
  mastery_js_no_webgl: function() {
    if (Module['masteryNoWebGL']) Module['masteryNoWebGL']();
  },

  mastery_js_error: function(textPtr) {
    console.error('Mastery Map: ' + UTF8ToString(textPtr));
  },
});
