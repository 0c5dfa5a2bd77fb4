// Every moderator route refuses without a session (401 not_signed_in) and, when it changes
// state, with a session but without the CSRF token (403 csrf_failed). The list of routes is
// the server's own table (GET /api/v1/mod/routes), compared with docs/openapi.json, so a new
// moderator route cannot be left open or undocumented.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../support/paths.mjs';
import { startServer, call, runParleyCommand } from './server.mjs';

const spec = JSON.parse(readFileSync(path.join(root, 'docs/openapi.json'), 'utf8'));
const PASSWORD = 'ten or more characters';
let server;
let session;
let routes;

before(async () => {
  server = await startServer();
  const added = runParleyCommand(['moderator', 'add', 'Auth', '--db', server.db], `${PASSWORD}\n`);
  assert.equal(added.code, 0, added.stderr);
  const login = await call(server.url, 'POST', '/api/v1/mod/login', { json: { name: 'Auth', password: PASSWORD } });
  assert.equal(login.status, 200, login.text);
  session = { cookie: login.headers.get('set-cookie').split(';')[0], csrf: login.body.csrfToken };
  const listed = await call(server.url, 'GET', '/api/v1/mod/routes', { headers: { cookie: session.cookie } });
  assert.equal(listed.status, 200, listed.text);
  routes = listed.body.routes;
});

after(async () => {
  await server.stop();
  await server.cleanup();
});

const documented = () => {
  const pairs = [];
  for (const [route, operations] of Object.entries(spec.paths)) {
    if (!route.startsWith('/api/v1/mod/')) continue;
    for (const method of Object.keys(operations)) if (method !== 'parameters') pairs.push(`${method.toUpperCase()} ${route}`);
  }
  return pairs.sort();
};
const filled = (route) => route.replace('{kind}', 'identity').replace(/\{[^}]+\}/g, 'x');

test('the server\'s moderator routes are exactly those documented in openapi.json', () => {
  assert.ok(routes.length >= 20);
  assert.deepEqual(routes.map((route) => `${route.method} ${route.path}`).sort(), documented());
  // Only login goes without a session; every state change but login needs the CSRF token.
  for (const route of routes) {
    assert.equal(route.session, route.path !== '/api/v1/mod/login', route.path);
    assert.equal(route.csrf, route.session && route.method !== 'GET', `${route.method} ${route.path}`);
  }
});

test('every moderator route refuses without a session', async () => {
  for (const route of routes.filter((r) => r.session)) {
    const body = route.method === 'GET' ? {} : { json: {} };
    const reply = await call(server.url, route.method, filled(route.path), body);
    assert.equal(reply.status, 401, `${route.method} ${route.path}: ${reply.status} ${reply.text}`);
    assert.equal(reply.body.error.code, 'not_signed_in');
    // A forged or expired cookie is no session either.
    const forged = await call(server.url, route.method, filled(route.path), { ...body, headers: { cookie: `parley_mod=${'A'.repeat(43)}` } });
    assert.equal(forged.status, 401, `${route.method} ${route.path} (forged cookie)`);
  }
});

test('every state-changing moderator route refuses without the CSRF token', async () => {
  for (const route of routes.filter((r) => r.csrf)) {
    for (const csrf of [undefined, 'wrong']) {
      const headers = { cookie: session.cookie, ...(csrf ? { 'x-parley-csrf': csrf } : {}) };
      const reply = await call(server.url, route.method, filled(route.path), { json: {}, headers });
      assert.equal(reply.status, 403, `${route.method} ${route.path}: ${reply.status} ${reply.text}`);
      assert.equal(reply.body.error.code, 'csrf_failed');
    }
  }
});

test('moderator routes answer only the server\'s own origin, without CORS headers', async () => {
  const own = await call(server.url, 'GET', '/api/v1/mod/session', { headers: { cookie: session.cookie, origin: server.url } });
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('access-control-allow-origin'), null);
  const foreign = await call(server.url, 'GET', '/api/v1/mod/session', { headers: { cookie: session.cookie, origin: 'https://evil.example' } });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.body.error.code, 'origin_not_allowed');
  const preflight = await fetch(`${server.url}/api/v1/mod/logout`, { method: 'OPTIONS', headers: { origin: server.url, 'access-control-request-method': 'POST' } });
  assert.equal(preflight.status, 403);
});

test('the session cookie is HttpOnly, SameSite=Strict, and Secure except for plain http on loopback', async () => {
  const local = await call(server.url, 'POST', '/api/v1/mod/login', { json: { name: 'Auth', password: PASSWORD } });
  const cookie = local.headers.get('set-cookie');
  assert.match(cookie, /^parley_mod=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
  const proxied = await call(server.url, 'POST', '/api/v1/mod/login', { json: { name: 'Auth', password: PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
  assert.match(proxied.headers.get('set-cookie'), /; Secure$/);
  const logout = await call(server.url, 'POST', '/api/v1/mod/logout', { headers: { cookie: proxied.headers.get('set-cookie').split(';')[0], 'x-parley-csrf': proxied.body.csrfToken } });
  assert.equal(logout.status, 204);
  assert.match(logout.headers.get('set-cookie'), /^parley_mod=; .*Max-Age=0/);
  const after = await call(server.url, 'GET', '/api/v1/mod/session', { headers: { cookie: proxied.headers.get('set-cookie').split(';')[0] } });
  assert.equal(after.status, 401);
});

test('the dashboard is served with a strict Content-Security-Policy and no framing', async () => {
  const page = await fetch(`${server.url}/admin/`);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'/);
  assert.equal(page.headers.get('x-frame-options'), 'DENY');
});
