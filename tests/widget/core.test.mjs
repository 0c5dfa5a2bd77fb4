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

test('the .wasm asks the host for nothing beyond the two imports the loader provides', async () => {
  const module = await WebAssembly.compile(await readFile(path.join(dist, 'parley-core.wasm')));
  const imports = WebAssembly.Module.imports(module).map(({ module: m, name }) => `${m}.${name}`);
  const provided = ['wasi_snapshot_preview1.proc_exit', 'env.emscripten_notify_memory_growth'];
  for (const name of imports) assert.ok(provided.includes(name), `unexpected import ${name}`);
  const exports = WebAssembly.Module.exports(module).map(({ name }) => name);
  for (const name of ['memory', 'parley_alloc', 'parley_free', 'parley_version']) {
    assert.ok(exports.includes(name), `missing export ${name}`);
  }
});

test('a missing .wasm is a clear error, not a hang', async () => {
  await assert.rejects(createCore({ wasmUrl: 'file:///nonexistent/parley-core.wasm' }), /ENOENT/);
});
