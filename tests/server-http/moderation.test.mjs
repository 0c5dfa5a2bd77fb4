// The moderation API on a real server: sign-in limits, the queue and decisions, what authors
// and other readers see of a rejected comment, bans taking effect at once, closed threads,
// the audit log and the statistics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, postComment, runParleyCommand, GENEROUS_LIMITS } from './server.mjs';

const PASSWORD = 'moderate with care';
let server;
let session;

const mod = (method, pathname, body) =>
  call(server.url, method, `/api/v1/mod${pathname}`, { json: body, headers: { cookie: session.cookie, 'x-parley-csrf': session.csrf } });
const login = (name, password) => call(server.url, 'POST', '/api/v1/mod/login', { json: { name, password } });

before(async () => {
  server = await startServer({ env: { ...GENEROUS_LIMITS, PARLEY_MODERATION: 'pre' } });
  for (const name of ['Ani', 'Limited']) {
    const added = runParleyCommand(['moderator', 'add', name, '--db', server.db], `${PASSWORD}\n`);
    assert.equal(added.code, 0, added.stderr);
  }
  const reply = await login('Ani', PASSWORD);
  assert.equal(reply.status, 200, reply.text);
  session = { cookie: reply.headers.get('set-cookie').split(';')[0], csrf: reply.body.csrfToken };
});

after(async () => {
  await server.stop();
  await server.cleanup();
});

test('moderator accounts: short passwords refused, list without hashes, remove ends sessions', async () => {
  const short = runParleyCommand(['moderator', 'add', 'Tiny', '--db', server.db], 'short\n');
  assert.equal(short.code, 1);
  const listed = runParleyCommand(['moderator', 'list', '--db', server.db]);
  const lines = listed.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((line) => line.name), ['Ani', 'Limited']);
  assert.ok(lines.every((line) => Object.keys(line).join() === 'name,created'));
  runParleyCommand(['moderator', 'add', 'Temp', '--db', server.db], `${PASSWORD}\n`);
  const temp = await login('Temp', PASSWORD);
  const cookie = temp.headers.get('set-cookie').split(';')[0];
  assert.equal((await call(server.url, 'GET', '/api/v1/mod/session', { headers: { cookie } })).status, 200);
  assert.equal(runParleyCommand(['moderator', 'remove', 'Temp', '--db', server.db]).code, 0);
  assert.equal((await call(server.url, 'GET', '/api/v1/mod/session', { headers: { cookie } })).status, 401);
});

test('a held comment is approved: published for everyone, audited', async () => {
  const posted = await postComment(server.url, 'approve-me', 'Held until a moderator looks.');
  assert.equal(posted.comment.status, 'pending');
  assert.deepEqual(posted.comment.moderation, { reason: 'mode', note: null });
  const queue = await mod('GET', '/queue?kind=held&thread=approve-me');
  assert.equal(queue.body.items.length, 1);
  assert.equal(queue.body.items[0].bodyHtml, '<p>Held until a moderator looks.</p>\n');
  assert.equal(queue.body.items[0].comment.heldBecause, 'mode');
  const approved = await mod('POST', `/comments/${posted.comment.id}/approve`);
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.body.comment.status, 'published');
  const page = await call(server.url, 'GET', '/api/v1/threads/approve-me/comments');
  assert.deepEqual(page.body.comments.map((comment) => comment.id), [posted.comment.id]);
  const audit = await mod('GET', '/audit?limit=50');
  assert.ok(audit.body.entries.some((entry) => entry.action === 'approve' && entry.target === posted.comment.id && entry.moderator === 'Ani'));
});

test('a rejected comment shows its reason to its author and to nobody else', async () => {
  const posted = await postComment(server.url, 'reject-me', 'You are all wrong.');
  const rejected = await mod('POST', `/comments/${posted.comment.id}/reject`, { reason: 'personal_attack', note: 'Argue with the points.' });
  assert.equal(rejected.status, 200, rejected.text);
  assert.deepEqual(rejected.body.comment.moderation.reason, 'personal_attack');
  const own = await call(server.url, 'GET', '/api/v1/threads/reject-me/comments', { headers: { 'x-parley-author': posted.authorToken } });
  assert.equal(own.body.comments.length, 1);
  assert.equal(own.body.comments[0].status, 'rejected');
  assert.deepEqual(own.body.comments[0].moderation, { reason: 'personal_attack', note: 'Argue with the points.' });
  const other = await postComment(server.url, 'elsewhere', 'another reader');
  for (const headers of [{}, { 'x-parley-author': other.authorToken }]) {
    const page = await call(server.url, 'GET', '/api/v1/threads/reject-me/comments', { headers });
    assert.deepEqual(page.body.comments, []);
  }
  const html = await call(server.url, 'GET', '/api/v1/threads/reject-me/html');
  assert.doesNotMatch(html.text, /all wrong|Argue/);
  const queue = await mod('GET', '/queue?kind=rejected&thread=reject-me');
  assert.equal(queue.body.items[0].comment.moderation.note, 'Argue with the points.');
});

test('a ban from the dashboard takes effect at once, and lifting it too', async () => {
  const posted = await postComment(server.url, 'ban-me', 'first');
  const headers = { 'x-parley-author': posted.authorToken };
  const banned = await mod('POST', '/bans', { kind: 'identity', value: posted.comment.author.id, reason: 'spam', days: 3 });
  assert.equal(banned.status, 201, banned.text);
  assert.ok(banned.body.ban.expires);
  const refused = await call(server.url, 'POST', '/api/v1/threads/ban-me/comments', { json: { body: 'again', author: { name: 'X' } }, headers });
  assert.equal(refused.status, 403);
  // Three days: a suspension, which tells the reader when it ends.
  assert.equal(refused.body.error.code, 'suspended');
  assert.equal(refused.body.error.until, banned.body.ban.expires);
  const person = await mod('GET', `/people/${posted.comment.author.id}`);
  assert.equal(person.body.comments[0].thread, 'ban-me');
  assert.equal(person.body.bans.length, 1);
  // By address: the hash a comment's private data shows.
  const ipBan = await mod('POST', '/bans', { kind: 'ip', value: `hash:${person.body.comments[0].private.ipHash}` });
  assert.equal(ipBan.status, 201);
  const anyone = await call(server.url, 'POST', '/api/v1/threads/ban-me/comments', { json: { body: 'from here', author: { name: 'Y' } } });
  assert.equal(anyone.status, 403);
  assert.equal(anyone.body.error.code, 'banned');
  assert.equal(anyone.body.error.until, undefined);
  assert.equal((await mod('DELETE', `/bans/ip/${ipBan.body.ban.value}`)).status, 204);
  assert.equal((await mod('DELETE', `/bans/identity/${posted.comment.author.id}`)).status, 204);
  const allowed = await call(server.url, 'POST', '/api/v1/threads/ban-me/comments', { json: { body: 'again', author: { name: 'X' } }, headers });
  assert.equal(allowed.status, 201, allowed.text);
});

test('thread settings: closed threads refuse comments, per-thread mode overrides the site', async () => {
  assert.equal((await mod('PATCH', '/threads/closing', { closed: true })).status, 200);
  const refused = await call(server.url, 'POST', '/api/v1/threads/closing/comments', { json: { body: 'late', author: { name: 'Z' } } });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'thread_closed');
  const settings = await mod('PATCH', '/threads/open-thread', { moderation: 'post' });
  assert.equal(settings.body.moderation, 'post');
  const posted = await postComment(server.url, 'open-thread', 'published at once');
  assert.equal(posted.comment.status, 'published');
  const reset = await mod('PATCH', '/threads/open-thread', { moderation: null });
  assert.equal(reset.body.moderation, null);
  assert.equal((await postComment(server.url, 'open-thread', 'held again')).comment.status, 'pending');
});

test('auto-close: a thread older than its N days refuses comments, a longer N opens it again', async () => {
  // A thread whose first comment is 40 days old, brought in through the import path.
  const created = new Date(Date.now() - 40 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z');
  const file = JSON.stringify({
    parley: 'export', version: 1, exported: created,
    threads: [{ id: 'old-story', created, comments: [{ id: 'old-1', parent: null, author: { name: 'Early' }, body: 'first', created, edited: null, score: { up: 0, down: 0 }, status: 'published', pinned: false }] }],
  });
  const imported = runParleyCommand(['import', '--from', 'json', '-', '--db', server.db], file);
  assert.equal(imported.code, 0, imported.stderr);
  const attempt = () => call(server.url, 'POST', '/api/v1/threads/old-story/comments', { json: { body: 'late to the party', author: { name: 'Late' } } });
  assert.equal((await attempt()).status, 201);
  assert.equal((await mod('PATCH', '/threads/old-story', { autoCloseDays: 30 })).body.autoCloseDays, 30);
  const refused = await attempt();
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'thread_closed');
  assert.equal((await mod('PATCH', '/threads/old-story', { autoCloseDays: 60 })).status, 200);
  assert.equal((await attempt()).status, 201);
});

test('the policy saved by a moderator applies to the next comment and to /api/v1/config', async () => {
  const policy = (await mod('GET', '/policy')).body;
  const bad = await mod('PUT', '/policy', { ...policy, maxLinks: 'lots' });
  assert.equal(bad.status, 400);
  const saved = await mod('PUT', '/policy', { ...policy, banned: ['zorblax'] });
  assert.equal(saved.status, 200, saved.text);
  const config = await call(server.url, 'GET', '/api/v1/config');
  assert.ok(JSON.stringify(config.body.policy).includes('zorblax'));
  const refused = await call(server.url, 'POST', '/api/v1/threads/policy/comments', { json: { body: 'zorblax!', author: { name: 'P' } } });
  assert.equal(refused.status, 422);
  const verdict = await mod('POST', '/policy/test', { body: 'zorblax' });
  assert.equal(verdict.body.action, 'reject');
  const check = runParleyCommand(['check'], 'zorblax');
  assert.notEqual(JSON.stringify(verdict.body), check.stdout.trim());  // the default policy allows it
});

test('statistics count the day\'s comments, held, rejected and flagged', async () => {
  const stats = await mod('GET', '/stats?days=3');
  assert.equal(stats.body.days.length, 3);
  const today = stats.body.days[2];
  assert.equal(today.day, new Date().toISOString().slice(0, 10));
  assert.ok(today.comments >= 6, JSON.stringify(today));
  assert.ok(today.held >= 4 && today.rejected >= 1, JSON.stringify(today));
  assert.deepEqual(Object.keys(stats.body.days[0]).sort(), ['comments', 'day', 'flagged', 'held', 'rejected']);
  const exported = await call(server.url, 'GET', '/api/v1/mod/audit/export', { headers: { cookie: session.cookie } });
  assert.match(exported.headers.get('content-disposition'), /^attachment/);
  assert.ok(exported.body.entries.some((entry) => entry.action === 'ban'));
});

test('more than 5 failed sign-ins per name wait, with Retry-After', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await login('Limited', 'not the password')).status, 401);
  const limited = await login('Limited', PASSWORD);
  assert.equal(limited.status, 429);
  assert.equal(limited.body.error.code, 'too_many_attempts');
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  // An unknown name answers exactly like a wrong password.
  const fresh = await startServer();
  const unknown = await call(fresh.url, 'POST', '/api/v1/mod/login', { json: { name: 'ghost', password: 'whatever it is' } });
  await fresh.stop();
  await fresh.cleanup();
  assert.deepEqual(unknown.body.error.code, 'invalid_credentials');
});
