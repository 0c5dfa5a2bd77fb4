// The deployable bundle in build/dist/: every file the contract names is there, and the loader
// stays within its byte budget (DESIGN.md: embed.js at most 3 KB gzipped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import vm from 'node:vm';
import { dist } from '../support/paths.mjs';

const gzipSize = async (file) => gzipSync(await readFile(path.join(dist, file)), { level: 9 }).length;

test('build/dist holds the loader, the core module, the .wasm and the CSS', async () => {
  for (const file of ['embed.js', 'parley-core.mjs', 'parley-core.wasm', 'parley.css']) {
    assert.ok((await readFile(path.join(dist, file))).length > 0, file);
  }
});

test('embed.js is at most 3 KB gzipped', async () => {
  const size = await gzipSize('embed.js');
  assert.ok(size <= 3 * 1024, `embed.js is ${size} B gzipped`);
});

test('embed.js defines no globals of its own on the host page', async () => {
  // Run it against a bare window with no script tag: it must return quietly and add nothing.
  const code = await readFile(path.join(dist, 'embed.js'), 'utf8');
  const window = { document: { currentScript: null, querySelector: () => null } };
  window.window = window;
  const before = Object.keys(window).sort();
  vm.runInNewContext(code, window);
  assert.deepEqual(Object.keys(window).sort(), before);
});
