// Bad requests against the real server: each gets a 4xx JSON error with a clear message, none
// a 5xx, and the server stays up. Also tokens (forged, expired), rate limits, CORS and Origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startServer, call, postComment, GENEROUS_LIMITS } from './server.mjs';

const SIGN_IN_SECRET = 'shared-with-the-newsroom';
let server;
let base;

before(async () => {
  server = await startServer({
    env: {
      ...GENEROUS_LIMITS,
      PARLEY_ORIGINS: 'https://news.example',
      PARLEY_SIGN_IN_SECRET: SIGN_IN_SECRET,
      PARLEY_BODY_LIMIT: '8192',
    },
  });
  base = server.url;
});

after(async () => {
  const { code } = await server.stop();
  assert.equal(code, 0, 'the server exits cleanly on SIGTERM');
  await server.cleanup();
});

// Every answer in this file goes through here: a client mistake is never a 5xx.
async function expectError(method, path, options, status, code) {
  const reply = await call(base, method, path, options);
  assert.equal(reply.status, status, `${method} ${path}: ${reply.text}`);
  assert.ok(reply.body?.error, `${method} ${path}: JSON error body, got ${reply.text}`);
  if (code) assert.equal(reply.body.error.code, code);
  assert.equal(typeof reply.body.error.message, 'string');
  assert.ok(reply.body.error.message.length > 10, 'the message says what was wrong');
  return reply;
}

function signIn(claims, secret = SIGN_IN_SECRET) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const COMMENTS = '/api/v1/threads/errors/comments';

test('malformed JSON, wrong types and missing fields are 400 with the field named', async () => {
  await expectError('POST', COMMENTS, { body: '{"body": ', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json');
  await expectError('POST', COMMENTS, { body: '[]', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json');
  await expectError('POST', COMMENTS, { body: '', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json');
  const wrongType = await expectError('POST', COMMENTS, { json: { body: 42, author: { name: 'A' } } }, 400, 'invalid_request');
  assert.match(wrongType.body.error.message, /'body'/);
  const nested = await expectError('POST', COMMENTS, { json: { body: 'x', author: { name: { first: 'A' } } } }, 400, 'invalid_request');
  assert.match(nested.body.error.message, /author\.name/);
  await expectError('POST', COMMENTS, { json: { body: 'x', author: 'A' } }, 400, 'invalid_request');
  await expectError('POST', COMMENTS, { json: { body: 'x' } }, 400, 'invalid_request');
  await expectError('POST', COMMENTS, { json: { body: 'x', author: { name: '' } } }, 400, 'invalid_name');
  await expectError('POST', COMMENTS, { json: { body: 'x', author: { name: 'y'.repeat(65) } } }, 400, 'invalid_name');
  await expectError('POST', COMMENTS, { json: { body: 'x', author: { name: 'A', email: 'not-an-email' } } }, 400, 'invalid_email');
  await expectError('POST', COMMENTS, { json: { body: 'x', author: { name: 'A', website: 'javascript:alert(1)' } } }, 400, 'invalid_website');
  await expectError('POST', COMMENTS, { json: { body: ' \n ', author: { name: 'A' } } }, 400, 'empty_body');
  await expectError('POST', '/api/v1/comments/whatever/vote', { json: { value: 'up' } }, 400, 'invalid_request');
  await expectError('POST', '/api/v1/comments/whatever/vote', { json: { value: 7 } }, 400, 'invalid_vote');
  await expectError('POST', '/api/v1/comments/whatever/flag', { json: { reason: 'dislike' } }, 400, 'invalid_reason');
  await expectError('GET', '/api/v1/threads/errors/comments?limit=1000', {}, 400, 'invalid_parameter');
  await expectError('GET', '/api/v1/threads/errors/comments?sort=random', {}, 400, 'invalid_parameter');
  await expectError('GET', '/api/v1/threads/errors/comments?cursor=garbage', {}, 400, 'invalid_cursor');
  await expectError('GET', '/api/v1/counts', {}, 400, 'invalid_parameter');
});

test('invalid UTF-8 and escaped lone surrogates are refused', async () => {
  const bytes = Buffer.concat([Buffer.from('{"body": "'), Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from('", "author": {"name": "A"}}')]);
  await expectError('POST', COMMENTS, { body: bytes, headers: { 'content-type': 'application/json' } }, 400, 'invalid_utf8');
  await expectError('POST', COMMENTS, { body: '{"body": "\\ud800", "author": {"name": "A"}}', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json');
  const badName = Buffer.concat([Buffer.from('{"body": "x", "author": {"name": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}}')]);
  await expectError('POST', COMMENTS, { body: badName, headers: { 'content-type': 'application/json' } }, 400, 'invalid_utf8');
  // Invalid UTF-8 in a thread id (percent-encoded in the path).
  await expectError('GET', '/api/v1/threads/%C3%28/comments', {}, 400, 'invalid_thread');
  await expectError('GET', `/api/v1/threads/${'x'.repeat(300)}/comments`, {}, 400, 'invalid_thread');
});

test('oversized bodies are 413 and the server stays up', async () => {
  const big = JSON.stringify({ body: 'x'.repeat(20000), author: { name: 'A' } });
  await expectError('POST', COMMENTS, { body: big, headers: { 'content-type': 'application/json' } }, 413, 'body_too_large');
  await expectError('PATCH', '/api/v1/comments/any', { body: big, headers: { 'content-type': 'application/json' } }, 413, 'body_too_large');
  const health = await call(base, 'GET', '/healthz');
  assert.equal(health.status, 200);
});

test('only JSON is accepted for state changes', async () => {
  await expectError('POST', COMMENTS, { body: 'body=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type');
  await expectError('POST', COMMENTS, { body: '{"body":"hi","author":{"name":"A"}}', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type');
});

test('unknown threads read as empty; unknown comments and parents are 404', async () => {
  const empty = await call(base, 'GET', '/api/v1/threads/no-such-thread/comments');
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.body.comments, []);
  assert.equal(empty.body.thread.count, 0);
  await expectError('POST', COMMENTS, { json: { body: 'x', author: { name: 'A' }, parent: 'nope' } }, 404, 'parent_not_found');
  const elsewhere = await postComment(base, 'other-thread', 'in another thread');
  await expectError('POST', COMMENTS, { json: { body: 'x', author: { name: 'A' }, parent: elsewhere.comment.id } }, 404, 'parent_not_found');
  await expectError('PATCH', '/api/v1/comments/nope', { json: { body: 'x' }, headers: { 'x-parley-edit-token': 'x' } }, 404, 'comment_not_found');
  await expectError('DELETE', '/api/v1/comments/nope', {}, 404, 'comment_not_found');
  await expectError('POST', '/api/v1/comments/nope/vote', { json: { value: 1 } }, 404, 'comment_not_found');
  await expectError('GET', '/api/v1/nowhere', {}, 404, 'not_found');
  await expectError('GET', '/no-such-file.js', {}, 404, 'not_found');
  const wrongMethod = await expectError('PUT', '/api/v1/threads/a/comments', { json: {} }, 405, 'method_not_allowed');
  assert.equal(wrongMethod.headers.get('allow'), 'GET, POST');
});

test('missing and forged tokens are 401; other authors are 403', async () => {
  const posted = await postComment(base, 'tokens', 'mine');
  const id = posted.comment.id;
  await expectError('PATCH', `/api/v1/comments/${id}`, { json: { body: 'edit' } }, 401, 'missing_credentials');
  await expectError('DELETE', `/api/v1/comments/${id}`, {}, 401, 'missing_credentials');
  await expectError('PATCH', `/api/v1/comments/${id}`, { json: { body: 'edit' }, headers: { 'x-parley-edit-token': 'forged' } }, 403, 'forbidden');
  const forgedAuthor = posted.authorToken.slice(0, -3) + 'AAA';
  await expectError('POST', COMMENTS, { json: { body: 'x', author: { name: 'A' } }, headers: { 'x-parley-author': forgedAuthor } }, 401, 'invalid_author_token');
  await expectError('PATCH', `/api/v1/comments/${id}`, { json: { body: 'edit' }, headers: { 'x-parley-author': forgedAuthor } }, 401, 'invalid_author_token');
  const other = await postComment(base, 'tokens', 'someone else');
  await expectError('DELETE', `/api/v1/comments/${id}`, { headers: { 'x-parley-author': other.authorToken } }, 403, 'forbidden');
  const edited = await call(base, 'PATCH', `/api/v1/comments/${id}`, { json: { body: 'edited' }, headers: { 'x-parley-edit-token': posted.editToken } });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.comment.body, 'edited');
  assert.ok(edited.body.comment.edited);
  await expectError('POST', `/api/v1/comments/${id}/vote`, { json: { value: 1 }, headers: { 'x-parley-author': posted.authorToken } }, 403, 'own_comment');
});

test('sign-in tokens: valid ones name the author, expired and forged ones are 401', async () => {
  const valid = signIn({ sub: 'acct-1', name: 'Newsroom Editor', email: 'ed@news.example', exp: now() + 600, badges: ['staff'] });
  const posted = await call(base, 'POST', COMMENTS, { json: { body: 'From the newsroom' }, headers: { authorization: `Bearer ${valid}` } });
  assert.equal(posted.status, 201, posted.text);
  assert.equal(posted.body.comment.author.name, 'Newsroom Editor');
  assert.deepEqual(posted.body.comment.author.badges, ['verified', 'staff']);
  assert.ok(!posted.text.includes('ed@news.example'), 'the email is never shown');
  const expired = signIn({ sub: 'acct-1', name: 'E', exp: now() - 3600 });
  await expectError('POST', COMMENTS, { json: { body: 'x' }, headers: { authorization: `Bearer ${expired}` } }, 401, 'token_expired');
  const forged = signIn({ sub: 'acct-1', name: 'E', exp: now() + 600 }, 'guessed-secret');
  await expectError('POST', COMMENTS, { json: { body: 'x' }, headers: { authorization: `Bearer ${forged}` } }, 401, 'invalid_token');
  const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'a', exp: now() + 60 })).toString('base64url')}.`;
  await expectError('POST', COMMENTS, { json: { body: 'x' }, headers: { authorization: `Bearer ${none}` } }, 401, 'invalid_token');
  await expectError('POST', COMMENTS, { json: { body: 'x' }, headers: { authorization: 'Basic dXNlcjpwYXNz' } }, 401, 'invalid_token');
});

test('CORS: allowed origins are answered, others refused; no Origin means a non-browser client', async () => {
  const preflight = await fetch(base + COMMENTS, {
    method: 'OPTIONS',
    headers: { origin: 'https://news.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://news.example');
  assert.match(preflight.headers.get('access-control-allow-methods'), /PATCH/);
  const refusedPreflight = await fetch(base + COMMENTS, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
  assert.equal(refusedPreflight.status, 403);
  await expectError('POST', COMMENTS, { json: { body: 'csrf', author: { name: 'A' } }, headers: { origin: 'https://evil.example' } }, 403, 'origin_not_allowed');
  const allowed = await call(base, 'POST', COMMENTS, { json: { body: 'from the publisher', author: { name: 'A' } }, headers: { origin: 'https://news.example' } });
  assert.equal(allowed.status, 201);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://news.example');
  assert.match(allowed.headers.get('access-control-expose-headers'), /X-Parley-Author/);
  const sameOrigin = await call(base, 'POST', COMMENTS, { json: { body: 'from the demo page', author: { name: 'A' } }, headers: { origin: base } });
  assert.equal(sameOrigin.status, 201);
  const noOrigin = await call(base, 'POST', COMMENTS, { json: { body: 'from curl', author: { name: 'A' } } });
  assert.equal(noOrigin.status, 201);
  const read = await call(base, 'GET', COMMENTS, { headers: { origin: 'https://evil.example' } });
  assert.equal(read.status, 200);
  assert.equal(read.headers.get('access-control-allow-origin'), null);
});

test('a burst of hostile requests leaves the server healthy', async () => {
  for (let batch = 0; batch < 5; batch++) {
    const attempts = [];
    for (let i = batch * 10; i < batch * 10 + 10; i++) {
      attempts.push(call(base, 'POST', COMMENTS, { body: '{"body":'.repeat(i), headers: { 'content-type': 'application/json' } }));
      attempts.push(call(base, 'GET', `/api/v1/threads/${'%FF'.repeat(i % 5)}x/comments?limit=${i}`));
      attempts.push(call(base, 'PATCH', `/api/v1/comments/${'a'.repeat(i)}`, { json: { body: null } }));
    }
    for (const reply of await Promise.all(attempts)) {
      assert.ok(reply.status < 500, `no 5xx: ${reply.status} ${reply.text}`);
    }
  }
  // Nesting far deeper than any comment needs is still only a 400.
  const deep = '['.repeat(3000) + ']'.repeat(3000);
  const nested = await call(base, 'POST', COMMENTS, { body: deep, headers: { 'content-type': 'application/json' } });
  assert.equal(nested.status, 400);
  assert.equal((await call(base, 'GET', '/healthz')).status, 200);
});

test('rate limits answer 429 with Retry-After', async (t) => {
  const limited = await startServer({ env: { PARLEY_LIMIT_COMMENTS_PER_IDENTITY: '2/60', PARLEY_LIMIT_COMMENTS_PER_IP: '3/60' } });
  t.after(async () => { await limited.stop(); await limited.cleanup(); });
  const first = await postComment(limited.url, 'busy', 'one');
  await postComment(limited.url, 'busy', 'two', { headers: { 'x-parley-author': first.authorToken } });
  const third = await call(limited.url, 'POST', '/api/v1/threads/busy/comments', {
    json: { body: 'three', author: { name: 'A' } }, headers: { 'x-parley-author': first.authorToken },
  });
  assert.equal(third.status, 429);
  assert.equal(third.body.error.code, 'rate_limited');
  const retryAfter = Number(third.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  assert.equal(third.body.error.retryAfter, retryAfter);
  // A new identity from the same address runs into the per-address limit instead.
  await postComment(limited.url, 'busy', 'four');
  const fifth = await call(limited.url, 'POST', '/api/v1/threads/busy/comments', { json: { body: 'five', author: { name: 'B' } } });
  assert.equal(fifth.status, 429);
  const metrics = await call(limited.url, 'GET', '/metrics');
  assert.match(metrics.text, /parley_rate_limited_total [1-9]/);
});
