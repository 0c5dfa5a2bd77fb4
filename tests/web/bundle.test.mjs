// The deployable bundle in build/dist/: every file the contract names is there, and what a
// reader downloads stays within its byte budgets (DESIGN.md; web/budgets.mjs): embed.js at most
// 3 KB gzipped, count.js at most 1 KB, everything needed to show comments at most 35 KB.
// `node bench/size.mjs` prints the full breakdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { dist, root } from '../support/paths.mjs';
import { BUDGETS, PATHS, measure, total } from '../../web/budgets.mjs';

const sizes = await measure(dist);
const breakdown = (files) => files.map((file) => `${file} ${sizes[file]?.gzip} B`).join(' + ');

test('build/dist holds the loader, widget, reading and writing modules, iframe page, counts, CSS and the dashboard', async () => {
  const files = [
    'embed.js', 'parley-embed-frame.js', 'parley-widget.js', 'parley-interact.js', 'parley-core.mjs', 'parley-core.wasm', 'parley-compose.wasm',
    'parley-compose-node.wasm', 'parley.css', 'count.js',
    'parley-frame.html', 'parley-frame.js', 'parley-lang-ru.js', 'parley-lang-ar.js', 'parley-lang-hy.js',
    'admin/index.html', 'admin/admin.js', 'admin/admin.css',
  ];
  for (const file of files) {
    assert.ok((await readFile(path.join(dist, file))).length > 0, file);
  }
});

test('embed.js is at most 3 KB gzipped', () => {
  const size = sizes['embed.js'].gzip;
  assert.ok(size <= BUDGETS['embed.js'], `embed.js is ${size} B gzipped`);
});

test('count.js is at most 1 KB gzipped', () => {
  const size = sizes['count.js'].gzip;
  assert.ok(size <= BUDGETS['count.js'], `count.js is ${size} B gzipped`);
});

test('the loader and the widget (JS and CSS) are at most 16 KB gzipped, leaving 19 KB for the core', () => {
  const size = total(sizes, PATHS.widget);
  assert.ok(size <= BUDGETS.widget, `${size} B gzipped: ${breakdown(PATHS.widget)}`);
});

test('everything a reader loads to show comments is at most 35 KB gzipped', () => {
  const size = total(sizes, PATHS.reader);
  assert.ok(size <= BUDGETS.reader, `${size} B gzipped: ${breakdown(PATHS.reader)}`);
});

// Outside English the reader also loads a language pack (the widget's words and the thread's).
test('a reader in any other language also loads at most 35 KB to show comments', () => {
  for (const pack of Object.keys(sizes).filter((file) => file.startsWith('parley-lang-') && !file.endsWith('-interact.js'))) {
    const files = [...PATHS.reader, pack];
    const size = total(sizes, files);
    assert.ok(size <= BUDGETS.reader, `${size} B gzipped: ${breakdown(files)}`);
  }
});

test('showing comments never loads the writing module; writing does', () => {
  for (const [name, files] of Object.entries(PATHS)) {
    assert.equal(files.includes('parley-compose.wasm'), name.startsWith('writer'), name);
  }
  assert.ok(sizes['parley-compose.wasm'].gzip > 0);
});

test('the widget loads no more than one language pack, and English none', async () => {
  const widget = await readFile(path.join(dist, 'parley-widget.js'), 'utf8');
  // The packs are separate files fetched by name; none is bundled into the widget.
  assert.ok(!widget.includes('Отправить комментарий'));
  assert.ok(widget.includes('parley-lang-'));
});

test('embed.js defines no globals of its own on a page without its script tag', async () => {
  // Run it against a bare window with no script tag: it must return quietly and add nothing.
  const code = await readFile(path.join(dist, 'embed.js'), 'utf8');
  const window = { document: { currentScript: null, querySelector: () => null } };
  window.window = window;
  const before = Object.keys(window).sort();
  vm.runInNewContext(code, window);
  assert.deepEqual(Object.keys(window).sort(), before);
});

test('the widget carries no composer behaviour or report and delete forms: they come in parley-interact.js', async () => {
  const widget = await readFile(path.join(dist, 'parley-widget.js'), 'utf8');
  const write = await readFile(path.join(dist, 'parley-interact.js'), 'utf8');
  // Selecting a reason's words in the textarea (the verdict) and reading the chosen report
  // reason happen only in the interaction chunk.
  for (const marker of ['setSelectionRange', ':checked']) {
    assert.ok(!widget.includes(marker), `parley-widget.js has ${marker}`);
    assert.ok(write.includes(marker), `parley-interact.js lacks ${marker}`);
  }
  assert.ok(widget.includes('parley-interact.js'));
});

test('each language pack is split in two: the words to show comments, and those the interaction chunk needs', async () => {
  const { default: interactionEnglish } = await import(pathToFileURL(path.join(root, 'web/widget/interact-strings.js')).href);
  const interactionKeys = Object.keys(interactionEnglish);
  const packs = (await readdir(path.join(root, 'web/widget/lang'))).map((file) => file.slice(0, -3));
  for (const code of packs) {
    const source = (await import(pathToFileURL(path.join(root, 'web/widget/lang', `${code}.js`)).href)).default;
    const reading = (await import(pathToFileURL(path.join(dist, `parley-lang-${code}.js`)).href)).default;
    const interaction = (await import(pathToFileURL(path.join(dist, `parley-lang-${code}-interact.js`)).href)).default;
    assert.deepEqual(Object.keys(interaction).sort(), interactionKeys.filter((key) => key in source).sort(), code);
    for (const key of Object.keys(source)) {
      assert.equal((key in reading) + (key in interaction), 1, `${code}.${key} is in exactly one half`);
      assert.deepEqual(reading[key] ?? interaction[key], source[key], `${code}.${key}`);
    }
  }
});
