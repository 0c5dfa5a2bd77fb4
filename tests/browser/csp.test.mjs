// Strict Content-Security-Policy: the exact lines docs/EMBEDDING.md gives publishers. With
// 'wasm-unsafe-eval' the widget runs in the page (no inline script or style, Trusted Types
// enforced, no violation reported); without it, embed.js falls back by itself to the iframe
// served by the comment server, which the reader uses just the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, articlePage, openArticle, postComment, uniqueThread } from './harness.mjs';

let env;

before(async () => {
  env = await startAll();
});

after(async () => {
  await env?.close();
});

// The policy a strict publisher serves, with the lines docs/EMBEDDING.md asks for.
const strictPolicy = (server, { wasm }) =>
  [
    "default-src 'none'",
    `script-src 'self' ${server}${wasm ? " 'wasm-unsafe-eval'" : ''}`,
    `connect-src ${server}`,
    `frame-src ${server}`,
    // Nothing for styles: the widget's are constructed stylesheets.
    "style-src 'none'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types parley',
  ].join('; ');

test('strict CSP with WebAssembly allowed: the widget runs in the page, no violation', async () => {
  const thread = uniqueThread('csp-wasm');
  await postComment(env.parley, thread, 'Hello *strict* world', { name: 'Ann' });
  const reportsBefore = env.site.reports.length;
  const tab = await openArticle(env, `/${thread}`, {
    html: articlePage({ server: env.parley.url, thread }),
    csp: strictPolicy(env.parley.url, { wasm: true }),
  });
  assert.equal(await tab.locator('#parley-thread').getAttribute('data-parley-mode'), null);
  assert.equal(await tab.locator('#parley-thread article em').textContent(), 'strict');
  // The constructed stylesheet applies although style-src is 'none'.
  const background = await tab.getByRole('button', { name: 'Post comment' }).evaluate((button) => getComputedStyle(button).backgroundColor);
  assert.equal(background, 'rgb(11, 92, 173)');
  // Preview (an HTML sink under Trusted Types) and posting work.
  await tab.getByLabel('Name', { exact: true }).fill('Strict');
  await tab.getByLabel('Comment', { exact: true }).fill('Posted under **CSP**');
  await tab.locator('#parley-thread .parley-preview strong').waitFor();
  await tab.getByRole('button', { name: 'Post comment' }).click();
  await tab.locator('#parley-thread article.parley-own strong').waitFor();
  await tab.waitForTimeout(300);
  assert.deepEqual(env.site.reports.slice(reportsBefore), []);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('strict CSP without WebAssembly: the iframe fallback shows, sizes itself and posts', async () => {
  const thread = uniqueThread('csp-frame');
  for (let i = 0; i < 6; i++) await postComment(env.parley, thread, `Comment number ${i}`, { name: `R${i}` });
  const reportsBefore = env.site.reports.length;
  const tab = await openArticle(env, `/${thread}`, {
    html: articlePage({ server: env.parley.url, thread }),
    csp: strictPolicy(env.parley.url, { wasm: false }),
  });
  const host = tab.locator('#parley-thread');
  assert.equal(await host.getAttribute('data-parley-mode'), 'iframe');
  const frame = tab.frameLocator('#parley-thread iframe');
  assert.equal(await frame.locator('article.parley-comment').count(), 6);
  // Sized to its content through postMessage: no inner scrollbar, nothing cut off.
  await tab.waitForFunction(() => {
    const iframe = document.querySelector('#parley-thread iframe');
    return iframe.getBoundingClientRect().height > 600;
  });
  const iframe = await tab.locator('#parley-thread iframe').elementHandle();
  const inner = await (await iframe.contentFrame()).evaluate(() => document.documentElement.scrollHeight);
  const outer = await iframe.evaluate((element) => element.getBoundingClientRect().height);
  assert.ok(Math.abs(inner - outer) <= 2, `frame ${outer}px for content ${inner}px`);

  await frame.getByLabel('Name', { exact: true }).fill('Framed');
  await frame.getByLabel('Comment', { exact: true }).fill('Posted from the fallback');
  await frame.getByRole('button', { name: 'Post comment' }).click();
  await frame.locator('article.parley-own').waitFor();
  const comments = (await env.parley.api('GET', `/api/v1/threads/${thread}/comments`)).body.comments;
  assert.ok(comments.some((comment) => comment.body == 'Posted from the fallback'));
  // The only violation is embed.js's probe: a WebAssembly compile the policy refused.
  const reports = env.site.reports.slice(reportsBefore).map((report) => report['csp-report']?.['blocked-uri']);
  assert.ok(reports.length >= 1 && reports.every((uri) => uri == 'wasm-eval'), JSON.stringify(reports));
  await tab.close();
});

test('data-parley-mode="iframe" selects the frame; only the frame’s own messages resize it', async () => {
  const thread = uniqueThread('iframe-mode');
  await postComment(env.parley, thread, 'In a frame', { name: 'Ann' });
  const tab = await openArticle(env, `/${thread}`, {
    html: articlePage({ server: env.parley.url, thread, attributes: { mode: 'iframe' } }),
  });
  assert.equal(await tab.locator('#parley-thread').getAttribute('data-parley-mode'), 'iframe');
  const frame = tab.frameLocator('#parley-thread iframe');
  await frame.locator('article.parley-comment').waitFor();
  const height = () => tab.locator('#parley-thread iframe').evaluate((element) => element.style.height);
  const before = await height();
  // A message from the page itself (not the frame) or with a forged origin is ignored.
  await tab.evaluate(() => window.postMessage({ parley: 'height', height: 5 }, '*'));
  await tab.waitForTimeout(200);
  assert.equal(await height(), before);
  assert.notEqual(before, '5px');
  await tab.close();
});
