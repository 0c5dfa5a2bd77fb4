// A stand-in for a publisher's backend, to try Parley's sign-in: serves the SSO example page,
// keeps a session cookie for whoever signs in (any name, no password: it is a demo), and signs
// Parley tokens for the signed-in reader. Your backend does the same three things.
//
//   PARLEY_SIGN_IN_SECRET=… node examples/sso/publisher.mjs [--server http://127.0.0.1:8080] [--port 8090]
//
// The comment server must know the same secret (signIn.secret / PARLEY_SIGN_IN_SECRET) and list
// this site's origin (origins / PARLEY_ORIGINS); `./dev.sh demo` does both and prints the command.
import { createServer } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { server: { type: 'string', default: 'http://127.0.0.1:8080' }, port: { type: 'string', default: '8090' } } });
const secret = process.env.PARLEY_SIGN_IN_SECRET;
if (!secret) {
  console.error('publisher.mjs: set PARLEY_SIGN_IN_SECRET to the comment server\'s signIn.secret');
  process.exit(2);
}
const commentServer = new URL(values.server).origin;
const here = (file) => new URL(file, import.meta.url);
const sessions = new Map(); // session id -> {id, name}

// An HS256 JWT: the claims docs/API.md lists. Short-lived: the page asks for a new one on load.
function parleyToken(account) {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { sub: account.id, name: account.name, exp: Math.floor(Date.now() / 1000) + 3600 };
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const session = (request) => sessions.get(/(?:^|;\s*)session=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1]);

async function body(request) {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 4096) break;
  }
  return new URLSearchParams(text);
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url, 'http://localhost');
  const send = (status, type, content, headers = {}) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    response.end(content);
  };
  try {
    if (request.method == 'GET' && pathname == '/') {
      const page = (await readFile(here('index.html'), 'utf8')).replace('COMMENT_SERVER', commentServer);
      return send(200, 'text/html; charset=utf-8', page);
    }
    if (request.method == 'GET' && (pathname == '/site.js' || pathname == '/page.css')) {
      const type = pathname.endsWith('.js') ? 'text/javascript' : 'text/css';
      return send(200, `${type}; charset=utf-8`, await readFile(here(pathname.slice(1))));
    }
    if (request.method == 'GET' && pathname == '/parley-token') {
      const account = session(request);
      if (!account) return send(401, 'application/json', JSON.stringify({ error: 'not signed in' }));
      return send(200, 'application/json', JSON.stringify({ token: parleyToken(account), name: account.name }));
    }
    if (request.method == 'POST' && pathname == '/login') {
      const name = ((await body(request)).get('name') ?? '').trim().slice(0, 64);
      if (!name) return send(400, 'text/plain', 'A name, please.');
      const id = randomBytes(16).toString('hex');
      sessions.set(id, { id: `account-${id.slice(0, 8)}`, name });
      return send(303, 'text/plain', '', { location: '/', 'set-cookie': `session=${id}; HttpOnly; SameSite=Lax; Path=/` });
    }
    if (request.method == 'POST' && pathname == '/logout') {
      return send(303, 'text/plain', '', { location: '/', 'set-cookie': 'session=; Max-Age=0; Path=/' });
    }
    send(404, 'text/plain', 'Not found');
  } catch (error) {
    send(500, 'text/plain', String(error));
  }
});

server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`The publisher's site: http://127.0.0.1:${server.address().port}/ (comments from ${commentServer})`);
});
