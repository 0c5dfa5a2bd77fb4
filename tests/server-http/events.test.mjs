// Live updates over server-sent events from the real server: new, edited and removed comments
// arrive, a reconnecting browser resumes from Last-Event-ID, idle streams get keep-alives, and
// SIGTERM ends open streams and the process promptly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, postComment } from './server.mjs';

let server;

before(async () => {
  server = await startServer({ env: { PARLEY_EVENTS_KEEP_ALIVE_SECONDS: '1' } });
});

after(async () => {
  await server.stop();
  await server.cleanup();
});

// Opens an event stream and parses it as it arrives: `events` fills with {id, event, data}.
async function openStream(url, headers = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const stream = { response, events: [], raw: '', ended: false };
  const decoder = new TextDecoder();
  stream.done = (async () => {
    try {
      for await (const chunk of response.body) {
        stream.raw += decoder.decode(chunk, { stream: true });
        let boundary;
        while ((boundary = stream.raw.indexOf('\n\n')) >= 0) {
          const block = stream.raw.slice(0, boundary);
          stream.raw = stream.raw.slice(boundary + 2);
          const event = { comments: [] };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(':');
              event[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
            }
          }
          stream.events.push(event);
        }
      }
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
    stream.ended = true;
  })();
  stream.close = () => controller.abort();
  stream.waitFor = async (predicate, what, timeout = 5000) => {
    const start = Date.now();
    while (Date.now() - start < timeout) {
      const found = stream.events.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(stream.events)}`);
  };
  return stream;
}

test('a new comment, its edit and its removal arrive as events', async () => {
  const stream = await openStream(`${server.url}/api/v1/threads/live/events`);
  assert.equal(stream.response.status, 200);
  assert.match(stream.response.headers.get('content-type'), /^text\/event-stream/);
  assert.equal(stream.response.headers.get('cache-control'), 'no-cache');
  await stream.waitFor((e) => e.comments.includes('connected'), 'the greeting');

  const posted = await postComment(server.url, 'live', 'Breaking: *news*', { name: 'Reporter' });
  const created = await stream.waitFor((e) => e.event === 'created', 'created');
  assert.deepEqual(JSON.parse(created.data).comment, posted.comment);
  assert.ok(Number(created.id) > 0);

  await postComment(server.url, 'another-thread', 'not for this stream');
  const edit = await call(server.url, 'PATCH', `/api/v1/comments/${posted.comment.id}`, {
    json: { body: 'Breaking: *update*' }, headers: { 'x-parley-edit-token': posted.editToken } });
  assert.equal(edit.status, 200);
  const edited = await stream.waitFor((e) => e.event === 'edited', 'edited');
  assert.equal(JSON.parse(edited.data).comment.body, 'Breaking: *update*');

  const removal = await call(server.url, 'DELETE', `/api/v1/comments/${posted.comment.id}`, {
    headers: { 'x-parley-edit-token': posted.editToken } });
  assert.equal(removal.status, 204);
  const removed = await stream.waitFor((e) => e.event === 'removed', 'removed');
  assert.equal(JSON.parse(removed.data).comment.id, posted.comment.id);
  assert.equal(JSON.parse(removed.data).comment.body, '');

  assert.ok(!stream.events.some((e) => e.data?.includes('not for this stream')), 'other threads stay out');
  await stream.waitFor((e) => e.comments.includes('keep-alive'), 'a keep-alive');
  stream.close();
  await stream.done;
});

test('a reconnecting browser resumes after its Last-Event-ID', async () => {
  const first = await openStream(`${server.url}/api/v1/threads/resume/events`);
  await first.waitFor((e) => e.comments.includes('connected'), 'the greeting');
  await postComment(server.url, 'resume', 'one');
  const seen = await first.waitFor((e) => e.event === 'created', 'the first event');
  first.close();
  await first.done;
  await postComment(server.url, 'resume', 'two');
  await postComment(server.url, 'resume', 'three');
  const resumed = await openStream(`${server.url}/api/v1/threads/resume/events`, { 'last-event-id': seen.id });
  await resumed.waitFor((e) => e.event === 'created' && e.data.includes('three'), 'the missed events');
  const bodies = resumed.events.filter((e) => e.event === 'created').map((e) => JSON.parse(e.data).comment.body);
  assert.deepEqual(bodies, ['two', 'three']);
  resumed.close();
  await resumed.done;

  const stale = await openStream(`${server.url}/api/v1/threads/resume/events?lastEventId=1`);
  await stale.waitFor((e) => e.event === 'reset', 'a reset for an id from before this process');
  stale.close();
  await stale.done;
});

test('SIGTERM ends open streams and the process promptly', async () => {
  const own = await startServer();
  const stream = await openStream(`${own.url}/api/v1/threads/t/events`);
  await stream.waitFor((e) => e.comments.includes('connected'), 'the greeting');
  const started = Date.now();
  const { code } = await own.stop();
  await stream.done;
  assert.equal(code, 0);
  assert.ok(stream.ended);
  assert.ok(Date.now() - started < 4000, `stopped in ${Date.now() - started} ms`);
  assert.match(own.stderr(), /"msg":"shutting down","signal":"SIGTERM"/);
  await own.cleanup();
});
