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
  for (const file of ['parley-core.wasm', 'parley-policy.wasm']) {
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

test('the reading core carries markup and threads, the policy module only the policy', async () => {
  const read = await exportsOf('parley-core.wasm');
  const policy = await exportsOf('parley-policy.wasm');
  assert.ok(read.includes('parley_render_markup') && read.includes('parley_render_thread'));
  assert.ok(!read.includes('parley_check_policy'));
  assert.ok(policy.includes('parley_check_policy'));
  assert.ok(!policy.includes('parley_render_markup') && !policy.includes('parley_render_thread'));
});

test('a missing .wasm is a clear error, not a hang', async () => {
  await assert.rejects(createCore({ wasmUrl: 'file:///nonexistent/parley-core.wasm' }), /ENOENT/);
  await assert.rejects(createCore({ policyWasmUrl: 'file:///nonexistent/parley-policy.wasm' }), /ENOENT/);
});

test("policy: 'lazy' loads the policy module on request, with the same verdicts", async () => {
  const eager = await createCore();
  const lazy = await createCore({ policy: 'lazy' });
  assert.equal(eager.policyLoaded, true);
  assert.equal(lazy.policyLoaded, false);
  // Reading works at once; checking says what to do instead of guessing a verdict.
  assert.equal(lazy.renderMarkup('*hi*'), eager.renderMarkup('*hi*'));
  assert.throws(() => lazy.checkPolicy('you idiot'), /policy module is not loaded/);
  // Concurrent requests share one load.
  await Promise.all([lazy.loadPolicy(), lazy.loadPolicy()]);
  assert.equal(lazy.policyLoaded, true);
  for (const text of ['you idiot', 'A fine article.', 'f.u.c.k this', 'ты идиот']) {
    assert.equal(lazy.checkPolicyJson(text, null, 'ru'), eager.checkPolicyJson(text, null, 'ru'), text);
  }
});

test('a policy module that cannot load rejects loadPolicy, and a later call tries again', async () => {
  const core = await createCore({ policy: 'lazy', policyWasmUrl: 'file:///nonexistent/parley-policy.wasm' });
  await assert.rejects(core.loadPolicy(), /ENOENT/);
  assert.equal(core.policyLoaded, false);
  assert.throws(() => core.checkPolicy('hello'), /not loaded/);
  // The failure is not remembered: the next call fetches again (and fails again here).
  await assert.rejects(core.loadPolicy(), /ENOENT/);
});

test('a module that is not the policy module is refused when loaded, not when first used', async () => {
  const core = await createCore({ policy: 'lazy', policyWasmBinary: await readFile(path.join(dist, 'parley-core.wasm')) });
  await assert.rejects(core.loadPolicy(), /not the policy module/);
  assert.equal(core.policyLoaded, false);
});
