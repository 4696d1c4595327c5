// A tiny static file server for the browser tests: loopback only, correct MIME types
// (application/wasm matters), no directory listings, nothing outside the site folder.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

// Serves `root` on 127.0.0.1 at a free port; `extra` maps paths ("/x.json") to bodies the
// test adds (e.g. a broken pathway). Resolves to {url, close(), requests[]}.
export async function serve(root, extra = {}) {
  const base = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = '/'; }
    if (Object.prototype.hasOwnProperty.call(extra, rel)) {
      res.writeHead(200, {'content-type': kTypes[path.extname(rel)] || 'text/plain', 'cache-control': 'no-store'}).end(extra[rel]);
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, {'content-type': 'text/plain'}).end('not found'); return; }
      res.writeHead(200, {'content-type': kTypes[path.extname(file)] || 'application/octet-stream',
                          'content-length': data.length, 'cache-control': 'no-store'});
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {url, requests, close: () => new Promise((resolve) => server.close(resolve))};
}
