// Deterministic, realistic threads for benchmarks: bodies are real talk-page comments from
// ../shared/corpora/toxicity (read in place), the shape is a news thread's (a third top-level,
// the rest replies, mostly to recent comments), votes skewed like real ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpora } from '../../tests/support/paths.mjs';
import { parseCsv } from './csv.mjs';

// A small linear congruential generator, so every run benchmarks the same thread.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function loadCommentBodies() {
  const [header, ...rows] = parseCsv(readFileSync(path.join(corpora, 'toxicity/wikipedia-toxicity-testset.csv'), 'utf8'));
  const column = header.indexOf('comment');
  return rows
    .map((row) => (row[column] ?? '').replace(/NEWLINE_TOKEN/g, '\n').trim())
    .filter((body) => body.length > 0);
}

// The short comments among `bodies`, as most news comments are: those of at most 280
// characters (a tweet's length), in their order; with `asciiOnly`, only those with no
// character past ASCII.
export function shortBodies(bodies, { asciiOnly = false } = {}) {
  return bodies.filter((body) => body.length <= 280 && !(asciiOnly && /[^\x00-\x7F]/.test(body)));
}

// `bodies` cycle over the thread's comments; the thread's shape and votes depend on `seed` only.
export function makeThread(count, seed = 42, bodies = loadCommentBodies()) {
  const next = random(seed);
  const comments = [];
  const start = Date.UTC(2020, 9, 22, 8);
  for (let i = 0; i < count; i++) {
    const topLevel = i === 0 || next() < 0.33;
    const parent = topLevel ? null : `c${Math.max(0, i - 1 - Math.floor(next() * Math.min(i, 20)))}`;
    const up = Math.floor(next() ** 3 * 40);
    comments.push({
      id: `c${i}`,
      parent,
      author: { name: `Reader ${Math.floor(next() * 500)}`, id: `u${i % 700}` },
      body: bodies[i % bodies.length],
      created: new Date(start + i * 7000).toISOString(),
      score: { up, down: Math.floor(next() * 4) },
      status: next() < 0.02 ? 'deleted' : 'published',
      pinned: i === 5,
    });
  }
  return comments;
}
