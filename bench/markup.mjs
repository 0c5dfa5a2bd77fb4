// Markup rendering speed: the Parley core in WebAssembly against markdown-it, marked and md4w
// (md4c in WebAssembly, both of its builds) in this same Node process, on the same inputs:
// the CommonMark spec examples, the seed article's reader comments and 1,492 Wikipedia
// talk-page comments. Every renderer gets one comment per call, as a comment section does.
// Prints MB/s of input and Parley's speed as a multiple of each peer's (>1: Parley is faster).
//
//   node bench/markup.mjs            (PARLEY_DIST selects another bundle than build/dist)
//   MD4W=small node bench/markup.mjs (md4w's size-optimised build, ~28 KB gzipped, instead of
//                                     its default 'fast' one, ~270 KB gzipped)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import * as md4w from 'md4w';
import { parseCsv } from './lib/csv.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.env.PARLEY_DIST || path.join(root, 'build/dist'));
const shared = path.resolve(root, '../shared');
const { createCore } = await import(pathToFileURL(path.join(dist, 'parley-core.mjs')).href);


async function datasets() {
  const spec = JSON.parse(await readFile(path.join(shared, 'corpora/commonmark/spec.json'), 'utf8'));
  // The seed's reader comments: each starts with "N. NAME said:"; indentation is the page's.
  const seed = await readFile(path.join(shared, 'seed/news-article-with-comments.txt'), 'utf8');
  const comments = seed
    .split(/\n\s*\d+\.\s+[^\n]*said:\n/)
    .slice(1)
    .map((comment) => comment.replace(/^ {4}/gm, '').trim());
  const csv = parseCsv(await readFile(path.join(shared, 'corpora/toxicity/wikipedia-toxicity-testset.csv'), 'utf8'));
  const wikipedia = csv.slice(1).map((row) => row[1]).filter((text) => text !== undefined);
  return [
    ['CommonMark spec examples', spec.map(({ markdown }) => markdown)],
    ['seed article comments', comments],
    ['Wikipedia talk comments', wikipedia],
  ];
}

// The browsers' writing module (built for size), which a reader's preview and policy feedback
// run; under Node, createCore() would take Node's, built for speed (bench/thread compares them).
const core = await createCore({ composeWasmBinary: await readFile(path.join(dist, 'parley-compose.wasm')) });
const markdownIt = new MarkdownIt({ linkify: true, breaks: true });
const md4wMode = process.env.MD4W === 'small' ? 'small' : 'fast';
await md4w.init(md4wMode);
const renderers = [
  ['parley (wasm)', (text) => core.renderMarkup(text)],
  ['markdown-it', (text) => markdownIt.render(text)],
  ['marked', (text) => marked.parse(text, { breaks: true, gfm: true })],
  [`md4w ${md4wMode}`, (text) => md4w.mdToHtml(text)],
];

// The best of several timed rounds, each long enough to swamp the timer.
function megabytesPerSecond(render, inputs, bytes) {
  for (const text of inputs) render(text);  // warm up (JIT, wasm tiers)
  let best = Infinity;
  for (let round = 0; round < 5; ++round) {
    let repetitions = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    do {
      for (const text of inputs) render(text);
      ++repetitions;
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    } while (elapsed < 0.3);
    best = Math.min(best, elapsed / repetitions);
  }
  return bytes / best / 1e6;
}

const sets = await datasets();
const table = [];
for (const [name, inputs] of sets) {
  const bytes = inputs.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const speeds = renderers.map(([, render]) => megabytesPerSecond(render, inputs, bytes));
  table.push({ name, count: inputs.length, bytes, speeds });
}

const pad = (text, width) => String(text).padStart(width);
console.log(`Markup rendering, MB/s of input (best of 5 rounds), Node ${process.version}`);
console.log(`${'input'.padEnd(26)}${pad('docs', 6)}${pad('KB', 7)}` +
  renderers.map(([name]) => pad(name, 15)).join('') +
  renderers.slice(1).map(([name]) => pad(`vs ${name}`, 16)).join(''));
for (const { name, count, bytes, speeds } of table) {
  console.log(`${name.padEnd(26)}${pad(count, 6)}${pad((bytes / 1024).toFixed(0), 7)}` +
    speeds.map((speed) => pad(speed.toFixed(1), 15)).join('') +
    speeds.slice(1).map((speed) => pad(`${(speeds[0] / speed).toFixed(2)}x`, 16)).join(''));
}
