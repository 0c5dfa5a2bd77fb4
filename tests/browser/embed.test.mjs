// embed.js as publishers use it: where the section goes, which thread it shows by default,
// what it fetches and when, and the one global, window.Parley (login with the site's own
// signed token, logout, mount for single-page sites, events), in the page and in the iframe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { launchChromium } from '../support/browser.mjs';
import { startAll, articlePage, holdBack, openArticle, postComment, uniqueThread, waitReady } from './harness.mjs';

const SECRET = 'a shared secret for the browser tests';
let env;

before(async () => {
  env = await startAll({ env: { PARLEY_SIGN_IN_SECRET: SECRET } });
});

after(async () => {
  await env?.close();
});

// A publisher's sign-in token: HS256 over {sub, name, exp}.
function signIn(sub, name) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, name, exp: Math.floor(Date.now() / 1000) + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

test('placed right after the script tag when the page has no #parley-thread', async () => {
  const thread = uniqueThread('placement');
  const tab = await openArticle(env, `/${thread}`, { html: articlePage({ server: env.parley.url, thread }) });
  assert.equal(await tab.evaluate(() => document.querySelector('script[data-parley-thread]').nextElementSibling?.id), 'parley-thread');
  await tab.close();
});

test('the thread defaults to the canonical URL’s path; first page, core and widget load in parallel', async () => {
  const thread = '/2020/10/22/putin-karabakh/';
  await postComment(env.parley, thread, 'On the canonical thread', { name: 'Ann' });
  const html = articlePage({ server: env.parley.url, thread: 'x' })
    .replace(' data-parley-thread="x"', '')
    .replace('<head>', `<head><link rel="canonical" href="https://news.example.com${thread}">`);
  env.site.pages.set('/article?utm=1', { html });
  env.site.pages.set('/article', { html });
  const tab = await env.browser.context.newPage();
  const events = [];
  tab.on('request', (request) => events.push(`start ${new URL(request.url()).pathname}`));
  tab.on('requestfinished', (request) => events.push(`end ${new URL(request.url()).pathname}`));
  await tab.goto(`${env.site.url}/article?utm=1`);
  await waitReady(tab);
  assert.equal(await tab.locator('#parley-thread article .parley-body').textContent(), 'On the canonical thread\n');
  const list = `/api/v1/threads/${encodeURIComponent(thread)}/comments`;
  const index = (event) => events.indexOf(event);
  // All three requests start before the widget module has even arrived.
  assert.ok(index(`start ${list}`) >= 0 && index(`start ${list}`) < index('end /parley-widget.js'), events.join('\n'));
  assert.ok(index('start /parley-core.wasm') < index('end /parley-widget.js'), events.join('\n'));
  await tab.close();
});

test('Parley.login signs the reader in with the site’s token; logout signs them out', async () => {
  const thread = uniqueThread('login');
  const tab = await openArticle(env, `/${thread}`, { html: articlePage({ server: env.parley.url, thread }) });
  const token = signIn('user-42', 'Lena Site');
  await tab.evaluate((value) => window.Parley.login(value), token);
  assert.equal(await tab.getByLabel('Name', { exact: true }).isVisible(), false, 'no name field for a signed-in reader');
  assert.match(await tab.locator('#parley-thread .parley-signed-in').textContent(), /Lena Site/);
  const posted = tab.evaluate(() => new Promise((resolve) => window.Parley.on('post', (detail) => resolve(detail.comment))));
  await tab.getByLabel('Comment', { exact: true }).fill('Signed in through the site');
  await tab.getByRole('button', { name: 'Post comment' }).click();
  const comment = await posted;
  assert.equal(comment.author.name, 'Lena Site');
  assert.deepEqual(comment.author.badges, ['verified']);
  await tab.locator('#parley-thread .parley-badge-verified').waitFor();
  await tab.evaluate(() => window.Parley.logout());
  assert.equal(await tab.getByLabel('Name', { exact: true }).isVisible(), true);
  await tab.close();
});

test('a login while the widget is still loading reaches it once it is there', async () => {
  const thread = uniqueThread('login-early');
  // The widget module is held back until the page has called Parley.login.
  const widget = await holdBack(env.browser.context, '**/parley-widget.js');
  try {
    const tab = await openArticle(env, `/${thread}`, { html: articlePage({ server: env.parley.url, thread }) }, { wait: false });
    await tab.waitForFunction(() => document.getElementById('parley-thread')?.dataset.parleyState === 'loading');
    await tab.evaluate((value) => window.Parley.login(value), signIn('user-7', 'Early Bird'));
    widget.release();
    await waitReady(tab);
    assert.equal(await tab.getByLabel('Name', { exact: true }).isVisible(), false, 'signed in: no name field');
    assert.match(await tab.locator('#parley-thread .parley-signed-in').textContent(), /Early Bird/);
    await tab.close();
  } finally {
    await widget.stop();
  }
});

test('Parley.mount serves single-page sites: another element, another thread, and events', async () => {
  const first = uniqueThread('spa-a');
  const second = uniqueThread('spa-b');
  await postComment(env.parley, first, 'Thread A', { name: 'Ann' });
  await postComment(env.parley, second, 'Thread B', { name: 'Bob' });
  const html = articlePage({ server: env.parley.url, thread: first, attributes: { auto: 'false' } }).replace(
    '</main>',
    '</main><section id="comments-here"></section>',
  );
  const tab = await openArticle(env, `/${first}`, { html }, { wait: false });
  assert.equal(await tab.locator('#parley-thread').count(), 0, 'data-parley-auto="false" mounts nothing');
  const ready = () => tab.evaluate(() => new Promise((resolve) => {
    const off = window.Parley.on('ready', (detail) => {
      off();
      resolve(detail.thread);
    });
  }));
  let readyThread = ready();
  await tab.evaluate((thread) => window.Parley.mount(document.getElementById('comments-here'), { thread }), first);
  assert.equal(await readyThread, first);
  assert.equal(await tab.locator('#comments-here article .parley-body').textContent(), 'Thread A\n');
  // The route changes: the same element shows the next article's thread.
  readyThread = ready();
  await tab.evaluate((thread) => window.Parley.mount(document.getElementById('comments-here'), { thread }), second);
  assert.equal(await readyThread, second);
  assert.equal(await tab.locator('#comments-here article .parley-body').textContent(), 'Thread B\n');
  assert.equal(await tab.locator('#comments-here article').count(), 1);
  await tab.close();
});

test('in the iframe, login reaches the frame and only through the comment server’s origin', async () => {
  const thread = uniqueThread('frame-login');
  const tab = await openArticle(env, `/${thread}`, {
    html: articlePage({ server: env.parley.url, thread, attributes: { mode: 'iframe' } }),
  });
  const frame = tab.frameLocator('#parley-thread iframe');
  await frame.getByLabel('Name', { exact: true }).waitFor();
  await tab.evaluate((value) => window.Parley.login(value), signIn('user-7', 'Framed Reader'));
  await frame.getByLabel('Name', { exact: true }).waitFor({ state: 'hidden' });
  await frame.getByLabel('Comment', { exact: true }).fill('From the frame, signed in');
  await frame.getByRole('button', { name: 'Post comment' }).click();
  await frame.locator('article .parley-badge-verified').waitFor();
  assert.equal(await frame.locator('article .parley-author').first().textContent(), 'Framed Reader');
  await tab.close();
});

test('a reader who opened the comment server’s own pages first still gets the widget elsewhere', async () => {
  // Same-origin requests (the demo, the iframe fallback) and a publisher's cross-origin ones
  // share one HTTP cache entry when both sites are the same site (comments.example.com under
  // news.example.com, or here two ports of 127.0.0.1). The server must send Vary: Origin on
  // every cacheable answer, or the cached copy without Access-Control-Allow-Origin breaks
  // the publisher's page for the next five minutes.
  const thread = uniqueThread('cache');
  const fresh = await launchChromium();
  try {
    const demo = await fresh.context.newPage();
    await demo.goto(`${env.parley.url}/minimal/`);
    await waitReady(demo);
    await demo.close();
    const tab = await openArticle(env, `/${thread}`, { html: articlePage({ server: env.parley.url, thread }) }, { context: fresh.context, wait: false });
    await tab.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('parley-thread')?.dataset.parleyState));
    assert.equal(await tab.locator('#parley-thread').getAttribute('data-parley-state'), 'ready');
  } finally {
    await fresh.close();
  }
});
