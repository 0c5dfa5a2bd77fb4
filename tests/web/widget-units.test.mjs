// The widget's pure parts in Node: the byte-offset mapping that places the core's policy spans
// in the textarea (against the real core, on the policy corpus), and the language packs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createCore } from '../support/core.mjs';
import { root } from '../support/paths.mjs';
import { byteRangeToIndices } from '../../web/widget/offsets.js';

const encoder = new TextEncoder();
// The string indices of a byte range, the slow and obvious way.
function expected(text, start, end) {
  let bytes = 0;
  let from = text.length;
  let to = text.length;
  for (let i = 0; i <= text.length; ) {
    if (bytes == start && from == text.length) from = i;
    if (bytes == end) {
      to = i;
      break;
    }
    if (i == text.length) break;
    const char = String.fromCodePoint(text.codePointAt(i));
    bytes += encoder.encode(char).length;
    i += char.length;
  }
  return [from, to];
}

test('byte ranges map to string indices for 1- to 4-byte characters', () => {
  const text = 'aЖ€😀b 😀😀 Ереван';
  const boundaries = [0];
  for (const char of text) boundaries.push(boundaries.at(-1) + encoder.encode(char).length);
  for (const start of boundaries) {
    for (const end of boundaries.filter((b) => b >= start)) {
      assert.deepEqual(byteRangeToIndices(text, start, end), expected(text, start, end), `${start}..${end}`);
    }
  }
  assert.deepEqual(byteRangeToIndices('abc', 2, 99), [2, 3]);
  assert.deepEqual(byteRangeToIndices('abc', 99, 100), [3, 3]);
  // A lone surrogate is three bytes (U+FFFD) to TextEncoder and one unit to the textarea.
  assert.deepEqual(byteRangeToIndices('\ud800xy', 3, 4), [1, 2]);
});

test('every span the core reports on the policy corpus lands on the same text', async () => {
  const core = await createCore();
  const { cases } = JSON.parse(await readFile(path.join(root, 'tests/corpus/policy.json'), 'utf8'));
  let spans = 0;
  for (const { text, policy, lang } of cases) {
    if (typeof text != 'string') continue;
    let verdict;
    try {
      verdict = core.checkPolicy(text, policy ?? null, lang ?? '');
    } catch {
      continue;
    }
    const bytes = encoder.encode(text);
    for (const reason of verdict.reasons) {
      if (!(reason.end > reason.start)) continue;
      const [from, to] = byteRangeToIndices(text, reason.start, reason.end);
      assert.deepEqual(encoder.encode(text.slice(from, to)), bytes.subarray(reason.start, reason.end), `${reason.code} in ${text}`);
      spans++;
    }
  }
  assert.ok(spans > 20, `${spans} spans checked`);
});

test('every language pack has exactly the English keys, slots and plural forms', async () => {
  const { en: reading, LANGS, TIME_WORDS } = await import('../../web/widget/strings.js');
  // English is split in two: the words for reading, and those the interaction chunk adds.
  const writing = (await import('../../web/widget/interact-strings.js')).default;
  assert.deepEqual(Object.keys(reading).filter((key) => key in writing), [], 'a key in both halves of English');
  const en = { ...reading, ...writing };
  const files = (await readdir(path.join(root, 'web/widget/lang'))).map((file) => file.replace('.js', '')).sort();
  assert.deepEqual([...LANGS].sort(), files, 'LANGS lists the packs in web/widget/lang');
  const slots = (value) => JSON.stringify(value).match(/\{\w+\}/g)?.sort() ?? [];
  for (const lang of files) {
    const pack = (await import(path.join(root, 'web/widget/lang', `${lang}.js`))).default;
    const own = Object.keys(pack).filter((key) => TIME_WORDS.includes(key));
    assert.ok(own.length === 0 || own.length === TIME_WORDS.length, `${lang} has all the time words or none`);
    assert.deepEqual(Object.keys(pack).filter((key) => !own.includes(key)).sort(), Object.keys(en).sort(), lang);
    if (own.length) assert.equal(pack.months.split(' ').length, 12, `${lang}.months`);
    for (const key of Object.keys(en)) {
      if (typeof en[key] == 'object') {
        assert.ok(pack[key].other, `${lang}.${key} has an "other" form`);
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        for (const category of categories) assert.ok(pack[key][category] ?? pack[key].other, `${lang}.${key}.${category}`);
      } else {
        assert.deepEqual(slots(pack[key]), slots(en[key]), `${lang}.${key}`);
      }
    }
  }
});
