// The writing module twice: parley-compose.wasm, built for size, which browsers load, and
// parley-compose-node.wasm, built for speed, which the loader takes under Node (so the other
// Node tests, which compare it with the native program, run it). Here the browsers' module
// must give the same bytes as Node's on every corpus, so that both equal the native program's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpora, dist, root } from '../support/paths.mjs';
import { createCore } from '../support/core.mjs';
import { loadXssPayloads } from '../support/xss-corpus.mjs';
import { evasionCorpus, scunthorpeSet, toxicitySet } from '../../bench/lib/policy-corpora.mjs';

const readJson = async (...parts) => JSON.parse(await readFile(path.join(...parts), 'utf8'));
const nodeCore = await createCore();
const browserCore = await createCore({ composeWasmBinary: await readFile(path.join(dist, 'parley-compose.wasm')) });

// What a call gives, or the message it throws, so that errors are compared too.
function outcome(call) {
  try {
    return call();
  } catch (error) {
    return `throws: ${error.message}`;
  }
}

function assertSame(call, label) {
  assert.equal(outcome(() => call(browserCore)), outcome(() => call(nodeCore)), label);
}

test('under Node, createCore() takes parley-compose-node.wasm, not the browsers\' module', async () => {
  // A bundle without Node's module: the loader must look for it, and say which file it missed.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-dist-'));
  try {
    for (const file of ['parley-core.mjs', 'parley-core.wasm', 'parley-compose.wasm']) {
      await copyFile(path.join(dist, file), path.join(dir, file));
    }
    const { createCore: createFromCopy } = await import(pathToFileURL(path.join(dir, 'parley-core.mjs')).href);
    await assert.rejects(createFromCopy(), /parley-compose-node\.wasm/);
    const lazy = await createFromCopy({ compose: 'lazy' });
    await assert.rejects(lazy.loadComposer(), /parley-compose-node\.wasm/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('both writing modules have the same exports', async () => {
  const exportsOf = async (file) =>
    WebAssembly.Module.exports(await WebAssembly.compile(await readFile(path.join(dist, file))))
      .map(({ name }) => name)
      .sort();
  assert.deepEqual(await exportsOf('parley-compose-node.wasm'), await exportsOf('parley-compose.wasm'));
});

test('both writing modules render every markup input alike: corpus, CommonMark spec, XSS payloads', async () => {
  const markup = await readJson(root, 'tests/corpus/markup.json');
  const spec = await readJson(corpora, 'commonmark/spec.json');
  const inputs = [
    ...markup.map((entry) => entry.input),
    ...spec.map((example) => example.markdown),
    ...loadXssPayloads().map(({ payload }) => payload),
  ];
  assert.ok(inputs.every((input) => typeof input == 'string') && inputs.length > 1000, 'the inputs were found');
  for (const input of inputs) assertSame((core) => core.renderMarkup(input), input.slice(0, 80));
});

test('both writing modules render every corpus thread alike, and a long thread of real comments', async () => {
  const threads = await readJson(root, 'tests/corpus/threads.json');
  for (const entry of threads) {
    const comments = JSON.stringify(entry.comments);
    const options = entry.options === undefined ? '' : JSON.stringify(entry.options);
    assertSame((core) => core.renderThread(comments, options), entry.name);
  }
  // Every talk-page comment of the toxicity corpus once, as a flat thread, sorted each way.
  const comments = JSON.stringify(
    toxicitySet().map(({ text }, i) => ({
      id: `t${i}`,
      parent: i % 3 == 0 ? null : `t${i - 1 - (i % 3)}`,
      author: { name: `Reader ${i % 97}` },
      body: text,
      created: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(),
      score: { up: (i * 7) % 13, down: (i * 5) % 7 },
      status: 'published',
    })),
  );
  for (const sort of ['oldest', 'newest', 'best']) {
    assertSame((core) => core.renderThread(comments, JSON.stringify({ sort })), sort);
  }
});

test('both writing modules give every policy verdict alike', async () => {
  const policy = await readJson(root, 'tests/corpus/policy.json');
  for (const entry of policy.cases) {
    assertSame((core) => core.checkPolicyJson(entry.text, entry.policy, entry.lang), entry.name);
  }
  for (const entry of policy.policyErrors) {
    assertSame((core) => core.checkPolicyJson('text', entry.policy), entry.error);
  }
  for (const text of [...evasionCorpus().map((item) => item.text), ...scunthorpeSet(), ...toxicitySet().map((item) => item.text)]) {
    assertSame((core) => core.checkPolicyJson(text), text.slice(0, 80));
  }
});
