// bench/size: what a reader's browser downloads, file by file and per way of showing comments,
// against the budgets (web/budgets.mjs) and the peers DESIGN.md names.
// Run: node bench/size.mjs   (PARLEY_DIST=folder for another bundle; ./dev.sh bench runs it)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { dist, root } from '../tests/support/paths.mjs';
import { BUDGETS, PATHS, measure, total } from '../web/budgets.mjs';

const sizes = await measure(dist);
const kb = (bytes) => (Number.isNaN(bytes) ? 'missing' : `${(bytes / 1024).toFixed(1)} KB`);
const row = (...cells) => console.log(`${cells[0].padEnd(26)}${cells.slice(1).map((cell) => String(cell).padStart(14)).join('')}`);

console.log(`Bundle: ${dist}\n`);
row('file', 'raw', 'gzip', 'budget');
for (const [file, { raw, gzip }] of Object.entries(sizes)) {
  row(file, kb(raw), kb(gzip), BUDGETS[file] ? `${kb(BUDGETS[file])}${gzip > BUDGETS[file] ? ' OVER' : ''}` : '');
}

console.log('\nWhat each way of reading loads (gzip):');
for (const [name, files] of Object.entries(PATHS)) {
  const sum = total(sizes, files);
  const budget = BUDGETS[name] ?? (name.startsWith('reader') ? BUDGETS.reader : name.startsWith('index') ? BUDGETS['count.js'] : null);
  row(name, '', kb(sum), budget ? `${kb(budget)}${sum > budget ? ' OVER' : ''}` : '');
  console.log(`    ${files.map((file) => `${file} ${kb(sizes[file]?.gzip ?? 0)}`).join(' + ')}`);
}

// Every language pack's reader path (PATHS names one): the pack is on the way to comments.
const packs = Object.keys(sizes).filter((file) => file.startsWith('parley-lang-') && !file.endsWith('-interact.js'));
console.log('\nReader paths per language pack (gzip):');
for (const pack of packs) {
  const sum = total(sizes, [...PATHS.reader, pack]);
  row(`  ${pack.slice('parley-lang-'.length, -3)}`, '', kb(sum), `${kb(BUDGETS.reader)}${sum > BUDGETS.reader ? ' OVER' : ''}`);
}

const reader = total(sizes, PATHS.reader);
const core = sizes['parley-core.wasm']?.gzip ?? NaN;
console.log(`\nOf the reader's ${kb(reader)}: core (.wasm) ${kb(core)}, loader + widget JS + CSS ${kb(reader - core)}.`);
console.log('\nPeers (DESIGN.md, as published): Isso ~20 KB, Coral loader budget 30 KB, Remark42 ~73 KB, Disqus 450 KB or more.');
for (const [peer, bytes] of [['Isso', 20 * 1024], ['Coral (loader)', 30 * 1024], ['Remark42', 73 * 1024], ['Disqus', 450 * 1024]]) {
  row(`  Parley / ${peer}`, '', `${(reader / bytes).toFixed(2)}x`, '');
}

// What each part of the core costs, from the size probes widget/CMakeLists.txt defines (built
// by `./dev.sh bench`; `cmake --build build/wasm --target parley_probe_bridge parley_probe_markup`).
const probes = path.join(root, 'build/wasm/widget');
const gz = async (name) => {
  try {
    return gzipSync(await readFile(path.join(probes, name)), { level: 9 }).length;
  } catch {
    return NaN;
  }
};
const [bridge, markupOnly] = [await gz('parley-probe-bridge.wasm'), await gz('parley-probe-markup.wasm')];
if (Number.isNaN(bridge) || Number.isNaN(markupOnly)) {
  console.log('\n(size probes not built: `./dev.sh bench` builds them)');
} else {
  const compose = sizes['parley-compose.wasm']?.gzip ?? NaN;
  console.log('\nWhat the parts of the core add (gzip, each module measured whole: shared code counts once per module):');
  row('  bridge (alloc, free)', '', kb(bridge), '');
  row('  threads (reading module)', '', kb(core - bridge), '');
  row('  markup (writing module)', '', kb(markupOnly - bridge), '');
  row('  policy, threads (writing)', '', kb(compose - markupOnly), '');
}
