// Comment markup in the WebAssembly core: the shared corpus (tests/corpus/markup.json, also
// run natively by tests/core/markup_test.cpp), byte-identical output to the native
// `parley render` on the corpus, the CommonMark spec inputs and every XSS payload, and an
// allowlist check of the HTML both builds produce for those payloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFragment } from 'parse5';
import { root, corpora } from '../support/paths.mjs';
import { runParley } from '../support/native.mjs';
import { createCore } from '../support/core.mjs';
import { loadXssPayloads } from '../support/xss-corpus.mjs';

const core = await createCore();
const corpus = JSON.parse(await readFile(path.join(root, 'tests/corpus/markup.json'), 'utf8'));
const spec = JSON.parse(await readFile(path.join(corpora, 'commonmark/spec.json'), 'utf8'));

const payloads = loadXssPayloads().map(({ payload }) => payload);

// The native program renders a whole batch in one process: inputs are joined with a
// separator that markup cannot produce across inputs (a thematic break between blank lines
// would), so each input is rendered alone instead. Batching by spawning per input is what
// keeps the comparison exact; it costs a few seconds for a few thousand inputs.
function renderNatively(text) {
  const { code, stdout, stderr } = runParley(['render'], text);
  assert.equal(code, 0, stderr);
  return stdout;
}

// The elements and attributes the renderer may write (docs/MARKUP.md).
const allowed = {
  p: [], br: [], em: [], strong: [], del: [], code: ['class'], pre: [], blockquote: [], ul: [],
  ol: ['start'], li: [], hr: [], a: ['href', 'title', 'rel'],
};

// Parses `html` as a browser would and returns what breaks the allowlist, or [].
export function allowlistViolations(html) {
  const problems = [];
  const stack = [parseFragment(html)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.nodeName === '#comment' || node.nodeName === '#documentType') problems.push(node.nodeName);
    if (node.tagName !== undefined) {
      const names = allowed[node.tagName];
      if (names === undefined) problems.push(`element <${node.tagName}>`);
      for (const { name, value } of node.attrs) {
        if (names === undefined || !names.includes(name)) problems.push(`attribute ${name} on <${node.tagName}>`);
        if (name === 'href') {
          // The scheme as the browser's URL parser sees it, relative to a news page. A URL it
          // cannot parse is a link that goes nowhere, which is harmless.
          if (URL.canParse(value, 'https://news.example/article')) {
            const { protocol } = new URL(value, 'https://news.example/article');
            if (!['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(`href ${value}`);
          }
        }
        if (name === 'rel' && value !== 'nofollow ugc noopener') problems.push(`rel ${value}`);
        if (name === 'class' && !/^language-[A-Za-z0-9_+-]+$/.test(value)) problems.push(`class ${value}`);
        if (name === 'start' && !/^[0-9]+$/.test(value)) problems.push(`start ${value}`);
      }
      if (node.tagName === 'a' && !node.attrs.some(({ name }) => name === 'rel')) problems.push('a without rel');
    }
    for (const child of node.childNodes ?? []) stack.push(child);
    if (node.content) stack.push(node.content);
  }
  return problems;
}

test('the WebAssembly core renders every corpus example as expected', () => {
  assert.ok(corpus.length > 40);
  for (const { name, input, html } of corpus) assert.equal(core.renderMarkup(input), html, name);
});

test('native and WebAssembly output are byte-identical on the corpus', () => {
  for (const { name, input } of corpus) assert.equal(renderNatively(input), core.renderMarkup(input), name);
});

test('native and WebAssembly output are byte-identical on every CommonMark spec input', () => {
  assert.ok(spec.length > 600);
  for (const { example, markdown } of spec) {
    assert.equal(renderNatively(markdown), core.renderMarkup(markdown), `spec example ${example}`);
  }
});

test('every XSS payload renders to allowlisted HTML, identically in both builds', () => {
  assert.ok(payloads.length > 1000, `only ${payloads.length} payloads found`);
  let checked = 0;
  for (const payload of payloads) {
    const html = core.renderMarkup(payload);
    assert.equal(renderNatively(payload), html, `payload: ${payload}`);
    assert.deepEqual(allowlistViolations(html), [], `payload: ${payload}\noutput: ${html}`);
    ++checked;
  }
  console.log(`# XSS: ${checked} payloads, 0 violations, native == wasm`);
});

test('the allowlist checker catches what it must', () => {
  assert.notDeepEqual(allowlistViolations('<img src=x onerror=alert(1)>'), []);
  assert.notDeepEqual(allowlistViolations('<a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a>'), []);
  assert.notDeepEqual(allowlistViolations('<a href=" jav&#x09;ascript:x" rel="nofollow ugc noopener">x</a>'), []);
  assert.notDeepEqual(allowlistViolations('<p style="x">y</p>'), []);
  assert.notDeepEqual(allowlistViolations('<code class="x y">z</code>'), []);
  assert.deepEqual(allowlistViolations('<p><a href="/a" rel="nofollow ugc noopener">a</a></p>'), []);
});

test('renderMarkup keeps a poem\'s line breaks and escapes what a reader types', () => {
  assert.equal(core.renderMarkup('Roses\nare red'), '<p>Roses<br>\nare red</p>\n');
  assert.equal(core.renderMarkup('<script>x</script>'), '<p>&lt;script&gt;x&lt;/script&gt;</p>\n');
});
