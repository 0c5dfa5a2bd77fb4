// Every payload of ../shared/corpora/xss/ (DOMPurify's fixtures, H5SC, PayloadsAllTheThings),
// posted through the API as a comment body and, where the server accepts it, as the author's
// name, then displayed by the widget in Chromium with alert/confirm/prompt hooked and a CSP in
// report-only mode (so nothing is blocked that would hide a script running, and any inline
// script, handler or javascript: URL is still reported). No hook may fire, no report may
// arrive, and every comment body in the DOM must pass the markup allowlist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadXssPayloads } from '../support/xss-corpus.mjs';
import { unsafeParts } from '../support/html-safety.mjs';
import { startAll, articlePage, openArticle, postComment, uniqueThread } from './harness.mjs';

let env;
const payloads = loadXssPayloads();

before(async () => {
  env = await startAll();
  // Runs before any page script, in every frame: records what a payload would have shown.
  await env.browser.context.addInitScript(() => {
    window.__xss = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => {
        window.__xss.push(`${name}(${args.join(',')})`);
      };
    }
    addEventListener('securitypolicyviolation', (event) => {
      // The browser's own favicon request is no payload's doing.
      if (!event.blockedURI.endsWith('/favicon.ico')) window.__xss.push(`csp ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
});

after(async () => {
  await env?.close();
});

// Names must be 1 to 64 characters; payloads the server refuses as names are posted under a
// plain name (their body still carries them).
async function post(thread, payload, parent) {
  try {
    return await postComment(env.parley, thread, payload, { name: [...payload].slice(0, 64).join('') || 'x', parent });
  } catch {
    try {
      return await postComment(env.parley, thread, payload, { name: 'Plain name', parent });
    } catch {
      return null; // refused by the policy or empty: it never reaches a reader
    }
  }
}

async function postAll(thread, list, parent) {
  let shown = 0;
  for (let i = 0; i < list.length; i += 8) {
    const answers = await Promise.all(list.slice(i, i + 8).map(({ payload }) => post(thread, payload, parent)));
    // Held comments (the policy wants review) are shown to their author only.
    shown += answers.filter((answer) => answer?.comment.status == 'published').length;
  }
  return shown;
}

const sources = [...new Set(payloads.map((entry) => entry.source))];

for (const source of sources) {
  test(`XSS corpus ${source}: displayed, nothing runs`, async () => {
    const list = payloads.filter((entry) => entry.source == source);
    const thread = uniqueThread(`xss-${source}`);
    // All payloads as replies of one comment: one API page carries them all.
    const root = await postComment(env.parley, thread, `Payloads from ${source}`, { name: 'Corpus' });
    const accepted = await postAll(thread, list, root.comment.id);
    const reportsBefore = env.site.reports.length;
    const tab = await openArticle(env, `/${thread}`, {
      html: articlePage({ server: env.parley.url, thread }),
      reportOnly: `default-src 'none'; script-src ${env.parley.url} 'wasm-unsafe-eval'; connect-src ${env.parley.url}; img-src 'none'; style-src 'none'`,
    });
    assert.equal(await tab.locator('#parley-thread article.parley-comment').count(), accepted + 1);
    // Give onerror/onload handlers, timers and meta refreshes their chance.
    await tab.waitForTimeout(1000);
    const bodies = await tab.locator('#parley-thread .parley-body').evaluateAll((list) => list.map((body) => body.innerHTML));
    const problems = bodies.flatMap((html) => unsafeParts(html).map((problem) => `${problem} in ${html.slice(0, 80)}`));
    assert.deepEqual(problems, []);
    assert.deepEqual(await tab.evaluate(() => window.__xss), []);
    const reports = env.site.reports
      .slice(reportsBefore)
      .filter((report) => !String(report['csp-report']?.['blocked-uri']).endsWith('/favicon.ico'));
    assert.deepEqual(reports, []);
    assert.deepEqual(tab.errors, []);
    assert.equal(new URL(tab.url()).pathname, `/${thread}`, 'no payload navigated the page');
    await tab.close();
  });
}

test('XSS payloads typed into the composer: the live preview runs nothing', async () => {
  const thread = uniqueThread('xss-preview');
  const tab = await openArticle(env, `/${thread}`, { html: articlePage({ server: env.parley.url, thread }) });
  const sample = [
    ...payloads.filter((entry) => entry.source == 'XSS_Polyglots.txt'),
    ...payloads.filter((entry) => entry.source == 'dompurify').slice(0, 24),
  ];
  const textarea = tab.getByLabel('Comment', { exact: true });
  for (const { payload } of sample) {
    await textarea.fill(payload);
    await tab.waitForFunction(
      (text) => {
        const root = document.getElementById('parley-thread').shadowRoot;
        return !text.trim() || (root.querySelector('.parley-preview .parley-body').childNodes.length > 0 && !root.querySelector('.parley-preview').hidden);
      },
      payload,
    );
    const preview = await tab.locator('#parley-thread .parley-preview .parley-body').innerHTML();
    assert.deepEqual(unsafeParts(preview), [], payload);
  }
  await tab.waitForTimeout(500);
  assert.deepEqual(await tab.evaluate(() => window.__xss), []);
  await tab.close();
});
