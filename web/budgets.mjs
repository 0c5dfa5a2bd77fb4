// The byte budgets of what a reader's browser downloads (DESIGN.md), and how to measure a
// bundle against them. Used by tests/web/bundle.test.mjs (which fails past a budget) and by
// bench/size.mjs (which prints the breakdown). Sizes are gzip -9, as servers send them.
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

export const KB = 1024;

export const BUDGETS = {
  'embed.js': 3 * KB,
  'count.js': 1 * KB,
  // Everything the browser loads to show comments: loader, widget (JS with its CSS), core.
  reader: 35 * KB,
  // The loader and the widget's share of it, which leaves the core (.wasm) the other 19 KB.
  widget: 16 * KB,
};

// The files behind each way a reader gets comments. The widget carries its stylesheet and the
// core's JS wrapper; an English page loads no language pack.
export const PATHS = {
  widget: ['embed.js', 'parley-widget.js'],
  reader: ['embed.js', 'parley-widget.js', 'parley-core.wasm'],
  'reader, other language': ['embed.js', 'parley-widget.js', 'parley-core.wasm', 'parley-lang-ru.js'],
  'iframe fallback': ['embed.js', 'parley-embed-frame.js', 'parley-frame.html', 'parley-frame.js', 'parley-core.wasm'],
  // Once a reader starts writing (the composer gets focus), the writing module follows.
  // The interaction chunk (composer behaviour, actions, live updates) comes after the thread shows.
  'writer (after composer focus)': ['embed.js', 'parley-widget.js', 'parley-core.wasm', 'parley-interact.js', 'parley-compose.wasm'],
  'index page counts': ['count.js'],
};

// {file: {raw, gzip}} for every file of the bundle.
export async function measure(dist) {
  const sizes = {};
  // Files at the top only: admin/ (the moderation dashboard) is not what readers load.
  const files = (await readdir(dist, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  for (const file of files.sort()) {
    const bytes = await readFile(path.join(dist, file));
    sizes[file] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  return sizes;
}

export const total = (sizes, files) => files.reduce((sum, file) => sum + (sizes[file]?.gzip ?? NaN), 0);
