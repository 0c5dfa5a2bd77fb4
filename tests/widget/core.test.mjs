// The WebAssembly core as a Node program sees it: build/dist/parley-core.mjs loads with no help
// from the caller, and what crosses the bridge equals what the native program prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist } from '../support/paths.mjs';
import { runParley } from '../support/native.mjs';
import { createCore } from '../support/core.mjs';

test('createCore() loads the .wasm next to the module with no options', async () => {
  const core = await createCore();
  assert.match(core.version(), /^\d+\.\d+\.\d+$/);
});

test('version() equals `parley --version` of the native build', async () => {
  const core = await createCore();
  const native = runParley(['--version']);
  assert.equal(native.code, 0);
  assert.equal(core.version() + '\n', native.stdout);
});

test('createCore() accepts the bytes or a compiled module', async () => {
  const bytes = await readFile(path.join(dist, 'parley-core.wasm'));
  const fromBytes = await createCore({ wasmBinary: bytes });
  const fromModule = await createCore({ wasmModule: await WebAssembly.compile(bytes) });
  assert.equal(fromBytes.version(), fromModule.version());
});

const exportsOf = async (file) =>
  WebAssembly.Module.exports(await WebAssembly.compile(await readFile(path.join(dist, file)))).map(({ name }) => name);

test('each .wasm asks the host for nothing beyond the two imports the loader provides', async () => {
  for (const file of ['parley-core.wasm', 'parley-compose.wasm', 'parley-compose-node.wasm']) {
    const module = await WebAssembly.compile(await readFile(path.join(dist, file)));
    const imports = WebAssembly.Module.imports(module).map(({ module: m, name }) => `${m}.${name}`);
    const provided = ['wasi_snapshot_preview1.proc_exit', 'env.emscripten_notify_memory_growth'];
    for (const name of imports) assert.ok(provided.includes(name), `${file}: unexpected import ${name}`);
    const exports = WebAssembly.Module.exports(module).map(({ name }) => name);
    for (const name of ['memory', 'parley_alloc', 'parley_free', 'parley_version']) {
      assert.ok(exports.includes(name), `${file}: missing export ${name}`);
    }
  }
});

test('the reading core renders served threads only; markup, policy and threads from markup are in the writing module', async () => {
  const read = await exportsOf('parley-core.wasm');
  const compose = await exportsOf('parley-compose.wasm');
  assert.deepEqual(read.filter((name) => name.startsWith('parley_render') || name.startsWith('parley_check')), ['parley_render_served_thread']);
  for (const name of ['parley_render_markup', 'parley_render_thread', 'parley_check_policy']) {
    assert.ok(compose.includes(name), name);
  }
  assert.ok(!compose.includes('parley_render_served_thread'));
});

test('a result handed over without a copy stays readable until freed, and a second one is copied', async () => {
  // The raw ABI (widget/bridge.h), as parley-core.mjs drives it, but holding two results.
  const module = await WebAssembly.compile(await readFile(path.join(dist, 'parley-compose.wasm')));
  const { exports } = await WebAssembly.instantiate(module, {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: { proc_exit(code) { throw new Error(`exit ${code}`); } },
  });
  exports._initialize?.();
  const render = (markup) => {
    const bytes = new TextEncoder().encode(markup);
    const block = exports.parley_alloc(12 + bytes.length);
    new Uint8Array(exports.memory.buffer, block + 12, bytes.length).set(bytes);
    exports.parley_render_markup(block + 12, bytes.length, block);
    const [data, size, failed] = new Uint32Array(exports.memory.buffer, block, 3);
    exports.parley_free(block);
    assert.equal(failed, 0);
    return { data, read: () => new TextDecoder().decode(new Uint8Array(exports.memory.buffer, data, size)) };
  };
  const first = render('*one*');
  const second = render('**two**');
  assert.notEqual(first.data, second.data);
  assert.equal(first.read(), '<p><em>one</em></p>\n');
  assert.equal(second.read(), '<p><strong>two</strong></p>\n');
  exports.parley_free(second.data);
  exports.parley_free(first.data);
  const third = render('three');  // the held slot is free again
  assert.equal(third.read(), '<p>three</p>\n');
  exports.parley_free(third.data);
});

test('large answers cross as UTF-16 or Latin-1 in Node, with the same text as the native program prints', async () => {
  // In Node the loader has the writing module convert a large answer with non-ASCII text to
  // UTF-16, which Buffer copies into a string; a large ASCII answer Buffer copies as it is, as
  // Latin-1; small ones are decoded as UTF-8. Every case must give the native program's bytes:
  // every script, astral characters (surrogate pairs), U+FFFD itself, and text that ends
  // exactly at or after the size limit.
  const core = await createCore();
  const conversions = [];
  const toString = Buffer.prototype.toString;
  Buffer.prototype.toString = function (encoding, ...rest) {
    if (encoding === 'ucs2' || encoding === 'latin1') conversions.push([encoding, this.length]);
    return toString.call(this, encoding, ...rest);
  };
  try {
    const line = 'Mothers & Heroes \u2014 \u0540\u0561\u0575\u0561\u057D\u057F\u0561\u0576, \u0420\u043E\u0441\u0441\u0438\u044F, \u0627\u0644\u0639\u0631\u0628\u064A\u0629 \u{1F600}\u{1F1E6}\u{1F1F2} \uFFFD *x*';
    const wide = Array.from({ length: 1200 }, (_, i) => `${i}. ${line}`).join('\n\n');
    const ascii = Array.from({ length: 3000 }, (_, i) => `${i}. Plain *text* & <tags>`).join('\n\n');
    const nativeHtml = [wide, ascii, line].map((markup) => {
      const native = runParley(['render'], markup);
      assert.equal(native.code, 0, native.stderr);
      assert.equal(core.renderMarkup(markup), native.stdout);
      return native.stdout;
    });
    // The large answer with non-ASCII text took the UTF-16 way (two bytes per code unit), the
    // large ASCII one the Latin-1 way (its bytes as they are), the short one neither.
    assert.equal(conversions.length, 2, JSON.stringify(conversions));
    assert.equal(conversions[0][0], 'ucs2');
    assert.ok(conversions[0][1] > 1 << 16, String(conversions[0][1]));
    assert.deepEqual(conversions[1], ['latin1', Buffer.byteLength(nativeHtml[1])]);
  } finally {
    Buffer.prototype.toString = toString;
  }
});

test('a missing .wasm is a clear error, not a hang', async () => {
  await assert.rejects(createCore({ wasmUrl: 'file:///nonexistent/parley-core.wasm' }), /ENOENT/);
  await assert.rejects(createCore({ composeWasmUrl: 'file:///nonexistent/parley-compose.wasm' }), /ENOENT/);
});

test("compose: 'lazy' loads the writing module on request, with the same answers", async () => {
  const eager = await createCore();
  const lazy = await createCore({ compose: 'lazy' });
  assert.equal(eager.composerLoaded, true);
  assert.equal(lazy.composerLoaded, false);
  // Reading served threads works at once; writing says what to do instead of guessing.
  const served = JSON.stringify([{ id: 'a', parent: null, author: { name: 'Ann' }, body: '*hi*', bodyHtml: eager.renderMarkup('*hi*'), created: '2026-01-01T00:00:00Z' }]);
  assert.equal(lazy.renderServedThread(served), eager.renderThread(served));
  assert.throws(() => lazy.checkPolicy('you idiot'), /writing module is not loaded/);
  assert.throws(() => lazy.renderMarkup('*hi*'), /writing module is not loaded/);
  assert.throws(() => lazy.renderThread(served), /writing module is not loaded/);
  // Concurrent requests share one load.
  await Promise.all([lazy.loadComposer(), lazy.loadComposer()]);
  assert.equal(lazy.composerLoaded, true);
  assert.equal(lazy.renderMarkup('*hi*'), eager.renderMarkup('*hi*'));
  for (const text of ['you idiot', 'A fine article.', 'f.u.c.k this', 'ты идиот']) {
    assert.equal(lazy.checkPolicyJson(text, null, 'ru'), eager.checkPolicyJson(text, null, 'ru'), text);
  }
});

test('a writing module that cannot load rejects loadComposer, and a later call tries again', async () => {
  const core = await createCore({ compose: 'lazy', composeWasmUrl: 'file:///nonexistent/parley-compose.wasm' });
  await assert.rejects(core.loadComposer(), /ENOENT/);
  assert.equal(core.composerLoaded, false);
  assert.throws(() => core.checkPolicy('hello'), /not loaded/);
  // The failure is not remembered: the next call fetches again (and fails again here).
  await assert.rejects(core.loadComposer(), /ENOENT/);
});

test('a module that is not the writing module is refused when loaded, not when first used', async () => {
  const core = await createCore({ compose: 'lazy', composeWasmBinary: await readFile(path.join(dist, 'parley-core.wasm')) });
  await assert.rejects(core.loadComposer(), /not the writing module/);
  assert.equal(core.composerLoaded, false);
});

test("the reading module's memory starts over after every call: rendering again needs no more", async () => {
  // The reading module's allocator (widget/call_arena.cpp) frees everything at the end of a call;
  // catch its instance to read the size of its memory.
  const instantiate = WebAssembly.instantiate;
  let instance;
  WebAssembly.instantiate = async (...args) => {
    const made = await instantiate(...args);
    instance ??= made;
    return made;
  };
  let core;
  try {
    core = await createCore({ compose: 'lazy' });
  } finally {
    WebAssembly.instantiate = instantiate;
  }
  const comments = Array.from({ length: 3000 }, (_, i) => ({
    id: `c${i}`, parent: i % 3 ? `c${i - 1}` : null, author: { name: `Reader ${i}` },
    body: 'x', bodyHtml: `<p>comment ${i} ${'word '.repeat(i % 50)}</p>\n`, created: '2020-10-22T01:00:00Z', score: { up: i % 7, down: i % 3 },
  }));
  const first = core.renderServedThread(comments, { sort: 'best' });
  const size = instance.exports.memory.buffer.byteLength;
  for (let i = 0; i < 30; i++) assert.equal(core.renderServedThread(comments, { sort: i % 2 ? 'best' : 'newest' }).length > 0, true);
  assert.equal(core.renderServedThread(comments, { sort: 'best' }), first);
  assert.equal(instance.exports.memory.buffer.byteLength, size, 'memory grew across calls');
});
