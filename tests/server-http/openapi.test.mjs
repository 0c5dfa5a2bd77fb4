// docs/openapi.json against the running server: every documented operation and status is
// produced by a real request here, and every JSON answer matches its documented schema. (The
// GoogleTest suite checks the other direction: every registered route is documented.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../support/paths.mjs';
import { startServer, call, postComment, runParleyCommand, GENEROUS_LIMITS } from './server.mjs';

const spec = JSON.parse(readFileSync(path.join(root, 'docs/openapi.json'), 'utf8'));
let main;
let tight;
let moderator;  // { cookie, csrf } of a session on `main`
const MOD_PASSWORD = 'a long enough password';

// Signs in as the moderator "Spec"; returns the headers a session's requests carry.
async function signIn(base) {
  const reply = await call(base, 'POST', '/api/v1/mod/login', { json: { name: 'Spec', password: MOD_PASSWORD } });
  assert.equal(reply.status, 200, reply.text);
  return { cookie: reply.headers.get('set-cookie').split(';')[0], csrf: reply.body.csrfToken };
}
// A moderator request on `main`: with the session cookie and (unless `csrf` is false) the token.
const mod = (method, pathname, { json: body, csrf = true } = {}) =>
  call(main.url, method, `/api/v1/mod${pathname}`, {
    json: body,
    headers: { cookie: moderator.cookie, ...(csrf ? { 'x-parley-csrf': moderator.csrf } : {}) },
  });
// A held comment on `main` (the thread is set to pre-moderation first).
async function held(thread = 'spec-held') {
  await mod('PATCH', `/threads/${thread}`, { json: { moderation: 'pre' } });
  return postComment(main.url, thread, 'a comment to moderate');
}

before(async () => {
  main = await startServer({
    env: { ...GENEROUS_LIMITS, PARLEY_ORIGINS: 'https://news.example', PARLEY_BODY_LIMIT: '4096' },
  });
  writeFileSync(path.join(main.dir, 'policy.json'), JSON.stringify({ banned: ['frobnicate'] }));
  // The policy is read at start: restart once with it in place (and a moderator added).
  await main.stop();
  const added = runParleyCommand(['moderator', 'add', 'Spec', '--db', main.db], `${MOD_PASSWORD}\n`);
  assert.equal(added.code, 0, added.stderr);
  main = await startServer({
    dir: main.dir,
    env: { ...GENEROUS_LIMITS, PARLEY_ORIGINS: 'https://news.example', PARLEY_BODY_LIMIT: '4096',
      PARLEY_POLICY: path.join(main.dir, 'policy.json') },
  });
  moderator = await signIn(main.url);
  tight = await startServer({
    env: { PARLEY_LIMIT_COMMENTS_PER_IDENTITY: '1/60', PARLEY_LIMIT_COMMENTS_PER_IP: '100/60',
      PARLEY_LIMIT_ACTIONS_PER_IP: '1/60', PARLEY_LIMIT_READS_PER_IP: '3/60',
      PARLEY_EVENTS_MAX_STREAMS: '0' },
  });
});

after(async () => {
  for (const server of [main, tight]) {
    await server.stop();
    await server.cleanup();
  }
});

// A minimal JSON Schema check for the subset the spec uses; returns problems.
function validate(value, schema, where = '$') {
  if (schema.$ref) schema = schema.$ref.split('/').slice(1).reduce((node, key) => node[key], spec);
  if (value === null) return schema.nullable ? [] : [`${where} is null`];
  const problems = [];
  const type = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (schema.type && schema.type !== type && !(schema.type === 'number' && type === 'integer')) {
    return [`${where} is ${type}, documented ${schema.type}`];
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${where} = ${JSON.stringify(value)} not in enum`);
  if (type === 'object') {
    for (const key of schema.required ?? []) if (!(key in value)) problems.push(`${where}.${key} missing`);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (key in value) problems.push(...validate(value[key], sub, `${where}.${key}`));
    }
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      for (const [key, sub] of Object.entries(value)) problems.push(...validate(sub, schema.additionalProperties, `${where}.${key}`));
    }
  }
  if (type === 'array' && schema.items) value.forEach((item, i) => problems.push(...validate(item, schema.items, `${where}[${i}]`)));
  return problems;
}

// The documented response object for an operation and status, with $refs followed.
function documented(method, route, status) {
  let response = spec.paths[route][method.toLowerCase()].responses[status];
  if (response.$ref) response = response.$ref.split('/').slice(1).reduce((node, key) => node[key], spec);
  return response;
}

// Fresh comments to act on.
async function fresh(base = main.url, thread = 'spec') {
  return postComment(base, thread, 'a comment to act on');
}

const json = (body) => ({ json: body });
const T = '/api/v1/threads/{thread}/comments';
const C = '/api/v1/comments/{id}';

// One request per documented (method, route, status).
const scenarios = {
  [`GET ${T} 200`]: async () => { await fresh(); return call(main.url, 'GET', '/api/v1/threads/spec/comments'); },
  [`GET ${T} 304`]: async () => {
    const first = await call(main.url, 'GET', '/api/v1/threads/spec/comments');
    return call(main.url, 'GET', '/api/v1/threads/spec/comments', { headers: { 'if-none-match': first.headers.get('etag') } });
  },
  [`GET ${T} 400`]: () => call(main.url, 'GET', '/api/v1/threads/spec/comments?limit=0'),
  [`GET ${T} 429`]: async () => {
    let reply;
    for (let i = 0; i < 5; i++) reply = await call(tight.url, 'GET', '/api/v1/threads/t/comments');
    return reply;
  },
  [`POST ${T} 201`]: () => call(main.url, 'POST', '/api/v1/threads/spec/comments', json({ body: 'hello', author: { name: 'A', email: 'a@example.com', website: 'a.example' } })),
  [`POST ${T} 400`]: () => call(main.url, 'POST', '/api/v1/threads/spec/comments', json({ body: 1 })),
  [`POST ${T} 401`]: () => call(main.url, 'POST', '/api/v1/threads/spec/comments', { ...json({ body: 'x', author: { name: 'A' } }), headers: { 'x-parley-author': 'pa1.forged.token' } }),
  [`POST ${T} 403`]: () => call(main.url, 'POST', '/api/v1/threads/spec/comments', { ...json({ body: 'x', author: { name: 'A' } }), headers: { origin: 'https://evil.example' } }),
  [`POST ${T} 404`]: () => call(main.url, 'POST', '/api/v1/threads/spec/comments', json({ body: 'x', author: { name: 'A' }, parent: 'missing' })),
  [`POST ${T} 409`]: async () => {
    const parent = await fresh();
    await call(main.url, 'DELETE', `/api/v1/comments/${parent.comment.id}`, { headers: { 'x-parley-edit-token': parent.editToken } });
    return call(main.url, 'POST', '/api/v1/threads/spec/comments', json({ body: 'x', author: { name: 'A' }, parent: parent.comment.id }));
  },
  [`POST ${T} 413`]: () => call(main.url, 'POST', '/api/v1/threads/spec/comments', json({ body: 'x'.repeat(5000), author: { name: 'A' } })),
  [`POST ${T} 415`]: () => call(main.url, 'POST', '/api/v1/threads/spec/comments', { body: 'body=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  [`POST ${T} 422`]: () => call(main.url, 'POST', '/api/v1/threads/spec/comments', json({ body: 'please frobnicate', author: { name: 'A' } })),
  [`POST ${T} 429`]: async () => {
    const first = await postComment(tight.url, 't', 'one');
    return call(tight.url, 'POST', '/api/v1/threads/t/comments', { ...json({ body: 'two', author: { name: 'A' } }), headers: { 'x-parley-author': first.authorToken } });
  },
  ['GET /api/v1/threads/{thread}/html 200']: () => call(main.url, 'GET', '/api/v1/threads/spec/html'),
  ['GET /api/v1/threads/{thread}/html 304']: async () => {
    const first = await call(main.url, 'GET', '/api/v1/threads/spec/html');
    return call(main.url, 'GET', '/api/v1/threads/spec/html', { headers: { 'if-none-match': first.headers.get('etag') } });
  },
  ['GET /api/v1/threads/{thread}/html 400']: () => call(main.url, 'GET', '/api/v1/threads/spec/html?sort=upside-down'),
  ['GET /api/v1/threads/{thread}/events 200']: async () => {
    const controller = new AbortController();
    const response = await fetch(`${main.url}/api/v1/threads/spec/events`, { signal: controller.signal });
    controller.abort();
    return { status: response.status, headers: response.headers };
  },
  ['GET /api/v1/threads/{thread}/events 400']: () => call(main.url, 'GET', `/api/v1/threads/${'x'.repeat(300)}/events`),
  ['GET /api/v1/threads/{thread}/events 503']: () => call(tight.url, 'GET', '/api/v1/threads/t/events'),
  [`PATCH ${C} 200`]: async () => {
    const posted = await fresh();
    return call(main.url, 'PATCH', `/api/v1/comments/${posted.comment.id}`, { ...json({ body: 'edited' }), headers: { 'x-parley-edit-token': posted.editToken } });
  },
  [`PATCH ${C} 400`]: async () => call(main.url, 'PATCH', `/api/v1/comments/${(await fresh()).comment.id}`, json({ text: 'wrong field' })),
  [`PATCH ${C} 401`]: async () => call(main.url, 'PATCH', `/api/v1/comments/${(await fresh()).comment.id}`, json({ body: 'x' })),
  [`PATCH ${C} 403`]: async () => call(main.url, 'PATCH', `/api/v1/comments/${(await fresh()).comment.id}`, { ...json({ body: 'x' }), headers: { 'x-parley-edit-token': 'wrong' } }),
  [`PATCH ${C} 404`]: () => call(main.url, 'PATCH', '/api/v1/comments/missing', { ...json({ body: 'x' }), headers: { 'x-parley-edit-token': 'x' } }),
  [`PATCH ${C} 409`]: async () => {
    const posted = await fresh();
    const headers = { 'x-parley-edit-token': posted.editToken };
    await call(main.url, 'DELETE', `/api/v1/comments/${posted.comment.id}`, { headers });
    return call(main.url, 'PATCH', `/api/v1/comments/${posted.comment.id}`, { ...json({ body: 'x' }), headers });
  },
  [`PATCH ${C} 413`]: () => call(main.url, 'PATCH', '/api/v1/comments/any', json({ body: 'x'.repeat(5000) })),
  [`PATCH ${C} 415`]: () => call(main.url, 'PATCH', '/api/v1/comments/any', { body: 'x', headers: { 'content-type': 'text/plain' } }),
  [`PATCH ${C} 422`]: async () => {
    const posted = await fresh();
    return call(main.url, 'PATCH', `/api/v1/comments/${posted.comment.id}`, { ...json({ body: 'frobnicate' }), headers: { 'x-parley-edit-token': posted.editToken } });
  },
  [`PATCH ${C} 429`]: async () => {
    const posted = await fresh(tight.url, 'patch');
    const headers = { 'x-parley-edit-token': posted.editToken };
    await call(tight.url, 'PATCH', `/api/v1/comments/${posted.comment.id}`, { ...json({ body: 'one' }), headers });
    return call(tight.url, 'PATCH', `/api/v1/comments/${posted.comment.id}`, { ...json({ body: 'two' }), headers });
  },
  [`DELETE ${C} 204`]: async () => {
    const posted = await fresh();
    return call(main.url, 'DELETE', `/api/v1/comments/${posted.comment.id}`, { headers: { 'x-parley-author': posted.authorToken } });
  },
  [`DELETE ${C} 401`]: async () => call(main.url, 'DELETE', `/api/v1/comments/${(await fresh()).comment.id}`),
  [`DELETE ${C} 403`]: async () => call(main.url, 'DELETE', `/api/v1/comments/${(await fresh()).comment.id}`, { headers: { 'x-parley-edit-token': 'wrong' } }),
  [`DELETE ${C} 404`]: () => call(main.url, 'DELETE', '/api/v1/comments/missing'),
  [`DELETE ${C} 429`]: async () => {
    const one = await fresh(tight.url, 'delete');
    const two = await postComment(tight.url, 'delete', 'two');
    await call(tight.url, 'DELETE', `/api/v1/comments/${one.comment.id}`, { headers: { 'x-parley-edit-token': one.editToken } });
    return call(tight.url, 'DELETE', `/api/v1/comments/${two.comment.id}`, { headers: { 'x-parley-edit-token': two.editToken } });
  },
  ['POST /api/v1/comments/{id}/vote 200']: async () => call(main.url, 'POST', `/api/v1/comments/${(await fresh()).comment.id}/vote`, json({ value: 1 })),
  ['POST /api/v1/comments/{id}/vote 400']: async () => call(main.url, 'POST', `/api/v1/comments/${(await fresh()).comment.id}/vote`, json({ value: 5 })),
  ['POST /api/v1/comments/{id}/vote 401']: async () => call(main.url, 'POST', `/api/v1/comments/${(await fresh()).comment.id}/vote`, { ...json({ value: 1 }), headers: { authorization: 'Bearer not.a.jwt' } }),
  ['POST /api/v1/comments/{id}/vote 403']: async () => {
    const posted = await fresh();
    return call(main.url, 'POST', `/api/v1/comments/${posted.comment.id}/vote`, { ...json({ value: 1 }), headers: { 'x-parley-author': posted.authorToken } });
  },
  ['POST /api/v1/comments/{id}/vote 404']: () => call(main.url, 'POST', '/api/v1/comments/missing/vote', json({ value: 1 })),
  ['POST /api/v1/comments/{id}/vote 413']: () => call(main.url, 'POST', '/api/v1/comments/any/vote', json({ value: 1, padding: 'x'.repeat(5000) })),
  ['POST /api/v1/comments/{id}/vote 415']: () => call(main.url, 'POST', '/api/v1/comments/any/vote', { body: 'value=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  ['POST /api/v1/comments/{id}/vote 429']: async () => {
    const posted = await fresh(tight.url, 'vote');
    await call(tight.url, 'POST', `/api/v1/comments/${posted.comment.id}/vote`, json({ value: 1 }));
    return call(tight.url, 'POST', `/api/v1/comments/${posted.comment.id}/vote`, json({ value: -1 }));
  },
  ['POST /api/v1/comments/{id}/flag 200']: async () => call(main.url, 'POST', `/api/v1/comments/${(await fresh()).comment.id}/flag`, json({ reason: 'spam', note: 'selling things' })),
  ['POST /api/v1/comments/{id}/flag 400']: async () => call(main.url, 'POST', `/api/v1/comments/${(await fresh()).comment.id}/flag`, json({ reason: 'meh' })),
  ['POST /api/v1/comments/{id}/flag 401']: async () => call(main.url, 'POST', `/api/v1/comments/${(await fresh()).comment.id}/flag`, { ...json({ reason: 'spam' }), headers: { 'x-parley-author': 'nonsense' } }),
  ['POST /api/v1/comments/{id}/flag 403']: async () => {
    // A banned reader: banned from the command line while the server runs.
    const banned = await fresh();
    const result = runParleyCommand(['ban', '--db', main.db, '--identity', banned.comment.author.id]);
    assert.equal(result.code, 0, result.stderr);
    const target = await fresh();
    return call(main.url, 'POST', `/api/v1/comments/${target.comment.id}/flag`, { ...json({ reason: 'spam' }), headers: { 'x-parley-author': banned.authorToken } });
  },
  ['POST /api/v1/comments/{id}/flag 404']: () => call(main.url, 'POST', '/api/v1/comments/missing/flag', json({ reason: 'spam' })),
  ['POST /api/v1/comments/{id}/flag 429']: async () => {
    const posted = await fresh(tight.url, 'flag');
    await call(tight.url, 'POST', `/api/v1/comments/${posted.comment.id}/flag`, json({ reason: 'spam' }));
    return call(tight.url, 'POST', `/api/v1/comments/${posted.comment.id}/flag`, json({ reason: 'abuse' }));
  },
  ['GET /api/v1/counts 200']: () => call(main.url, 'GET', '/api/v1/counts?thread=spec&thread=none'),
  ['GET /api/v1/counts 400']: () => call(main.url, 'GET', '/api/v1/counts'),
  ['GET /api/v1/config 200']: () => call(main.url, 'GET', '/api/v1/config'),
  ['GET /healthz 200']: () => call(main.url, 'GET', '/healthz'),
  ['GET /metrics 200']: () => call(main.url, 'GET', '/metrics'),
  ['GET /{file} 200']: () => call(main.url, 'GET', '/parley-core.wasm'),
  ['GET /{file} 304']: async () => {
    const first = await call(main.url, 'GET', '/embed.js');
    return call(main.url, 'GET', '/embed.js', { headers: { 'if-none-match': first.headers.get('etag') } });
  },
  ['GET /{file} 404']: () => call(main.url, 'GET', '/missing.js'),
  ['POST /api/v1/mod/login 200']: () => call(main.url, 'POST', '/api/v1/mod/login', json({ name: 'Spec', password: MOD_PASSWORD })),
  ['POST /api/v1/mod/login 400']: () => call(main.url, 'POST', '/api/v1/mod/login', json({ name: 'Spec' })),
  ['POST /api/v1/mod/login 401']: () => call(main.url, 'POST', '/api/v1/mod/login', json({ name: 'Spec', password: 'wrong password' })),
  ['POST /api/v1/mod/login 429']: async () => {
    let reply;
    for (let i = 0; i < 6; i++) reply = await call(tight.url, 'POST', '/api/v1/mod/login', json({ name: 'nobody', password: 'wrong password' }));
    return reply;
  },
  ['GET /api/v1/mod/session 200']: () => mod('GET', '/session'),
  ['POST /api/v1/mod/logout 204']: async () => {
    const other = await signIn(main.url);
    return call(main.url, 'POST', '/api/v1/mod/logout', { headers: { cookie: other.cookie, 'x-parley-csrf': other.csrf } });
  },
  ['GET /api/v1/mod/routes 200']: () => mod('GET', '/routes'),
  ['GET /api/v1/mod/queue 200']: async () => { await held(); return mod('GET', '/queue?kind=held'); },
  ['GET /api/v1/mod/queue 400']: () => mod('GET', '/queue?kind=everything'),
  ['POST /api/v1/mod/comments/{id}/approve 200']: async () => mod('POST', `/comments/${(await held()).comment.id}/approve`),
  ['POST /api/v1/mod/comments/{id}/approve 404']: () => mod('POST', '/comments/missing/approve'),
  ['POST /api/v1/mod/comments/{id}/approve 409']: async () => {
    const posted = await fresh();
    await mod('POST', `/comments/${posted.comment.id}/delete`);
    return mod('POST', `/comments/${posted.comment.id}/approve`);
  },
  ['POST /api/v1/mod/comments/{id}/reject 200']: async () => mod('POST', `/comments/${(await held()).comment.id}/reject`, { json: { reason: 'off_topic', note: 'Stay on the story.' } }),
  ['POST /api/v1/mod/comments/{id}/reject 400']: async () => mod('POST', `/comments/${(await held()).comment.id}/reject`, { json: { reason: 'ugly' } }),
  ['POST /api/v1/mod/comments/{id}/reject 404']: () => mod('POST', '/comments/missing/reject', { json: { reason: 'spam' } }),
  ['POST /api/v1/mod/comments/{id}/reject 409']: async () => {
    const posted = await fresh();
    await mod('POST', `/comments/${posted.comment.id}/delete`);
    return mod('POST', `/comments/${posted.comment.id}/reject`, { json: { reason: 'spam' } });
  },
  ['POST /api/v1/mod/comments/{id}/delete 200']: async () => mod('POST', `/comments/${(await fresh()).comment.id}/delete`, { json: { reason: 'spam' } }),
  ['POST /api/v1/mod/comments/{id}/delete 404']: () => mod('POST', '/comments/missing/delete'),
  ['POST /api/v1/mod/comments/{id}/delete 409']: async () => {
    const posted = await fresh();
    await mod('POST', `/comments/${posted.comment.id}/delete`);
    return mod('POST', `/comments/${posted.comment.id}/delete`);
  },
  ['POST /api/v1/mod/comments/{id}/pin 200']: async () => mod('POST', `/comments/${(await fresh()).comment.id}/pin`, { json: { pinned: true } }),
  ['POST /api/v1/mod/comments/{id}/pin 400']: async () => mod('POST', `/comments/${(await fresh()).comment.id}/pin`, { json: { pinned: 'yes' } }),
  ['POST /api/v1/mod/comments/{id}/pin 404']: () => mod('POST', '/comments/missing/pin', { json: { pinned: true } }),
  ['POST /api/v1/mod/comments/{id}/pin 409']: async () => {
    const posted = await fresh();
    await mod('POST', `/comments/${posted.comment.id}/delete`);
    return mod('POST', `/comments/${posted.comment.id}/pin`, { json: { pinned: true } });
  },
  ['POST /api/v1/mod/bulk 200']: async () => mod('POST', '/bulk', { json: { ids: [(await held()).comment.id, 'missing'], action: 'approve' } }),
  ['POST /api/v1/mod/bulk 400']: () => mod('POST', '/bulk', { json: { ids: [], action: 'approve' } }),
  ['GET /api/v1/mod/people/{identity} 200']: async () => mod('GET', `/people/${(await fresh()).comment.author.id}`),
  ['GET /api/v1/mod/bans 200']: () => mod('GET', '/bans'),
  ['POST /api/v1/mod/bans 201']: () => mod('POST', '/bans', { json: { kind: 'ip', value: '198.51.100.7', reason: 'spam', days: 7 } }),
  ['POST /api/v1/mod/bans 400']: () => mod('POST', '/bans', { json: { kind: 'planet', value: 'x' } }),
  ['DELETE /api/v1/mod/bans/{kind}/{value} 204']: async () => {
    await mod('POST', '/bans', { json: { kind: 'email', value: 'gone@example.com' } });
    return mod('DELETE', '/bans/email/gone%40example.com');
  },
  ['DELETE /api/v1/mod/bans/{kind}/{value} 404']: () => mod('DELETE', '/bans/identity/nobody'),
  ['GET /api/v1/mod/threads/{thread} 200']: () => mod('GET', '/threads/spec'),
  ['GET /api/v1/mod/threads/{thread} 400']: () => mod('GET', `/threads/${'x'.repeat(300)}`),
  ['PATCH /api/v1/mod/threads/{thread} 200']: () => mod('PATCH', '/threads/spec-closed', { json: { closed: true, autoCloseDays: 30 } }),
  ['PATCH /api/v1/mod/threads/{thread} 400']: () => mod('PATCH', '/threads/spec', { json: { moderation: 'sometimes' } }),
  ['GET /api/v1/mod/policy 200']: () => mod('GET', '/policy'),
  ['PUT /api/v1/mod/policy 200']: async () => mod('PUT', '/policy', { json: (await mod('GET', '/policy')).body }),
  ['PUT /api/v1/mod/policy 400']: () => mod('PUT', '/policy', { json: { maxLinks: 'many' } }),
  ['POST /api/v1/mod/policy/test 200']: () => mod('POST', '/policy/test', { json: { body: 'please frobnicate' } }),
  ['POST /api/v1/mod/policy/test 400']: () => mod('POST', '/policy/test', { json: { text: 'wrong field' } }),
  ['GET /api/v1/mod/audit 200']: () => mod('GET', '/audit?limit=5'),
  ['GET /api/v1/mod/audit 400']: () => mod('GET', '/audit?limit=0'),
  ['GET /api/v1/mod/audit/export 200']: () => mod('GET', '/audit/export'),
  ['GET /api/v1/mod/stats 200']: () => mod('GET', '/stats?days=7'),
  ['GET /api/v1/mod/stats 400']: () => mod('GET', '/stats?days=0'),
  ['GET /api/v1/mod/events 200']: async () => {
    const controller = new AbortController();
    const response = await fetch(`${main.url}/api/v1/mod/events`, { signal: controller.signal, headers: { cookie: moderator.cookie } });
    controller.abort();
    return { status: response.status, headers: response.headers };
  },
};

// Every moderator route refuses without a session (401) and, when it changes state, without
// the CSRF token (403); mod-auth.test.mjs checks the same against the server's own table.
const filled = (route) => route.replace('{kind}', 'identity').replace(/\{[^}]+\}/g, 'x');
for (const [route, operations] of Object.entries(spec.paths)) {
  if (!route.startsWith('/api/v1/mod/') || route === '/api/v1/mod/login') continue;
  for (const [method, operation] of Object.entries(operations)) {
    const upper = method.toUpperCase();
    const withBody = upper === 'GET' ? {} : json({});
    if (operation.responses['401']) scenarios[`${upper} ${route} 401`] = () => call(main.url, upper, filled(route), withBody);
    if (operation.responses['403']) {
      scenarios[`${upper} ${route} 403`] = () => call(main.url, upper, filled(route), { ...withBody, headers: { cookie: moderator.cookie } });
    }
  }
}

function documentedPairs() {
  const pairs = [];
  for (const [route, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (method === 'parameters') continue;
      for (const status of Object.keys(operation.responses)) pairs.push(`${method.toUpperCase()} ${route} ${status}`);
    }
  }
  return pairs;
}

test('every documented status has a scenario, and every scenario is documented', () => {
  assert.deepEqual(Object.keys(scenarios).sort(), documentedPairs().sort());
});

for (const pair of documentedPairs()) {
  test(`${pair} happens as documented`, async () => {
    const [method, route, status] = pair.split(' ');
    const reply = await scenarios[pair]();
    assert.equal(String(reply.status), status, `${pair}: got ${reply.status} ${reply.text ?? ''}`);
    const response = documented(method, route, status);
    const content = response.content ? Object.keys(response.content)[0] : null;
    if (content === 'application/json') {
      assert.match(reply.headers.get('content-type'), /^application\/json/);
      const problems = validate(reply.body, response.content['application/json'].schema);
      assert.deepEqual(problems, [], `${pair}: ${reply.text}`);
    } else if (content) {
      assert.ok(reply.headers.get('content-type').startsWith(content), `${pair}: ${reply.headers.get('content-type')}`);
    }
    for (const header of Object.keys(response.headers ?? {})) {
      if (header === 'X-Parley-Author') continue;  // only when a token was issued
      assert.ok(reply.headers.get(header), `${pair}: header ${header}`);
    }
  });
}
