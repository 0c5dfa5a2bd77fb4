// The discussion policy in WebAssembly: the shared corpus (tests/corpus/policy.json), the
// measured corpora (bench/lib/policy-corpora.mjs), and byte-for-byte agreement with the native
// `parley check` on all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { root } from '../support/paths.mjs';
import { runParley } from '../support/native.mjs';
import { createCore } from '../support/core.mjs';
import {
  evasionCorpus,
  scunthorpeSet,
  seedTexts,
  toxicitySet,
} from '../../bench/lib/policy-corpora.mjs';

const corpus = JSON.parse(await readFile(path.join(root, 'tests/corpus/policy.json'), 'utf8'));
const core = await createCore();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The text a reason points at: start/end are UTF-8 byte offsets.
function spanText(text, reason) {
  return decoder.decode(encoder.encode(text).subarray(reason.start, reason.end));
}

function checkCase(entry) {
  const verdict = core.checkPolicy(entry.text, entry.policy, entry.lang);
  const { expect } = entry;
  assert.equal(verdict.action, expect.action, JSON.stringify(verdict));
  if (expect.codes) assert.deepEqual(verdict.reasons.map((r) => r.code), expect.codes);
  if (expect.spans) {
    const spans = verdict.reasons.filter((r) => 'start' in r).map((r) => spanText(entry.text, r));
    assert.deepEqual(spans, expect.spans);
  }
  if (expect.messages) assert.deepEqual(verdict.reasons.map((r) => r.message), expect.messages);
}

for (const entry of corpus.cases) {
  test(`corpus: ${entry.name}`, () => checkCase(entry));
}

for (const entry of corpus.policyErrors) {
  test(`policy error: ${entry.name}`, () => {
    assert.throws(() => core.checkPolicy('text', entry.policy), (error) => {
      assert.ok(error.message.startsWith(`parley: ${entry.error}`), error.message);
      return true;
    });
  });
}

test('reasons without a span have neither start nor end', () => {
  const verdict = core.checkPolicy('THIS IS COMPLETELY UNACCEPTABLE BEHAVIOUR');
  assert.deepEqual(Object.keys(verdict.reasons[0]), ['code', 'message']);
});

test('policyJson may be an object or its text, and the verdict object parses the JSON', () => {
  const policy = { banned: ['flibbertigibbet'] };
  const asText = core.checkPolicyJson('a flibbertigibbet', JSON.stringify(policy));
  assert.equal(core.checkPolicyJson('a flibbertigibbet', policy), asText);
  assert.deepEqual(core.checkPolicy('a flibbertigibbet', policy), JSON.parse(asText));
});

test('the evasion corpus: recall of disguised banned words is at least 95%', () => {
  const items = evasionCorpus();
  const caught = items.filter(({ text }) =>
    core.checkPolicy(text).reasons.some((r) => r.code === 'banned_word' || r.code === 'suspect_word'));
  const recall = caught.length / items.length;
  assert.ok(items.length > 5000, `${items.length} items`);
  assert.ok(recall >= 0.95, `recall ${recall}`);
});

test('no false positives on the Scunthorpe set and the seed page', () => {
  for (const text of [...scunthorpeSet(), ...seedTexts()]) {
    const verdict = core.checkPolicy(text);
    assert.equal(verdict.action, 'allow', `${text.slice(0, 60)}: ${JSON.stringify(verdict)}`);
  }
  assert.equal(scunthorpeSet().length, 22);
  assert.ok(seedTexts().length >= 4);
});

test('checking is linear on pathological input', () => {
  const time = (text) => {
    const start = process.hrtime.bigint();
    core.checkPolicy(text);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (const unit of ['a ', 'f.', 'you ', 'fuuu', 'ы', '!!', 'x'.repeat(63) + ' ', 'tit for ']) {
    time(unit.repeat(1000));  // warm up
    const small = time(unit.repeat(20000));
    const large = time(unit.repeat(80000));
    assert.ok(large < small * 10 + 20, `${JSON.stringify(unit)}: ${small} ms then ${large} ms`);
  }
});

// Everything above, and the measured corpora, through both builds: the JSON must be identical.
test('native `parley check` and WebAssembly checkPolicy print identical verdicts', async () => {
  const texts = [
    ...corpus.cases.filter((entry) => !entry.policy && !entry.lang).map((entry) => entry.text),
    ...evasionCorpus().map((item) => item.text),
    ...scunthorpeSet(),
    ...seedTexts(),
    ...toxicitySet().map((item) => item.text),
  ];
  const native = runParley(['check', '--jsonl'], texts.map((text) => JSON.stringify(text)).join('\n') + '\n');
  assert.equal(native.code, 0, native.stderr);
  const lines = native.stdout.split('\n');
  assert.equal(lines.length, texts.length + 1);
  texts.forEach((text, i) => assert.equal(core.checkPolicyJson(text), lines[i], text.slice(0, 80)));
});

test('native and WebAssembly agree on every corpus case with its policy and language', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-policy-'));
  try {
    for (const entry of corpus.cases) {
      const args = ['check'];
      if (entry.policy) {
        const file = path.join(dir, 'policy.json');
        await writeFile(file, JSON.stringify(entry.policy));
        args.push('--policy', file);
      }
      if (entry.lang) args.push('--lang', entry.lang);
      const native = runParley(args, entry.text);
      assert.equal(native.code, 0, native.stderr);
      assert.equal(native.stdout, core.checkPolicyJson(entry.text, entry.policy, entry.lang) + '\n', entry.name);
    }
    for (const entry of corpus.policyErrors) {
      const file = path.join(dir, 'bad.json');
      await writeFile(file, entry.policy);
      const native = runParley(['check', '--policy', file], 'text');
      assert.equal(native.code, 1);
      assert.ok(native.stderr.startsWith(`parley check: ${file}: ${entry.error}`), native.stderr);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the shipped default policy file is what the core calls its defaults', async () => {
  const shipped = await readFile(path.join(root, 'core/policy/default-policy.json'), 'utf8');
  const native = runParley(['check', '--print-policy']);
  assert.equal(native.stdout, shipped);
  assert.equal(core.checkPolicyJson('fuck you', shipped), core.checkPolicyJson('fuck you'));
});
