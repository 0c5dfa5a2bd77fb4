// A small static file server for the demo and the browser tests, until `parley serve` exists.
//   node tools/serve-static.mjs [--port N] [--host H] DIR [DIR...]
// Files are looked up in each DIR in order; the first match wins. Prints the URL when ready.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export function startStaticServer({ dirs, port = 0, host = '127.0.0.1', headers = {} }) {
  const roots = dirs.map((dir) => path.resolve(dir));
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const relative = path.normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    for (const root of roots) {
      const file = path.join(root, relative);
      if (!file.startsWith(root + path.sep)) break;  // no way out of the served folders
      try {
        if (!(await stat(file)).isFile()) continue;
        const body = await readFile(file);
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
        response.end(body);
        return;
      } catch {
        // not in this folder; try the next one
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found\n');
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  let port = 8080;
  let host = '127.0.0.1';
  const dirs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') port = Number(args[++i]);
    else if (args[i] === '--host') host = args[++i];
    else dirs.push(args[i]);
  }
  const { url } = await startStaticServer({ dirs, port, host });
  console.log(`Parley demo: ${url}  (Ctrl-C to stop)`);
}
