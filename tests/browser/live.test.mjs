// Live updates: a comment posted by another reader (a second browser, through its own widget)
// reaches this reader over server-sent events and waits behind "Show N new comments", so the
// page never moves under them; a click shows it and moves focus to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../support/browser.mjs';
import { startAll, articlePage, openArticle, postComment, uniqueThread } from './harness.mjs';

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
