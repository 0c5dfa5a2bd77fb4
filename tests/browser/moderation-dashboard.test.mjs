// The moderation dashboard over a month of history: a site's export with thirty days of
// comments (some held, some rejected) is imported, a few arrive through the API today (one held
// by the policy, some flagged by readers), and the dashboard must show exactly that: the held
// queue with the core's previews and why each comment waits, and the statistics per day.
// With PARLEY_SCREENSHOTS=DIR it saves the pictures docs/MODERATION.md shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { launchChromium } from '../support/browser.mjs';
import { startParley, postComment } from './harness.mjs';

const MODERATOR = { name: 'Anahit', password: 'a long and private passphrase' };
const DAY = 86400e3;

const BODIES = [
  'The ceasefire will only hold if both sides **believe** it will be enforced.',
  'Good reporting. Is there a source for the casualty figures? [The ministry](https://example.org/figures) gives different ones.',
  'Путин говорит то, что все и так знают. Вопрос в том, что Россия сделает.',
  'Շնորհակալություն հոդվածի համար։ Մեր տղաները հերոսներ են։',
  'Sanctions have not changed anything in the past, why would they now?',
  '> Absolutely nothing, just empty talk\n\nI agree with this, sadly.',
  'Where can I donate to help the families? https://example.org/donate',
  'Не согласен с автором: переговоры — единственный путь.',
  'My grandmother was born in Shushi. Thank you for writing about it.',
  '<img src=x onerror=alert(1)> look at this',
];

const HELD_ORDER = [1, 9, 5, 0, 2, 3, 4, 6, 7, 8];

// Day 0 is today. A fixed pattern, so the test knows every count the dashboard must show.
function history(now) {
  const threads = ['karabakh-ceasefire', 'putin-interview', 'aid-convoy'].map((id) => ({ id, created: new Date(now - 40 * DAY).toISOString(), comments: [] }));
  const expected = new Map();
  let serial = 0;
  let pending = 0;
  for (let ago = 29; ago >= 0; ago--) {
    const day = new Date(now - ago * DAY);
    const key = day.toISOString().slice(0, 10);
    const counts = { comments: 0, held: 0, rejected: 0, flagged: 0 };
    const many = 3 + ((ago * 5) % 9);
    for (let i = 0; i < many; i++) {
      serial++;
      const status = serial % 11 == 0 ? 'rejected' : ago <= 1 && i % 3 == 0 ? 'pending' : 'published';
      // The first held ones are the link and the hostile body, so the queue shows both.
      const body = status == 'pending' ? BODIES[HELD_ORDER[pending++ % HELD_ORDER.length]] : BODIES[serial % BODIES.length];
      const created = new Date(Date.parse(`${key}T00:00:00Z`) + (i + 1) * 3600e3 * (20 / (many + 1))).toISOString().replace(/\.\d+Z$/, 'Z');
      threads[serial % 3].comments.push({
        id: `h-${serial}`,
        parent: null,
        author: { name: ['Hasmik', 'John P.', 'Сергей', 'Ani K.', 'D. Walker'][serial % 5], id: `reader-${serial % 5}` },
        body,
        created,
        edited: null,
        score: { up: serial % 7, down: serial % 3 },
        status,
        pinned: false,
      });
      counts.comments++;
      if (status == 'pending') counts.held++;
      if (status == 'rejected') counts.rejected++;
    }
    expected.set(key, counts);
  }
  return { file: { parley: 'export', version: 1, exported: new Date(now).toISOString(), threads }, expected };
}

let parley;
let browser;
let dir;
let expected;
let held;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-history-'));
  const made = history(Date.now());
  expected = made.expected;
  held = made.file.threads.flatMap((thread) => thread.comments).filter((comment) => comment.status == 'pending');
  const importFile = path.join(dir, 'history.json');
  await writeFile(importFile, JSON.stringify(made.file));
  parley = await startParley({ importFile, moderators: [MODERATOR] });
  // Today, through the API: one comment the policy holds, and two that readers flag.
  const attack = await postComment(parley, 'karabakh-ceasefire', 'Honestly, you idiot, read the article before you comment.', { name: 'Angry Reader' });
  assert.equal(attack.comment.status, 'pending');
  for (const body of ['Buy cheap watches at example.com', 'Nobody cares about this region.']) {
    const { comment } = await postComment(parley, 'aid-convoy', body, { name: 'Visitor' });
    const flag = await parley.api('POST', `/api/v1/comments/${comment.id}/flag`, { reason: 'spam' }, { 'x-parley-author': attack.authorToken });
    assert.equal(flag.status, 200, JSON.stringify(flag.body));
  }
  const today = expected.get(new Date().toISOString().slice(0, 10));
  today.comments += 3;
  today.held += 1;
  today.flagged += 2;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await parley?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function signIn() {
  const tab = await browser.context.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.goto(`${parley.url}/admin/`);
  // The session cookie outlives the tab: the second time there is no form.
  const form = tab.getByLabel('Password');
  const queue = tab.getByRole('heading', { name: 'Queue' });
  await form.or(queue).waitFor();
  if (await form.isVisible()) {
    await tab.getByLabel('Name').fill(MODERATOR.name);
    await form.fill(MODERATOR.password);
    await tab.getByRole('button', { name: 'Sign in' }).click();
  }
  await queue.waitFor();
  return tab;
}

test('the held queue lists every waiting comment, previewed by the core, with why it waits', async () => {
  const tab = await signIn();
  const items = tab.locator('article.item');
  await items.first().waitFor();
  assert.equal(await items.count(), held.length + 1);
  assert.equal(await tab.locator('.tabs button', { hasText: 'Held' }).locator('.count').textContent().then((text) => text.trim()), String(held.length + 1));

  // Held by the policy: the words it points at, as the core reads them in the browser.
  const attack = items.filter({ hasText: 'read the article before you comment' });
  await attack.locator('.held mark').waitFor();
  assert.equal(await attack.locator('.held strong').textContent(), 'Held: the discussion policy');
  assert.equal(await attack.locator('.held mark').textContent(), 'you idiot');
  assert.match(await attack.locator('.held li').textContent(), /criticise the argument/);

  // Markup rendered by the core, and a hostile body shown as text.
  const link = items.locator('.body a[href="https://example.org/figures"]');
  assert.equal(await link.count(), held.filter((comment) => comment.body.includes('(https://example.org/figures)')).length);
  assert.equal(await link.first().getAttribute('rel'), 'nofollow ugc noopener');
  assert.equal(await link.first().textContent(), 'The ministry');
  assert.equal(await tab.locator('article.item .body').locator('img, script, [onerror]').count(), 0);
  const hostile = items.filter({ hasText: '<img src=x onerror=alert(1)> look at this' });
  assert.equal(await hostile.count(), held.filter((comment) => comment.body.startsWith('<img')).length);
  assert.ok(await hostile.count() >= 1);

  // A comment held while the queue is open arrives at its end, without a reload.
  const late = await postComment(parley, 'putin-interview', 'Only a fool like you would believe that.', { name: 'Latecomer' });
  assert.equal(late.comment.status, 'pending');
  const today = expected.get(new Date().toISOString().slice(0, 10));
  today.comments += 1;
  today.held += 1;
  await tab.locator('article.item').last().filter({ hasText: 'Only a fool like you' }).waitFor();
  assert.equal(await items.count(), held.length + 2);
  assert.equal(await tab.locator('.tabs button', { hasText: 'Held' }).locator('.count').textContent().then((text) => text.trim()), String(held.length + 2));

  // The flagged queue: the two comments readers reported, with their reasons.
  await tab.locator('.tabs button', { hasText: 'Flagged' }).click();
  await tab.locator('article.item .flags').first().waitFor();
  assert.equal(await tab.locator('article.item').count(), 2);
  assert.match(await tab.locator('article.item .flags').first().textContent(), /Flagged 1×\s*spam/);

  await tab.locator('.tabs button', { hasText: 'Held' }).click();
  await attack.locator('.held mark').waitFor();
  await attack.focus();
  if (process.env.PARLEY_SCREENSHOTS) await tab.screenshot({ path: path.join(process.env.PARLEY_SCREENSHOTS, 'moderation-queue.png') });
  await tab.close();
});

test('the statistics show each of the thirty days as imported and posted', async () => {
  const tab = await signIn();
  await tab.getByRole('link', { name: 'Statistics' }).click();
  const chart = tab.locator('svg.chart');
  await chart.waitFor();
  const rows = tab.locator('table.stats tbody tr');
  assert.equal(await rows.count(), 30);
  for (const row of await rows.all()) {
    const day = await row.locator('th').textContent();
    const [comments, heldCount, rejected, flagged] = (await row.locator('td').allTextContents()).map(Number);
    assert.deepEqual({ comments, held: heldCount, rejected, flagged }, expected.get(day), day);
  }
  // One bar per day and series, as tall as its count.
  const bars = chart.locator('rect[data-series="comments"]');
  assert.equal(await bars.count(), 30);
  const heights = await bars.evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
  const counts = [...expected.values()].map((counts) => counts.comments);
  const tallest = Math.max(...counts);
  heights.forEach((height, index) => assert.ok(Math.abs(height / Math.max(...heights) - counts[index] / tallest) < 0.01, `day ${index}`));
  const total = counts.reduce((sum, count) => sum + count, 0);
  assert.match(await tab.locator('.summary').textContent(), new RegExp(`^${total} comments: `));
  if (process.env.PARLEY_SCREENSHOTS) {
    await tab.screenshot({ path: path.join(process.env.PARLEY_SCREENSHOTS, 'moderation-stats.png'), clip: { x: 0, y: 0, width: 1280, height: 560 } });
  }
  await tab.close();
});
