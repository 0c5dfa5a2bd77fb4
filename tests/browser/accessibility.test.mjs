// Accessibility: the whole flow by keyboard alone with visible focus, the accessible names
// publishers and testers rely on, axe-core finding nothing serious or critical in any state of
// the widget, the reader's language (strings, plural rules, relative times) and right-to-left
// layout for Arabic, Hebrew and Persian.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { startAll, articlePage, openArticle, postComment, uniqueThread } from './harness.mjs';

let env;

before(async () => {
  env = await startAll();
});

after(async () => {
  await env?.close();
});

const open = (thread, options = {}) =>
  openArticle(env, `/${thread}`, { html: articlePage({ server: env.parley.url, thread, ...options }) });

// What has focus, seen through the shadow root: its accessible label and whether its focus
// ring is drawn.
const focused = (tab) =>
  tab.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      label: element.getAttribute('aria-label') || element.labels?.[0]?.textContent || element.textContent.trim(),
      ring: style.outlineStyle != 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });

async function tabTo(tab, predicate, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await tab.keyboard.press('Tab');
    const now = await focused(tab);
    if (predicate(now)) return now;
  }
  throw new Error('never reached by Tab');
}

test('the names are exactly Comment, Name and Post comment', async () => {
  const tab = await open(uniqueThread('names'));
  assert.equal(await tab.getByRole('textbox', { name: 'Comment', exact: true }).count(), 1);
  assert.equal(await tab.getByRole('textbox', { name: 'Name', exact: true }).count(), 1);
  assert.equal(await tab.getByRole('button', { name: 'Post comment', exact: true }).count(), 1);
  assert.equal(await tab.getByRole('textbox', { name: 'Comment', exact: true }).evaluate((e) => e.tagName), 'TEXTAREA');
  await tab.close();
});

test('keyboard only: post, reply, vote and cancel, with focus always visible', async () => {
  const thread = uniqueThread('keyboard');
  await postComment(env.parley, thread, 'Keyboard users welcome', { name: 'Ann' });
  const tab = await open(thread);

  let now = await tabTo(tab, (f) => f.label == 'Name');
  assert.ok(now.ring, 'the name field shows its focus');
  await tab.keyboard.type('Kay');
  now = await tabTo(tab, (f) => f.label == 'Comment');
  assert.equal(now.tag, 'textarea');
  await tab.keyboard.type('Typed without a mouse');
  now = await tabTo(tab, (f) => f.label == 'Post comment');
  assert.ok(now.ring, 'the button shows its focus');
  await tab.keyboard.press('Enter');
  await tab.locator('#parley-thread article.parley-own').waitFor();

  now = await tabTo(tab, (f) => f.label == 'Upvote comment by Ann');
  assert.ok(now.ring);
  await tab.keyboard.press('Enter');
  await tab.waitForFunction(() =>
    document.getElementById('parley-thread').shadowRoot.querySelector('article:not(.parley-own) .parley-upvote[aria-pressed="true"]'),
  );

  now = await tabTo(tab, (f) => f.label == 'Reply to Ann');
  await tab.keyboard.press('Enter');
  now = await focused(tab);
  assert.equal(now.tag, 'textarea', 'Reply puts the cursor in the reply box');
  await tab.keyboard.press('Escape');
  now = await focused(tab);
  assert.equal(now.label, 'Reply to Ann', 'Escape closes the reply and returns to its button');

  await tab.keyboard.press('Enter');
  await tab.keyboard.type('A reply, sent with Ctrl+Enter');
  await tab.keyboard.press('Control+Enter');
  await tab.locator('#parley-thread li[aria-level="2"] article').waitFor();
  const comments = (await env.parley.api('GET', `/api/v1/threads/${thread}/comments`)).body.comments;
  assert.deepEqual(comments.map((comment) => comment.body).sort(), [
    'A reply, sent with Ctrl+Enter',
    'Keyboard users welcome',
    'Typed without a mouse',
  ]);
  await tab.close();
});

test('axe finds no serious or critical violation, in any state of the widget', async () => {
  const thread = uniqueThread('axe');
  const first = await postComment(env.parley, thread, 'A *comment* with [a link](https://example.com)', { name: 'Ann' });
  await postComment(env.parley, thread, 'A reply', { name: 'Bob', parent: first.comment.id });
  const tab = await open(thread, { attributes: { 'collapse-after': '0' } });
  const check = async (state) => {
    const results = await new AxeBuilder({ page: tab }).include('#parley-thread').analyze();
    const bad = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
    assert.deepEqual(
      bad.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      [],
      state,
    );
    assert.ok(results.passes.length > 10, `${state}: axe ran (${results.passes.length} rules passed)`);
  };
  await check('reading');
  await tab.getByLabel('Comment', { exact: true }).fill('You are an idiot, see https://example.com');
  await tab.locator('#parley-thread .parley-verdict:not([hidden])').waitFor();
  await check('policy feedback and preview');
  await tab.getByRole('button', { name: 'Reply to Ann' }).click();
  await tab.getByRole('button', { name: 'Report comment by Bob' }).click();
  await check('reply and report forms open');
  await tab.emulateMedia({ colorScheme: 'dark' });
  await check('dark');
  await tab.close();
});

test('the reader’s language: strings, plurals and relative times in Russian', async () => {
  const thread = uniqueThread('ru');
  await postComment(env.parley, thread, 'Первый', { name: 'Аня' });
  await postComment(env.parley, thread, 'Второй', { name: 'Боря' });
  const tab = await open(thread, { lang: 'ru' });
  assert.equal(await tab.locator('#parley-thread h2').textContent(), '2 комментария');
  assert.equal(await tab.getByRole('button', { name: 'Отправить комментарий' }).count(), 1);
  assert.match(await tab.locator('#parley-thread .parley-permalink time').first().textContent(), /сейчас|секунд/);
  await tab.getByLabel('Комментарий', { exact: true }).fill('ты идиот');
  await tab.locator('#parley-thread .parley-verdict:not([hidden])').waitFor();
  assert.match(await tab.locator('#parley-thread .parley-verdict').textContent(), /Модератор проверит/);
  await tab.close();
});

test('the reader’s language: Armenian strings, count and relative times', async () => {
  const thread = uniqueThread('hy');
  await postComment(env.parley, thread, 'Բարև', { name: 'Անի' });
  await postComment(env.parley, thread, 'Ողջույն', { name: 'Արամ' });
  const tab = await open(thread, { lang: 'hy' });
  assert.equal(await tab.locator('#parley-thread h2').textContent(), '2 մեկնաբանություն');
  assert.equal(await tab.getByRole('button', { name: 'Հրապարակել մեկնաբանությունը' }).count(), 1);
  assert.equal(await tab.getByLabel('Մեկնաբանություն', { exact: true }).count(), 1);
  // Chromium has no Intl data for Armenian: the pack's own words stand in for "now" and the date.
  const time = tab.locator('#parley-thread .parley-permalink time').first();
  assert.equal(await time.textContent(), 'հիմա');
  assert.match(await time.getAttribute('title'), /^\d{1,2} (հունվարի|փետրվարի|մարտի|ապրիլի|մայիսի|հունիսի|հուլիսի|օգոստոսի|սեպտեմբերի|հոկտեմբերի|նոյեմբերի|դեկտեմբերի), \d{4} թ\., \d\d:\d\d$/);
  await tab.close();
});

for (const [lang, post] of [['ar', 'نشر التعليق'], ['he', 'פרסום תגובה'], ['fa', 'ارسال نظر']]) {
  test(`right-to-left layout for ${lang}`, async () => {
    const thread = uniqueThread(`rtl-${lang}`);
    const first = await postComment(env.parley, thread, 'مرحبا', { name: 'سارا' });
    await postComment(env.parley, thread, 'שלום', { name: 'דן', parent: first.comment.id });
    const tab = await open(thread, { lang });
    const directions = await tab.evaluate(() => {
      const root = document.getElementById('parley-thread').shadowRoot;
      return ['.parley-root', '.parley-comments', '.parley-replies', 'form'].map((selector) => getComputedStyle(root.querySelector(selector)).direction);
    });
    assert.deepEqual(directions, ['rtl', 'rtl', 'rtl', 'rtl']);
    assert.equal(await tab.getByRole('button', { name: post, exact: true }).count(), 1);
    // Replies indent from the right: the reply list's border is on its right-hand side.
    const border = await tab.locator('#parley-thread .parley-replies').evaluate((list) => getComputedStyle(list).borderRightWidth);
    assert.equal(border, '2px');
    await tab.close();
  });
}

test('themes: the system’s dark mode unless fixed, the page’s font, and --parley-* overrides', async () => {
  const thread = uniqueThread('theme');
  await postComment(env.parley, thread, 'Styled', { name: 'Ann' });
  const head = '<style>body { font-family: "Courier New", monospace; } .branded { --parley-accent: rgb(200, 0, 80); }</style>';
  const background = (tab) => tab.locator('#parley-thread').evaluate((host) => getComputedStyle(host).backgroundColor);
  const dark = 'rgb(13, 17, 23)';

  const auto = await open(thread, { head });
  await auto.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(auto), 'rgba(0, 0, 0, 0)');
  await auto.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(auto), dark);
  const font = await auto.locator('#parley-thread article .parley-body').evaluate((body) => getComputedStyle(body).fontFamily);
  assert.equal(font, '"Courier New", monospace');
  await auto.close();

  const light = await open(thread, { head, attributes: { theme: 'light' } });
  await light.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await background(light), 'rgba(0, 0, 0, 0)');
  await light.close();

  const fixed = await open(thread, { head, attributes: { theme: 'dark' } });
  await fixed.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background(fixed), dark);
  await fixed.evaluate(() => document.getElementById('parley-thread').classList.add('branded'));
  const accent = await fixed.getByRole('button', { name: 'Post comment' }).evaluate((button) => getComputedStyle(button).backgroundColor);
  assert.equal(accent, 'rgb(200, 0, 80)');
  await fixed.close();
});
