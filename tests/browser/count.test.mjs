// count.js on an index page: every [data-parley-count] filled from one request, with the
// thread taken from the attribute or from the link's path, and plural words by language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, postComment, uniqueThread } from './harness.mjs';

let env;

before(async () => {
  env = await startAll();
});

after(async () => {
  await env?.close();
});

test('fills every count on the page with one request', async () => {
  const a = uniqueThread('count-a');
  const b = `/2020/10/${uniqueThread('count-b')}/`;
  await postComment(env.parley, a, 'one', { name: 'Ann' });
  await postComment(env.parley, a, 'two', { name: 'Bob' });
  await postComment(env.parley, b, 'one', { name: 'Cy' });
  env.site.pages.set('/index', {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>
      <h2>First story</h2><span id="a" data-parley-count="${a}">…</span>
      <h2>Second story</h2><a id="b" href="${b}" data-parley-count></a>
      <h2>Quiet story</h2><span id="c" data-parley-count="${uniqueThread('count-none')}"></span>
      <p>Again: <span id="a2" data-parley-count="${a}"></span></p>
      <script src="${env.parley.url}/count.js" async></script></body></html>`,
  });
  const tab = await env.browser.context.newPage();
  const counts = [];
  tab.on('request', (request) => request.url().includes('/api/v1/counts') && counts.push(request.url()));
  await tab.goto(`${env.site.url}/index`);
  await tab.waitForFunction(() => document.getElementById('c').textContent !== '');
  const text = (id) => tab.locator(`#${id}`).textContent();
  assert.equal(await text('a'), '2 comments');
  assert.equal(await text('a2'), '2 comments');
  assert.equal(await text('b'), '1 comment');
  assert.equal(await text('c'), '0 comments');
  assert.equal(counts.length, 1, counts.join('\n'));
  await tab.close();
});

test('publishers give the words for their language', async () => {
  const thread = uniqueThread('count-ru');
  for (let i = 0; i < 3; i++) await postComment(env.parley, thread, `${i}`, { name: `R${i}` });
  env.site.pages.set('/ru', {
    html: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Новости</title></head><body>
      <span id="n" data-parley-count="${thread}"></span>
      <script src="${env.parley.url}/count.js" data-parley-one="# комментарий" data-parley-few="# комментария"
        data-parley-many="# комментариев" data-parley-other="# комментария" async></script></body></html>`,
  });
  const tab = await env.browser.context.newPage();
  await tab.goto(`${env.site.url}/ru`);
  await tab.waitForFunction(() => document.getElementById('n').textContent !== '');
  assert.equal(await tab.locator('#n').textContent(), '3 комментария');
  await tab.close();
});
