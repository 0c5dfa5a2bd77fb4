// Moderation end to end in Chromium, on the real server: a reader's comment is held (the thread
// is pre-moderated), a moderator signs in at /admin/ and approves it with the keyboard, and the
// reader sees it published; a rejected comment tells its author why, in their language; a
// banned or suspended identity can no longer post, and is told so in their language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../support/browser.mjs';
import { startAll, articlePage, openArticle, postComment, uniqueThread, waitReady } from './harness.mjs';

const MODERATOR = { name: 'Mariam', password: 'correct horse battery' };
let env;
let moderatorBrowser;

before(async () => {
  env = await startAll({ env: { PARLEY_MODERATION: 'pre' }, moderators: [MODERATOR] });
  moderatorBrowser = await launchChromium();
});

after(async () => {
  await moderatorBrowser?.close();
  await env?.close();
});

async function signIn() {
  const tab = await moderatorBrowser.context.newPage();
  await tab.goto(`${env.parley.url}/admin/`);
  // The dashboard shows either the sign-in form or, with a session already, the queue: wait
  // for one of them before deciding (checking at once raced the page's first render).
  const queue = tab.getByRole('heading', { name: 'Queue' });
  await tab.getByLabel('Password').or(queue).first().waitFor();
  if (await tab.getByLabel('Password').isVisible()) {
    await tab.getByLabel('Name').fill(MODERATOR.name);
    await tab.getByLabel('Password').fill(MODERATOR.password);
    await tab.getByRole('button', { name: 'Sign in' }).click();
  }
  await queue.waitFor();
  return tab;
}

// The composer's labels in the languages these tests write in.
const LABELS = {
  en: { name: 'Name', comment: 'Comment', post: 'Post comment' },
  ru: { name: 'Имя', comment: 'Комментарий', post: 'Отправить комментарий' },
};

async function post(tab, text, name, lang = 'en') {
  const labels = LABELS[lang];
  if (name) await tab.getByLabel(labels.name, { exact: true }).fill(name);
  await tab.getByLabel(labels.comment, { exact: true }).fill(text);
  await tab.getByRole('button', { name: labels.post }).click();
}

// From the focused queue item: b opens its author, whom the form bans (for `days`, or for good).
async function banAuthor(mod, days) {
  await mod.keyboard.press('b');
  await mod.getByRole('heading', { name: 'People' }).waitFor();
  const form = mod.locator('.person .ban-form');
  if (days) await form.getByLabel('Days (empty: permanent)').fill(String(days));
  else await form.getByLabel('Reason').fill('spam');
  await form.getByRole('button', { name: 'Ban' }).click();
  await mod.locator('.bans td', { hasText: 'identity' }).first().waitFor();
}

test('a held comment is approved from the keyboard and its reader sees it published', async () => {
  const thread = uniqueThread('held');
  const page = { html: articlePage({ server: env.parley.url, thread }) };
  const reader = await openArticle(env, `/${thread}`, page);
  await post(reader, 'Please check this, moderators.', 'Vahe');
  const mine = reader.locator('#parley-thread article.parley-comment', { hasText: 'Please check this' });
  await mine.waitFor();
  assert.match(await mine.getAttribute('class'), /parley-comment-pending/);

  const mod = await signIn();
  const item = mod.locator('article.item', { hasText: 'Please check this, moderators.' });
  await item.waitFor();
  // Keyboard only: the first comment, then "a".
  await mod.locator('.tabs button[aria-pressed="true"]').focus();
  await mod.keyboard.press('j');
  while (!(await item.evaluate((element) => element === document.activeElement))) await mod.keyboard.press('j');
  await mod.keyboard.press('a');
  await item.waitFor({ state: 'detached' });

  await reader.reload();
  await waitReady(reader);
  const published = reader.locator('#parley-thread article.parley-comment', { hasText: 'Please check this' });
  await published.waitFor();
  assert.doesNotMatch(await published.getAttribute('class'), /parley-comment-pending/);
  // And everyone else sees it too.
  const other = await openArticle(env, `/${thread}`, page, { context: moderatorBrowser.context });
  await other.locator('#parley-thread article.parley-comment', { hasText: 'Please check this' }).waitFor();
  await other.close();
  await reader.close();
  await mod.close();
});

test('a rejected comment tells its author why, in their language, and nobody else sees it', async () => {
  const thread = uniqueThread('rejected');
  const page = { html: articlePage({ server: env.parley.url, thread, lang: 'ru' }) };
  const reader = await openArticle(env, `/${thread}`, page);
  await post(reader, 'Все вы тут ничего не понимаете.', 'Гость', 'ru');
  await reader.locator('#parley-thread article.parley-comment', { hasText: 'ничего не понимаете' }).waitFor();

  const mod = await signIn();
  const item = mod.locator('article.item', { hasText: 'ничего не понимаете' });
  await item.focus();
  await mod.keyboard.press('r');
  await mod.getByLabel('Reason the author will see').selectOption('personal_attack');
  await mod.getByLabel('Note to the author (optional)').fill('Спорьте с доводами.');
  await mod.keyboard.press('Enter');
  await item.waitFor({ state: 'detached' });

  await reader.reload();
  await waitReady(reader);
  const note = reader.locator('#parley-thread .parley-moderation-note');
  await note.waitFor();
  assert.equal(await note.textContent(), 'Модератор отклонил этот комментарий: личные оскорбления. Примечание модератора: Спорьте с доводами.');
  const other = await openArticle(env, `/${thread}`, page, { context: moderatorBrowser.context });
  assert.equal(await other.locator('#parley-thread article.parley-comment').count(), 0);
  await other.close();
  await reader.close();
  await mod.close();
});

test('a banned identity can no longer post', async (t) => {
  const thread = uniqueThread('banned');
  const page = { html: articlePage({ server: env.parley.url, thread }) };
  // A browser of its own: the ban follows the reader's identity, kept in the profile.
  const readerBrowser = await launchChromium();
  t.after(() => readerBrowser.close());
  const reader = await openArticle(env, `/${thread}`, page, { context: readerBrowser.context });
  await post(reader, 'First, before the ban.', 'Troll');
  await reader.locator('#parley-thread article.parley-comment', { hasText: 'First, before the ban.' }).waitFor();

  const mod = await signIn();
  const item = mod.locator('article.item', { hasText: 'First, before the ban.' });
  await item.focus();
  await banAuthor(mod);

  await post(reader, 'Second, after the ban.');
  await reader.locator('#parley-thread .parley-composer-status.parley-error').waitFor();
  assert.equal(await reader.locator('#parley-thread .parley-composer-status').textContent(), 'You can no longer post or react on this site.');
  await reader.close();
  await mod.close();
});

test('a suspended reader is told until when, in their language', async (t) => {
  const thread = uniqueThread('suspended');
  const page = { html: articlePage({ server: env.parley.url, thread, lang: 'ru' }) };
  const readerBrowser = await launchChromium();
  t.after(() => readerBrowser.close());
  // Someone else's comment to vote on, published by the moderator below.
  await postComment(env.parley, thread, 'Переговоры — единственный путь.', { name: 'Ануш' });
  const reader = await openArticle(env, `/${thread}`, page, { context: readerBrowser.context });
  await post(reader, 'Первый, до отстранения.', 'Спорщик', 'ru');
  await reader.locator('#parley-thread article.parley-comment', { hasText: 'до отстранения' }).waitFor();

  const mod = await signIn();
  const anush = mod.locator('article.item', { hasText: 'единственный путь' });
  await anush.focus();
  await mod.keyboard.press('a');
  await anush.waitFor({ state: 'detached' });
  await mod.locator('article.item', { hasText: 'до отстранения' }).focus();
  await banAuthor(mod, 2);

  await reader.reload();
  await waitReady(reader);
  await post(reader, 'Второй, после.', null, 'ru');
  const status = reader.locator('#parley-thread .parley-composer-status.parley-error');
  await status.waitFor();
  const until = new Date(Date.now() + 2 * 86400e3);
  const text = await status.textContent();
  assert.match(text, /^Вы не можете публиковать комментарии и реагировать на этом сайте до .+\.$/);
  assert.ok(text.includes(String(until.getUTCFullYear())) && text.includes(String(until.getUTCDate())), text);
  // A vote is refused the same way: the optimistic vote rolls back, and the reason is in Russian.
  await reader.getByRole('button', { name: 'Голосовать за комментарий пользователя Ануш' }).click();
  const live = reader.locator('#parley-thread .parley-visually-hidden[role=status]');
  await live.filter({ hasText: 'Голос не учтён' }).waitFor();
  assert.match(await live.textContent(), /^Голос не учтён: Вы не можете публиковать комментарии и реагировать на этом сайте до .+\.$/);
  await reader.close();
  await mod.close();
});

test('the statistics chart draws the days with their held and rejected comments', async () => {
  const mod = await signIn();
  await mod.getByRole('link', { name: 'Statistics' }).click();
  const chart = mod.locator('svg.chart');
  await chart.waitFor();
  assert.equal(await chart.locator('rect[data-series="comments"]').count(), 30);
  // Today's bars: the comments of the tests above, some held and one rejected.
  const today = new Date().toISOString().slice(0, 10);
  const row = mod.locator('table.stats tr', { has: mod.locator(`th:text-is("${today}")`) });
  const cells = await row.locator('td').allTextContents();
  assert.ok(Number(cells[0]) >= 3 && Number(cells[1]) >= 3 && Number(cells[2]) >= 1, cells.join(' '));
  await mod.close();
});
