// bench/contention: why bench/thread's figures move between runs on this machine. It is a
// virtual machine whose processor's last-level cache (one, shared; a run prints its size) is
// also used by whatever else runs on the host, and a render of a whole thread works on tens of MB; when
// others fill that cache, more of the render's reads go to memory.
//
// For a few seconds this alternates, round by round, the headline render of bench/thread
// (10,000 talk-page comments, sorted by best, the WebAssembly call alone) with three probes:
//   cache       dependent reads in random order over 4 MB: more than a core's own cache holds,
//               little of the shared one, so each read costs what the shared cache gives us;
//   memory      the same over 64 MB, twice the shared cache: every read goes to memory anyway;
//   arithmetic  an integer loop that touches no memory.
// Then it sorts the rounds by the cache probe and prints each third's medians. On this machine,
// on busy stretches, the render follows the cache probe, while the arithmetic stays put (the
// processor's own speed does not change) and the memory probe nearly so (the memory is not the
// slower part); on quiet ones the thirds differ little (docs/THREADS.md).
// Run: node bench/contention.mjs [MODULE]   (./dev.sh bench runs it with the others)
// MODULE is the writing module to render with, Node's (parley-compose-node.wasm) unless named:
// parley-compose.wasm for the browsers'.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { makeThread } from './lib/comments.mjs';
import { median } from './lib/median.mjs';
import { openRawThread } from './lib/raw-thread.mjs';

// The processor's last-level cache as Linux describes it (level, size, the cores that share
// it), so that a run says what the probes are measured against; null where there is no sysfs.
function lastLevelCache() {
  const folder = '/sys/devices/system/cpu/cpu0/cache';
  try {
    const read = (index, name) => readFileSync(`${folder}/${index}/${name}`, 'utf8').trim();
    const levels = readdirSync(folder)
      .filter((name) => name.startsWith('index'))
      .map((index) => ({ level: Number(read(index, 'level')), size: read(index, 'size'), cores: read(index, 'shared_cpu_list') }));
    return levels.reduce((last, cache) => (cache.level > last.level ? cache : last));
  } catch {
    return null;
  }
}

const kRounds = 150;
const kLine = 64;  // bytes of a cache line: one read per line, so no two reads share one

// A single cycle through one word of every cache line of `bytes`, in an order shuffled by a
// small fixed generator, so that every run probes the same way.
function makeRing(bytes) {
  const stride = kLine / 4;
  const lines = bytes / kLine;
  const order = Array.from({ length: lines }, (_, i) => i);
  let state = 12345;
  for (let i = lines - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % i;
    [order[i], order[j]] = [order[j], order[i]];
  }
  const ring = new Int32Array(bytes / 4);
  for (let i = 0; i < lines; i++) ring[order[i] * stride] = order[(i + 1) % lines] * stride;
  return ring;
}

// Nanoseconds per read, over `turns` turns of the ring; with `warm`, after one more turn that
// brings back into the cache what of the ring fits there. Each read's address is the previous
// read's value, so none can start before the one before it ends.
function readAround(ring, turns, warm) {
  const lines = ring.length / (kLine / 4);
  let at = 0;
  if (warm) for (let i = 0; i < lines; i++) at = ring[at];
  const reads = Math.round(lines * turns);
  const start = performance.now();
  for (let i = 0; i < reads; i++) at = ring[at];
  const elapsed = performance.now() - start;
  if (at < 0) throw new Error('unreachable: keeps the reads alive');
  return (elapsed * 1e6) / reads;
}
const cacheRing = makeRing(4 << 20);
const memoryRing = makeRing(64 << 20);
const probeCache = () => readAround(cacheRing, 4, true);
const probeMemory = () => readAround(memoryRing, 0.1, false);

function arithmetic() {
  let value = 1;
  const start = performance.now();
  for (let i = 0; i < 5e6; i++) value = (Math.imul(value, 1664525) + 1013904223) | 0;
  const elapsed = performance.now() - start;
  if (value === 0.5) throw new Error('unreachable: keeps the loop alive');
  return elapsed;
}

const prepare = await openRawThread(process.argv[2]);
const thread = prepare(JSON.stringify(makeThread(10000)), JSON.stringify({ sort: 'best' }));
for (let i = 0; i < 5; i++) {
  thread.render();
  probeCache();
  probeMemory();
  arithmetic();
}

const rounds = [];
for (let i = 0; i < kRounds; i++) {
  const cache = probeCache();
  const ms = thread.render();
  rounds.push({ cache, ms, memory: probeMemory(), arithmetic: arithmetic() });
}
thread.release();

rounds.sort((a, b) => a.cache - b.cache);
const third = Math.floor(rounds.length / 3);
const groups = [
  ['quietest third', rounds.slice(0, third)],
  ['middle third', rounds.slice(third, rounds.length - third)],
  ['busiest third', rounds.slice(rounds.length - third)],
];
const cell = (value, width, digits = 1) => value.toFixed(digits).padStart(width);
console.log(
  `bench/contention: ${kRounds} rounds of the 10,000-comment render (inside WebAssembly, ${process.argv[2] ?? 'parley-compose-node.wasm'}) ` +
    'and three probes, by the cache probe',
);
const lastLevel = lastLevelCache();
if (lastLevel) console.log(`last-level cache: L${lastLevel.level}, ${lastLevel.size}, shared by this machine's cores ${lastLevel.cores}`);
console.log('rounds              cache ns/read   memory ns/read   arithmetic ms   render ms');
for (const [name, group] of groups) {
  const of = (key) => median(group.map((round) => round[key]));
  console.log(
    `${name.padEnd(18)}  ${cell(of('cache'), 13, 0)}  ${cell(of('memory'), 15, 0)}  ${cell(of('arithmetic'), 14)}  ${cell(of('ms'), 10)}`,
  );
}
const all = rounds.map((round) => round.ms);
console.log(`all rounds: render median ${median(all).toFixed(1)} ms, fastest ${Math.min(...all).toFixed(1)} ms`);
