// Server-side HTML: hostile display names and bodies from ../shared/corpora/xss/ come out inert,
// and GET .../html is byte for byte what the WebAssembly core renders from the JSON API's
// comments with the same options.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, allComments, GENEROUS_LIMITS } from './server.mjs';
import { createCore } from '../support/core.mjs';
import { loadXssPayloads } from '../support/xss-corpus.mjs';
import { unsafeParts } from '../support/html-safety.mjs';
import { packThreadStrings } from '../support/thread-strings.mjs';

const THREAD = 'hostile/names';
let server;
let core;
let accepted = 0;
let published = 0;

// A display name is at most 64 characters: longer payloads are cut to fit, which keeps
// them hostile (an unterminated tag or attribute is no kinder).
const asName = (payload) => [...payload.replace(/\s+/g, ' ').trim()].slice(0, 64).join('');

before(async () => {
  server = await startServer({ env: { ...GENEROUS_LIMITS, PARLEY_POLICY: '' } });
  core = await createCore();
  const payloads = loadXssPayloads();
  let parent = null;
  // Posted in parallel batches; every fifth one replies to the one before, so nesting and
  // "in reply to NAME" lines carry hostile names too.
  for (let start = 0; start < payloads.length; start += 25) {
    const batch = payloads.slice(start, start + 25).map(async ({ payload }, offset) => {
      const name = asName(payload);
      if (!name) return;
      const reply = await call(server.url, 'POST', `/api/v1/threads/${encodeURIComponent(THREAD)}/comments`, {
        json: { body: payload, author: { name, website: 'https://example.com/?q=' + encodeURIComponent(payload.slice(0, 100)) },
          ...((start + offset) % 5 === 4 && parent ? { parent } : {}) },
      });
      assert.ok([201, 422].includes(reply.status), `${reply.status} ${reply.text}`);
      if (reply.status === 201) {
        accepted++;
        if (reply.body.comment.status === 'published') published++;
        if ((start + offset) % 5 === 3) parent = reply.body.comment.id;
      }
    });
    await Promise.all(batch);
  }
});

after(async () => {
  await server.stop();
  await server.cleanup();
});

test('hostile names and bodies are posted', () => {
  assert.ok(accepted > 1000, `accepted ${accepted} hostile comments`);
});

test('the server-rendered thread contains nothing outside the allowlist', async () => {
  for (const query of ['', '?sort=newest', '?sort=best&lang=ru', '?page=2']) {
    const page = await call(server.url, 'GET', `/api/v1/threads/${encodeURIComponent(THREAD)}/html${query}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.match(page.headers.get('content-security-policy'), /default-src 'none'/);
    assert.deepEqual(unsafeParts(page.text, { thread: true }), [], `query ${query}`);
    assert.ok(!/<script/i.test(page.text));
  }
});

test('server HTML equals the WebAssembly core rendering the API comments', async () => {
  const comments = await allComments(server.url, THREAD);
  // Comments the policy held for review are not public (nor are their replies' parents shown
  // other than as placeholders).
  assert.ok(comments.length >= published && comments.length <= accepted);
  for (const options of [{ sort: 'oldest', lang: 'en' }, { sort: 'newest', lang: 'ru' },
    { sort: 'best', lang: 'hy' }, { sort: 'oldest', lang: 'en', page: 3 },
    { sort: 'oldest', lang: 'en', maxDepth: 2, collapseAfter: 1 }, { sort: 'newest', lang: 'ru', collapseAfter: 1 }, { sort: 'best', lang: 'en', collapseAfter: 0 }]) {
    const query = new URLSearchParams(Object.entries(options).map(([k, v]) => [k, String(v)]));
    const page = await call(server.url, 'GET', `/api/v1/threads/${encodeURIComponent(THREAD)}/html?${query}`);
    assert.equal(page.status, 200);
    const wasm = core.renderThread(JSON.stringify(comments), JSON.stringify(options));
    assert.ok(page.text === wasm, `byte-identical for ${JSON.stringify(options)} (${page.text.length} vs ${wasm.length} bytes)`);
    // What a reader's browser renders: the reading module over the served bodies, with the
    // language pack's words.
    const served = core.renderServedThread(comments, { ...options, strings: packThreadStrings(options.lang) });
    assert.ok(page.text === served, `served byte-identical for ${JSON.stringify(options)}`);
    // The layout options reach the core: collapsed branches show "N more replies" (0: none).
    assert.equal(page.text.includes('parley-more-replies'), options.collapseAfter > 0, JSON.stringify(options));
  }
});

test('every comment comes with its body rendered by the core, and hidden ones with none', async () => {
  const comments = await allComments(server.url, THREAD);
  let withLinks = 0;
  for (const comment of comments) {
    assert.equal(comment.bodyHtml, comment.status == 'deleted' ? '' : core.renderMarkup(comment.body), comment.id);
    if (comment.bodyHtml.includes('<a ')) withLinks++;
  }
  assert.ok(withLinks > 0, 'some hostile bodies render links');
});

test('layout options out of the core\'s ranges are a 400 with the allowed range', async () => {
  for (const [query, range] of [['maxDepth=0', '1 to 64'], ['maxDepth=65', '1 to 64'], ['collapseAfter=-1', '0 to 1000000'],
    ['collapseAfter=x', '0 to 1000000']]) {
    const page = await call(server.url, 'GET', `/api/v1/threads/${encodeURIComponent(THREAD)}/html?${query}`);
    assert.equal(page.status, 400, query);
    assert.equal(page.body.error.code, 'invalid_parameter');
    assert.ok(page.body.error.message.includes(range), page.body.error.message);
  }
});

test('placeholders for deleted comments render the same on both sides', async () => {
  const thread = 'with-deletions';
  const post = async (body, parent) => (await call(server.url, 'POST', `/api/v1/threads/${thread}/comments`, {
    json: { body, author: { name: 'N.ohanian' }, ...(parent ? { parent } : {}) } })).body;
  const root = await post('A poem\nwith lines');
  const reply = await post('A reply', root.comment.id);
  await post('A reply to the reply', reply.comment.id);
  const gone = await call(server.url, 'DELETE', `/api/v1/comments/${root.comment.id}`, { headers: { 'x-parley-edit-token': root.editToken } });
  assert.equal(gone.status, 204);
  const comments = await allComments(server.url, thread);
  assert.equal(comments[0].status, 'deleted');
  const page = await call(server.url, 'GET', `/api/v1/threads/${thread}/html`);
  assert.equal(page.text, core.renderThread(JSON.stringify(comments), JSON.stringify({ sort: 'oldest', lang: 'en' })));
  assert.ok(!page.text.includes('A poem'));
});

test('an unchanged thread revalidates with 304', async () => {
  const first = await call(server.url, 'GET', `/api/v1/threads/${encodeURIComponent(THREAD)}/html`);
  const again = await fetch(`${server.url}/api/v1/threads/${encodeURIComponent(THREAD)}/html`, {
    headers: { 'if-none-match': first.headers.get('etag') },
  });
  assert.equal(again.status, 304);
});

test('the JSON pages list top-level comments in the same order as the core', async () => {
  const thread = 'ordering';
  const voters = [];
  for (let i = 0; i < 6; i++) voters.push((await call(server.url, 'POST', `/api/v1/threads/${thread}/comments`, {
    json: { body: `voter ${i}`, author: { name: `Voter ${i}` } } })).body.authorToken);
  const ids = [];
  for (let i = 0; i < 24; i++) {
    const reply = await call(server.url, 'POST', `/api/v1/threads/${thread}/comments`, {
      json: { body: `comment ${i}`, author: { name: `Writer ${i}` } } });
    ids.push(reply.body.comment.id);
  }
  // Votes spread so that "best" differs from both time orders, with ties.
  for (const [index, id] of ids.entries()) {
    for (let v = 0; v < voters.length; v++) {
      const value = (index * 7 + v * 3) % 5 === 0 ? -1 : (index + v) % 3 === 0 ? 1 : 0;
      if (value) await call(server.url, 'POST', `/api/v1/comments/${id}/vote`, { json: { value }, headers: { 'x-parley-author': voters[v] } });
    }
  }
  for (const sort of ['oldest', 'newest', 'best']) {
    const fromPages = [];
    let cursor = null;
    do {
      const query = new URLSearchParams({ sort, limit: '7', ...(cursor ? { cursor } : {}) });
      const page = (await call(server.url, 'GET', `/api/v1/threads/${thread}/comments?${query}`)).body;
      fromPages.push(...page.comments.filter((c) => c.parent === null).map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    const html = (await call(server.url, 'GET', `/api/v1/threads/${thread}/html?sort=${sort}`)).text;
    const fromCore = [...html.matchAll(/data-parley-id="([^"]+)" data-parley-depth="1"/g)].map((m) => m[1]);
    assert.deepEqual(fromPages, fromCore, `sort ${sort}`);
  }
});
