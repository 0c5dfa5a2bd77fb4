// Live updates: a comment posted by another reader (a second browser, through its own widget)
// reaches this reader over server-sent events and waits behind "Show N new comments", so the
// page never moves under them; a click shows it and moves focus to it. A server out of streams
// makes the widget poll instead, with the same result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../support/browser.mjs';
import { startAll, articlePage, openArticle, postComment, uniqueThread, waitReady } from './harness.mjs';

let env;
let other;

before(async () => {
  env = await startAll();
  other = await launchChromium();
});

after(async () => {
  await other?.close();
  await env?.close();
});

test('a comment from a second browser context arrives live behind the new-comments button', async () => {
  const thread = uniqueThread('live');
  for (let i = 0; i < 8; i++) await postComment(env.parley, thread, `Existing comment ${i}\n\nwith a second paragraph`, { name: `R${i}` });
  const page = { html: articlePage({ server: env.parley.url, thread }) };
  const reader = await openArticle(env, `/${thread}`, page);
  const writer = await openArticle(env, `/${thread}`, page, { context: other.context });

  // The reader is halfway down the thread.
  await reader.locator('#parley-thread article').nth(4).scrollIntoViewIfNeeded();
  const scrolled = await reader.evaluate(() => scrollY);
  const anchor = reader.locator('#parley-thread article').nth(4);
  const before = (await anchor.boundingBox()).y;

  await writer.getByLabel('Name', { exact: true }).fill('Wren');
  await writer.getByLabel('Comment', { exact: true }).fill('Breaking: a live comment');
  await writer.getByRole('button', { name: 'Post comment' }).click();
  await writer.locator('#parley-thread article.parley-own').waitFor();

  const button = reader.getByRole('button', { name: 'Show 1 new comment' });
  await button.waitFor({ timeout: 10000 });
  assert.equal(await reader.locator('#parley-thread article').count(), 8, 'held back until asked for');
  assert.equal(await reader.evaluate(() => scrollY), scrolled);
  assert.equal((await anchor.boundingBox()).y, before, 'nothing moved under the reader');
  assert.ok(await button.isVisible(), 'the button floats in view');

  await button.click();
  const fresh = reader.locator('#parley-thread article', { hasText: 'Breaking: a live comment' });
  await fresh.waitFor();
  assert.equal(await reader.locator('#parley-thread article').count(), 9);
  assert.ok(await fresh.evaluate((article) => article.getRootNode().activeElement === article));
  assert.equal(await button.isVisible(), false);
  await writer.close();
  await reader.close();
});

test('when the server refuses a stream, the widget polls and still shows new comments', async () => {
  // A server at its stream limit answers the event stream with 503 (events.maxStreams 0 here):
  // the browser closes the EventSource and the widget falls back to polling every 30 s.
  const busy = await startAll({ env: { PARLEY_EVENTS_MAX_STREAMS: '0' } });
  try {
    const thread = uniqueThread('poll');
    await postComment(busy.parley, thread, 'Already here', { name: 'Ann' });
    busy.site.pages.set(`/${thread}`, { html: articlePage({ server: busy.parley.url, thread }) });
    const tab = await busy.browser.context.newPage();
    const streams = [];
    tab.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('/events')) streams.push(response.status());
    });
    await tab.clock.install();
    await tab.goto(`${busy.site.url}/${thread}`);
    await waitReady(tab);
    assert.equal(await tab.locator('#parley-thread article').count(), 1);

    await postComment(busy.parley, thread, 'Arrived while polling', { name: 'Ben' });
    await tab.clock.fastForward(31_000);
    const button = tab.getByRole('button', { name: 'Show 1 new comment' });
    await button.waitFor({ timeout: 10000 });
    assert.equal(await tab.locator('#parley-thread article').count(), 1, 'held back until asked for');
    await button.click();
    await tab.locator('#parley-thread article', { hasText: 'Arrived while polling' }).waitFor();
    // The stream was tried again with each poll, and refused each time.
    assert.ok(streams.length >= 2 && streams.every((status) => status === 503), streams.join(' '));
    await tab.close();
  } finally {
    await busy.close();
  }
});
