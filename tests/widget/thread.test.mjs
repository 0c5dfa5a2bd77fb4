// Threads in the WebAssembly core: the shared corpus (tests/corpus/threads.json, also run by
// the GoogleTest suite), byte-identity with `parley thread`, and hostile data from the XSS corpora.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { root } from '../support/paths.mjs';
import { runParley } from '../support/native.mjs';
import { createCore } from '../support/core.mjs';
import { loadXssPayloads } from '../support/xss-corpus.mjs';
import { unsafeParts } from '../support/html-safety.mjs';
import { packThreadStrings, threadStringsFolder } from '../support/thread-strings.mjs';

const corpus = JSON.parse(readFileSync(path.join(root, 'tests/corpus/threads.json'), 'utf8'));
const core = await createCore();

const articleOrder = (html) => [...html.matchAll(/data-parley-id="([^"]*)"/g)].map((m) => m[1]);

function renderBoth(comments, options) {
  const commentsJson = JSON.stringify(comments);
  const optionsJson = options === undefined ? '' : JSON.stringify(options);
  const native = runParley(optionsJson ? ['thread', '--options', optionsJson] : ['thread'], commentsJson);
  let wasm;
  let wasmError;
  try {
    wasm = core.renderThread(commentsJson, optionsJson);
  } catch (error) {
    wasmError = error;
  }
  return { native, wasm, wasmError };
}

// The comments as Parley's API serves them: each body also rendered (`bodyHtml`), which is
// what the reading module shows instead of rendering markup itself.
const served = (comments) =>
  Array.isArray(comments)
    ? comments.map((comment) =>
        comment && typeof comment == 'object' && typeof comment.body == 'string' ? { ...comment, bodyHtml: core.renderMarkup(comment.body) } : comment,
      )
    : comments;

// The options as the widget passes them to the reading module: with the thread's words from
// the reader's language pack under any given ones.
function withPackStrings(options) {
  if (typeof options?.lang != 'string' || (options.strings !== undefined && typeof options.strings != 'object')) return options ?? '';
  const pack = packThreadStrings(options.lang);
  return pack ? { ...options, strings: { ...pack, ...options.strings } } : options;
}

for (const entry of corpus) {
  test(`corpus: ${entry.name}`, () => {
    const { native, wasm, wasmError } = renderBoth(entry.comments, entry.options);
    if (entry.expect.error) {
      assert.equal(native.code, 1, native.stderr);
      assert.match(native.stderr, new RegExp(entry.expect.error.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.ok(wasmError, 'the WebAssembly core must throw too');
      assert.ok(wasmError.message.includes(entry.expect.error), wasmError.message);
      assert.throws(() => core.renderServedThread(JSON.stringify(served(entry.comments)), entry.options ?? ''), { message: wasmError.message });
      return;
    }
    assert.equal(wasmError, undefined);
    assert.equal(native.code, 0, native.stderr);
    assert.equal(wasm, native.stdout, 'native and WebAssembly output differ');
    // The reader's module, over the served comments and with the language pack's strings, gives
    // the same bytes.
    assert.equal(core.renderServedThread(JSON.stringify(served(entry.comments)), withPackStrings(entry.options)), wasm, 'served differs');
    if (entry.expect.order) assert.deepEqual(articleOrder(wasm), entry.expect.order);
    for (const text of entry.expect.contains ?? []) assert.ok(wasm.includes(text), `missing ${text}\n${wasm}`);
    for (const text of entry.expect.absent ?? []) assert.ok(!wasm.includes(text), `present ${text}\n${wasm}`);
    assert.deepEqual(unsafeParts(wasm, { thread: true }), []);
  });
}

test('renderThread takes values as well as JSON text', () => {
  const comments = corpus[0].comments;
  assert.equal(core.renderThread(comments, { sort: 'newest' }), core.renderThread(JSON.stringify(comments), '{"sort":"newest"}'));
});

test('CLI flags mean the same as the options object', () => {
  const comments = JSON.stringify(corpus.find((c) => c.name.startsWith('page 2')).comments);
  const flags = runParley(['thread', '--sort', 'newest', '--page', '2', '--page-size', '2', '--lang', 'ru', '--numbered'], comments);
  assert.equal(flags.code, 0, flags.stderr);
  assert.equal(flags.stdout, core.renderThread(comments, { sort: 'newest', page: 2, pageSize: 2, lang: 'ru', numbered: true }));
});

test('CLI usage errors exit 2 with a message', () => {
  for (const args of [['thread', '--sort', 'hot'], ['thread', '--page', 'two'], ['thread', '--page'], ['thread', '--options', '[1]']]) {
    const result = runParley(args, '[]');
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.stderr, /^parley thread: /);
  }
  const bad = runParley(['thread'], '{not json');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /comments: .* at byte \d+/);
});

test('every XSS payload as name, website, id and body stays inert in both builds', () => {
  const payloads = loadXssPayloads();
  assert.ok(payloads.length > 500, `only ${payloads.length} payloads found`);
  // One thread per 50 payloads keeps the native process count low while covering them all.
  for (let start = 0; start < payloads.length; start += 50) {
    const comments = payloads.slice(start, start + 50).flatMap(({ payload }, i) => [
      { id: payload, parent: null, author: { name: payload, website: payload, badges: [payload] }, body: payload, created: '2020-10-22T10:00:00Z', status: 'published' },
      { id: `r${i}`, parent: payload, author: { name: payload }, body: 'reply', created: '2020-10-22T11:00:00Z' },
    ]);
    const { native, wasm } = renderBoth(comments, { maxDepth: 1, lang: payloads[start].payload });
    assert.equal(native.code, 0, native.stderr);
    assert.equal(wasm, native.stdout);
    assert.equal(core.renderServedThread(served(comments), { maxDepth: 1, lang: payloads[start].payload }), wasm);
    assert.deepEqual(unsafeParts(wasm, { thread: true }), [], `payloads ${start}..${start + 49}`);
  }
});

test('a 10,000-comment thread renders in one call, identically in both builds', () => {
  const comments = [];
  for (let i = 0; i < 10000; i++) {
    comments.push({ id: `c${i}`, parent: i % 4 ? `c${i - 1 - (i % 3)}` : null, author: { name: `Reader ${i % 97}` }, body: `Comment *${i}*`, created: new Date(Date.UTC(2020, 9, 22) + i * 1000).toISOString(), score: { up: i % 13, down: i % 5 } });
  }
  const { native, wasm } = renderBoth(comments, { sort: 'best' });
  assert.equal(wasm, native.stdout);
  assert.equal(articleOrder(wasm).length, 10000);
});

test("the reading module words a thread in every language from the pack's strings, as the native build does from its catalog", async () => {
  const folder = threadStringsFolder;
  const languages = readdirSync(folder).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));
  assert.ok(languages.length >= 7, languages.join(' '));
  // Enough to show every message: a pinned comment, a collapsed branch, an orphan, a deleted
  // parent with a live reply, a held comment seen by its author, badges and an edit.
  const comments = served([
    { id: 'a', parent: null, author: { name: 'Ann', badges: ['staff', 'verified', 'moderator'] }, body: 'one', created: '2020-10-22T01:00:00Z', edited: '2020-10-22T02:00:00Z', pinned: true, score: { up: 3, down: 1 } },
    ...[1, 2, 3, 4, 5].map((i) => ({ id: `r${i}`, parent: 'a', author: { name: `R${i}` }, body: 'reply', created: `2020-10-22T0${i}:30:00Z` })),
    { id: 'gone', parent: null, author: { name: '' }, body: '', status: 'deleted', created: '2020-10-22T01:00:00Z' },
    { id: 'live', parent: 'gone', author: { name: '' }, body: 'still here', created: '2020-10-22T03:00:00Z' },
    { id: 'lost', parent: 'nowhere', author: { name: 'Lou' }, body: 'orphan', created: '2020-10-22T04:00:00Z' },
    { id: 'held', parent: null, author: { name: 'Me', id: 'me' }, body: 'mine', status: 'pending', created: '2020-10-22T05:00:00Z' },
    ...Array.from({ length: 3 }, (_, i) => ({ id: `t${i}`, parent: null, author: { name: `T${i}` }, body: 'more', created: `2020-10-23T0${i}:00:00Z` })),
  ]);
  for (const lang of languages) {
    const strings = JSON.parse(readFileSync(path.join(folder, `${lang}.json`), 'utf8'));
    for (const options of [{ lang, collapseAfter: 2, viewer: { authorId: 'me' }, page: 1, pageSize: 4 }, { lang, maxDepth: 1, saidStyle: true, numbered: true }]) {
      const native = runParley(['thread', '--options', JSON.stringify(options)], JSON.stringify(comments));
      assert.equal(native.code, 0, native.stderr);
      assert.equal(core.renderServedThread(comments, { ...options, strings }), native.stdout, lang);
    }
  }
  // Without them it has English words (under the page's language and direction).
  const english = core.renderServedThread(comments, { lang: 'ru' });
  assert.match(english, /lang="ru"/);
  assert.match(english, />Reply</);
});

test('the reading module takes values or JSON text alike, with any characters and JSON.stringify\'s rules for the rest', () => {
  const names = ['Ann 😀', 'Анна', '\ud800 lone', 'tab\there', 'x\u0085y', '𝔘𝔫𝔦', ''];
  const comments = names.map((name, i) => ({
    id: `n${i}`, parent: i ? `n${i - 1}` : null, author: { name, website: undefined, extra: () => 1 },
    body: `**${name}**`, created: '2020-10-22T01:00:00Z', score: { up: i, down: Number.NaN }, pinned: i == 2,
  }));
  const expected = core.renderThread(JSON.stringify(comments), { sort: 'best' });
  const withHtml = served(JSON.parse(JSON.stringify(comments))).map((comment, i) => ({ ...comment, author: comments[i].author, score: comments[i].score }));
  assert.equal(core.renderServedThread(withHtml, { sort: 'best', unused: undefined }), expected);
  assert.equal(core.renderServedThread(JSON.stringify(withHtml), '{"sort":"best"}'), expected);
  assert.throws(() => core.renderServedThread('[1,', ''), SyntaxError);
  assert.throws(() => core.renderServedThread({ not: 'an array' }), /the comments must be a JSON array/);
});
