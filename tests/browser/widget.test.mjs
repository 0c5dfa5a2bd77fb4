// The widget end to end in Chromium against the real `parley serve`: a publisher's page on its
// own origin with the one script tag, a reader reading, posting, replying, voting, sorting,
// editing and deleting, the composer's instant policy feedback, drafts and retries, paging,
// branches, permalinks, and the takeover of server-rendered HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, articlePage, holdBack, openArticle, postComment, uniqueThread, waitReady } from './harness.mjs';

let env;

before(async () => {
  env = await startAll();
});

after(async () => {
  await env?.close();
});

const open = (thread, options = {}, wait) =>
  openArticle(env, `/${thread}`, { html: articlePage({ server: env.parley.url, thread, ...options }) }, wait);

const articles = (tab) => tab.locator('#parley-thread article.parley-comment');
const bodyOf = (tab, id) => tab.locator(`#parley-thread article[data-parley-id="${id}"] > .parley-body`);
const list = async (thread, sort = 'oldest') =>
  (await env.parley.api('GET', `/api/v1/threads/${encodeURIComponent(thread)}/comments?sort=${sort}`)).body.comments;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('loads the thread through the core with relative times and no errors', async () => {
  const thread = uniqueThread('load');
  const first = await postComment(env.parley, thread, 'First *comment*', { name: 'Ann' });
  await postComment(env.parley, thread, 'A reply', { name: 'Bob', parent: first.comment.id });
  const tab = await open(thread);
  assert.equal(await articles(tab).count(), 2);
  assert.equal(await tab.locator('#parley-thread h2.parley-count').textContent(), '2 comments');
  assert.equal(await bodyOf(tab, first.comment.id).innerHTML(), '<p>First <em>comment</em></p>\n');
  const time = tab.locator(`#parley-thread article[data-parley-id="${first.comment.id}"] .parley-permalink time`);
  assert.match(await time.textContent(), /^(now|\d+ seconds? ago)$/);
  assert.ok((await time.getAttribute('title')).length > 8);
  // The reply sits in the parent's list, one level down.
  assert.equal(await tab.locator('#parley-thread li[aria-level="2"] article').getAttribute('data-parley-id'), (await list(thread))[1].id);
  assert.deepEqual(tab.errors, []);
  await tab.close();
});

test('a reader posts a comment with a live preview; the name is remembered and the draft cleared', async () => {
  const thread = uniqueThread('post');
  const tab = await open(thread);
  await tab.getByLabel('Name', { exact: true }).fill('Nora');
  await tab.getByLabel('Comment', { exact: true }).fill('Hello **world**');
  await tab.locator('#parley-thread .parley-preview strong').waitFor();
  assert.equal(await tab.locator('#parley-thread .parley-preview .parley-body').innerHTML(), '<p>Hello <strong>world</strong></p>\n');
  await tab.getByRole('button', { name: 'Post comment', exact: true }).click();
  const mine = articles(tab).first();
  await mine.waitFor();
  assert.equal(await mine.locator('.parley-author').textContent(), 'Nora');
  assert.ok(await mine.evaluate((article) => article.getRootNode().activeElement === article), 'focus moves to the new comment');
  const stored = await list(thread);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].body, 'Hello **world**');
  assert.equal(await tab.getByLabel('Comment', { exact: true }).inputValue(), '');
  await tab.reload();
  await waitReady(tab);
  assert.equal(await tab.getByLabel('Name', { exact: true }).inputValue(), 'Nora');
  assert.equal(await tab.getByLabel('Comment', { exact: true }).inputValue(), '');
  await tab.close();
});

test('a reply is written inline under its comment and posted as its child', async () => {
  const thread = uniqueThread('reply');
  const parent = await postComment(env.parley, thread, 'Parent comment', { name: 'Ann' });
  const tab = await open(thread);
  await tab.getByRole('button', { name: 'Reply to Ann' }).click();
  const form = tab.locator('#parley-thread form[aria-label="Replying to Ann"]');
  await form.waitFor();
  assert.ok(await form.locator('textarea').evaluate((textarea) => textarea.getRootNode().activeElement === textarea));
  await form.getByLabel('Name', { exact: true }).fill('Rita');
  await form.getByLabel('Comment', { exact: true }).fill('I agree with Ann');
  await form.getByRole('button', { name: 'Post comment' }).click();
  const reply = tab.locator('#parley-thread li[aria-level="2"] article');
  await reply.waitFor();
  assert.equal(await reply.locator('.parley-body').textContent(), 'I agree with Ann\n');
  assert.equal(await form.count(), 0, 'the reply form closes');
  const stored = await list(thread);
  assert.equal(stored.find((comment) => comment.body == 'I agree with Ann').parent, parent.comment.id);
  await tab.close();
});

test('votes are optimistic, reach the server, can be withdrawn, and roll back when refused', async () => {
  const thread = uniqueThread('vote');
  const other = await postComment(env.parley, thread, 'Vote for me', { name: 'Ann' });
  const tab = await open(thread);
  const article = tab.locator(`#parley-thread article[data-parley-id="${other.comment.id}"]`);
  const up = article.getByRole('button', { name: 'Upvote comment by Ann' });
  const answered = () => tab.waitForResponse((response) => response.url().endsWith('/vote'));
  let answer = answered();
  await up.click();
  // Optimistic: the count changed before any answer could matter.
  assert.equal(await article.locator('.parley-score').textContent(), '1');
  assert.equal(await up.getAttribute('aria-pressed'), 'true');
  await answer;
  assert.deepEqual((await list(thread))[0].score, { up: 1, down: 0 });
  answer = answered();
  await up.click();
  await answer;
  assert.equal(await article.locator('.parley-score').textContent(), '0');
  assert.deepEqual((await list(thread))[0].score, { up: 0, down: 0 });

  // The server refuses votes on one's own comment: the widget puts the count back.
  await tab.getByLabel('Name', { exact: true }).fill('Self');
  await tab.getByLabel('Comment', { exact: true }).fill('My own comment');
  await tab.getByRole('button', { name: 'Post comment', exact: true }).click();
  const own = tab.locator('#parley-thread article.parley-own');
  await own.waitFor();
  await own.getByRole('button', { name: 'Downvote comment by Self' }).click();
  await tab.waitForFunction(() =>
    /not counted/.test(document.getElementById('parley-thread').shadowRoot.querySelector('[aria-live]').textContent),
  );
  assert.equal(await own.locator('.parley-score').textContent(), '0');
  assert.equal(await own.getByRole('button', { name: 'Downvote comment by Self' }).getAttribute('aria-pressed'), 'false');
  await tab.close();
});

test('sorting switches between oldest, newest and best', async () => {
  const thread = uniqueThread('sort');
  const ids = [];
  for (const name of ['Ann', 'Bob', 'Cy']) {
    ids.push((await postComment(env.parley, thread, `Comment by ${name}`, { name })).comment.id);
    await sleep(1100); // timestamps have one-second resolution
  }
  // Bob's comment gets two upvotes from two other readers.
  for (let i = 0; i < 2; i++) {
    const voter = await postComment(env.parley, `${thread}-voters`, 'voter', { name: `V${i}` });
    await env.parley.api('POST', `/api/v1/comments/${ids[1]}/vote`, { value: 1 }, { 'x-parley-author': voter.authorToken });
  }
  const tab = await open(thread);
  const order = () => articles(tab).evaluateAll((list) => list.map((article) => article.dataset.parleyId));
  assert.deepEqual(await order(), ids);
  await tab.getByLabel('Sort by').selectOption('newest');
  await tab.waitForFunction((first) => document.getElementById('parley-thread').shadowRoot.querySelector('article').dataset.parleyId === first, ids[2]);
  assert.deepEqual(await order(), [...ids].reverse());
  await tab.getByLabel('Sort by').selectOption('best');
  await tab.waitForFunction((first) => document.getElementById('parley-thread').shadowRoot.querySelector('article').dataset.parleyId === first, ids[1]);
  assert.equal((await order())[0], ids[1]);
  // The choice is remembered for the next article.
  await tab.reload();
  await waitReady(tab);
  assert.equal(await tab.getByLabel('Sort by').inputValue(), 'best');
  assert.equal((await order())[0], ids[1]);
  await tab.evaluate(() => localStorage.removeItem('parley-sort'));
  await tab.close();
});

test('the author edits and deletes their own comment within the window', async () => {
  const thread = uniqueThread('edit');
  await postComment(env.parley, thread, 'Someone else', { name: 'Ann' });
  const tab = await open(thread);
  await tab.getByLabel('Name', { exact: true }).fill('Eve');
  await tab.getByLabel('Comment', { exact: true }).fill('Frist!');
  await tab.getByRole('button', { name: 'Post comment', exact: true }).click();
  const own = tab.locator('#parley-thread article.parley-own');
  await own.waitFor();
  // Only the reader's own comment has Edit and Delete.
  assert.equal(await tab.locator('#parley-thread [data-parley-action=edit]').count(), 1);
  await own.getByRole('button', { name: 'Edit your comment' }).click();
  const editor = own.locator('form[aria-label="Editing your comment"]');
  assert.equal(await editor.getByLabel('Comment', { exact: true }).inputValue(), 'Frist!');
  await editor.getByLabel('Comment', { exact: true }).fill('First!');
  await editor.getByRole('button', { name: 'Save' }).click();
  await own.locator('.parley-edited').waitFor();
  assert.equal(await own.locator('.parley-body').textContent(), 'First!\n');
  const id = await own.getAttribute('data-parley-id');
  assert.equal((await list(thread)).find((comment) => comment.id == id).body, 'First!');

  // Reloading keeps the right to edit (the edit token is stored).
  await tab.reload();
  await waitReady(tab);
  await own.getByRole('button', { name: 'Delete your comment' }).click();
  await own.getByRole('button', { name: 'Delete', exact: true }).click();
  await tab.locator(`#parley-thread article[data-parley-id="${id}"]`).waitFor({ state: 'detached' });
  assert.equal((await list(thread)).some((comment) => comment.id == id), false);
  await tab.close();
});

test('policy feedback: spans highlighted while typing, review explained, reject blocks posting', async () => {
  const thread = uniqueThread('policy');
  const tab = await open(thread);
  const posts = [];
  tab.on('request', (request) => request.method() == 'POST' && posts.push(request.url()));
  const textarea = tab.getByLabel('Comment', { exact: true });
  // Multi-byte text before the span: the byte offsets must land on the right characters.
  await textarea.fill('Ереван — you are an idiot');
  const verdict = tab.locator('#parley-thread .parley-verdict');
  await verdict.waitFor();
  assert.match(await verdict.textContent(), /A moderator will check this comment before it appears, because:/);
  assert.equal(await tab.locator('#parley-thread .parley-mirror mark').textContent(), 'you are an idiot');
  assert.equal(await tab.getByRole('button', { name: 'Post comment', exact: true }).getAttribute('aria-disabled'), 'false');

  await textarea.fill('🙂🙂 fuck this');
  await tab.waitForFunction(() => document.getElementById('parley-thread').shadowRoot.querySelector('.parley-verdict.parley-reject'));
  assert.match(await verdict.textContent(), /can’t be posted/);
  assert.equal(await tab.locator('#parley-thread .parley-mirror mark').textContent(), 'fuck');
  assert.equal(await textarea.getAttribute('aria-invalid'), 'true');
  const submit = tab.getByRole('button', { name: 'Post comment', exact: true });
  assert.equal(await submit.getAttribute('aria-disabled'), 'true');
  await tab.getByLabel('Name', { exact: true }).fill('Rude');
  // aria-disabled keeps the button focusable and clickable, so the reader learns why.
  await submit.click({ force: true });
  await tab.waitForTimeout(200);
  assert.deepEqual(posts, [], 'nothing is sent while the verdict is reject');
  assert.match(await tab.locator('#parley-thread form .parley-composer-status').textContent(), /can’t be posted/);
  // The excerpt button selects the span in the textarea.
  await tab.locator('#parley-thread .parley-excerpt').click();
  assert.deepEqual(await textarea.evaluate((element) => [element.selectionStart, element.selectionEnd]), [5, 9]);

  await textarea.fill('A fair point, well made.');
  await tab.waitForFunction(() => document.getElementById('parley-thread').shadowRoot.querySelector('.parley-verdict').hidden);
  assert.equal(await submit.getAttribute('aria-disabled'), 'false');
  await tab.close();
});

test('the draft survives a reload, and a failed post is retried with a visible status', async () => {
  const thread = uniqueThread('draft');
  const tab = await open(thread);
  await tab.getByLabel('Name', { exact: true }).fill('Dora');
  await tab.getByLabel('Comment', { exact: true }).fill('Half-written thought');
  await tab.waitForFunction((key) => localStorage.getItem(key), `parley-draft:${thread}:`);
  await tab.reload();
  await waitReady(tab);
  assert.equal(await tab.getByLabel('Comment', { exact: true }).inputValue(), 'Half-written thought');

  let failures = 2;
  await tab.route('**/api/v1/threads/*/comments', (route) =>
    route.request().method() == 'POST' && failures-- > 0 ? route.abort('connectionreset') : route.continue(),
  );
  await tab.getByRole('button', { name: 'Post comment', exact: true }).click();
  const status = tab.locator('#parley-thread form .parley-composer-status');
  await tab.waitForFunction(() => /Trying again in \d+ s/.test(document.getElementById('parley-thread').shadowRoot.querySelector('form .parley-composer-status').textContent));
  assert.match(await status.textContent(), /no connection/);
  await articles(tab).first().waitFor({ timeout: 10000 });
  assert.match(await status.textContent(), /published/);
  assert.equal((await list(thread)).length, 1);
  assert.equal(await tab.evaluate((key) => localStorage.getItem(key), `parley-draft:${thread}:`), null);
  await tab.close();
});

test('before the interaction chunk arrives, typing keeps a draft and Post waits for it: nothing is lost', async () => {
  const thread = uniqueThread('early');
  // Hold parley-interact.js back until the reader has typed and pressed Post.
  const chunk = await holdBack(env.browser.context, '**/parley-interact.js');
  try {
    const tab = await open(thread);
    await tab.getByLabel('Name', { exact: true }).fill('Early');
    await tab.getByLabel('Comment', { exact: true }).fill('Typed before the chunk');
    // The draft is kept at once, with no behaviour wired yet.
    assert.equal(await tab.evaluate((key) => JSON.parse(localStorage.getItem(key)), `parley-draft:${thread}:`), 'Typed before the chunk');
    assert.equal(await tab.locator('#parley-thread .parley-edit').count(), 0);
    await tab.getByRole('button', { name: 'Post comment', exact: true }).click();
    await sleep(300);
    assert.equal((await list(thread)).length, 0, 'nothing is sent before the chunk');
    chunk.release();
    const mine = articles(tab).first();
    await mine.waitFor();
    assert.equal(await mine.locator('.parley-author').textContent(), 'Early');
    assert.equal((await list(thread))[0].body, 'Typed before the chunk');
    // The chunk's own controls follow: Edit and Delete on the reader's new comment.
    await tab.locator('#parley-thread .parley-edit').waitFor();
    assert.equal(await tab.getByLabel('Comment', { exact: true }).inputValue(), '');
    assert.deepEqual(tab.errors, []);
    await tab.close();
  } finally {
    await chunk.stop();
  }
});

test('load more, expand replies, collapse a branch', async () => {
  const thread = uniqueThread('paging');
  const ids = [];
  for (let i = 0; i < 53; i++) ids.push((await postComment(env.parley, thread, `Comment ${i}`, { name: `R${i}` })).comment.id);
  for (let i = 0; i < 3; i++) await postComment(env.parley, thread, `Reply ${i}`, { name: `P${i}`, parent: ids[0] });
  const tab = await open(thread, { attributes: { 'collapse-after': '1' } });
  assert.equal(await tab.locator('#parley-thread li[aria-level="1"]').count(), 50);
  // The heading counts the whole thread, not only the first page.
  assert.equal(await tab.locator('#parley-thread h2.parley-count').textContent(), '56 comments');
  await tab.getByRole('button', { name: 'Load more comments' }).click();
  await tab.waitForFunction(() => document.getElementById('parley-thread').shadowRoot.querySelectorAll('li[aria-level="1"]').length === 53);
  assert.equal(await tab.getByRole('button', { name: 'Load more comments' }).isVisible(), false);

  // One reply shown, the others behind "2 more replies".
  const first = tab.locator(`#parley-thread article[data-parley-id="${ids[0]}"]`);
  const replies = first.locator('xpath=..').locator('> ol.parley-replies > li');
  assert.equal(await replies.count(), 1);
  await tab.getByRole('button', { name: '2 more replies' }).click();
  await tab.waitForFunction(() => document.getElementById('parley-thread').shadowRoot.querySelectorAll('li[aria-level="2"]').length === 3);
  assert.equal(await tab.evaluate(() => document.getElementById('parley-thread').shadowRoot.activeElement?.textContent.includes('Reply 1')), true);

  const toggle = first.getByRole('button', { name: 'Hide thread by R0' });
  await toggle.click();
  const hidden = tab.locator(`#parley-thread article[data-parley-id="${ids[0]}"]`);
  assert.equal(await hidden.locator('.parley-body').isVisible(), false);
  assert.equal(await tab.locator('#parley-thread li[aria-level="2"]').first().isVisible(), false);
  await hidden.getByRole('button', { name: 'Show thread by R0' }).click();
  assert.equal(await tab.locator('#parley-thread li[aria-level="2"]').first().isVisible(), true);
  await tab.close();
});

test('a permalink scrolls to its comment, loading pages as needed, and highlights it', async () => {
  const thread = uniqueThread('permalink');
  const ids = [];
  for (let i = 0; i < 52; i++) ids.push((await postComment(env.parley, thread, `Comment ${i}`, { name: `R${i}` })).comment.id);
  env.site.pages.set(`/${thread}`, { html: articlePage({ server: env.parley.url, thread }) });
  const tab = await env.browser.context.newPage();
  await tab.goto(`${env.site.url}/${thread}#parley-comment-${ids[51]}`);
  const target = tab.locator(`#parley-thread article[data-parley-id="${ids[51]}"]`);
  await tab.waitForFunction(() => document.getElementById('parley-thread').shadowRoot?.querySelector('.parley-highlight'));
  assert.equal(await target.evaluate((article) => article.classList.contains('parley-highlight')), true);
  assert.ok(await target.evaluate((article) => article.getRootNode().activeElement === article));
  assert.ok(await target.isVisible());
  const box = await target.boundingBox();
  assert.ok(box.y >= 0 && box.y < tab.viewportSize().height, `in view at ${box.y}`);
  // Clicking another comment's permalink moves the highlight there. Comments posted within one
  // second tie on time, so which ones share the target's page is not fixed: take a shown one.
  const other = await tab.locator(`#parley-thread article[data-parley-id]:not([data-parley-id="${ids[51]}"])`).first().getAttribute('data-parley-id');
  await tab.locator(`#parley-thread article[data-parley-id="${other}"] .parley-permalink`).click();
  await tab.waitForFunction((id) => document.getElementById('parley-thread').shadowRoot.querySelector('.parley-highlight')?.dataset.parleyId === id, other);
  assert.equal(await tab.evaluate(() => location.hash), `#parley-comment-${other}`);
  await tab.close();
});

test('server-rendered comments are taken over without a flash and without re-rendering', async () => {
  const thread = uniqueThread('ssr');
  await postComment(env.parley, thread, 'Rendered by the server', { name: 'Ann' });
  await postComment(env.parley, thread, 'Me too', { name: 'Bob' });
  const ssr = await env.parley.api('GET', `/api/v1/threads/${encodeURIComponent(thread)}/html?lang=en`);
  assert.equal(ssr.status, 200);
  // The page marks the server's nodes and samples, every frame, how many comments are visible.
  const head = `<script>
    window.samples = [];
    addEventListener('DOMContentLoaded', () => {
      for (const article of document.querySelectorAll('#parley-thread article')) article.fromServer = true;
      const host = document.getElementById('parley-thread');
      (function sample() {
        const scope = host.shadowRoot || host;
        window.samples.push([...scope.querySelectorAll('article')].filter((a) => a.getClientRects().length).length);
        if (host.dataset.parleyState !== 'ready' || window.samples.length < 5) requestAnimationFrame(sample);
      })();
    });
  </script>`;
  const tab = await open(thread, { inside: ssr.body, head });
  await tab.waitForFunction(() => window.samples.length >= 5);
  const samples = await tab.evaluate(() => window.samples);
  assert.equal(Math.min(...samples), 2, `visible comments per frame: ${samples.join(',')}`);
  assert.deepEqual(
    await articles(tab).evaluateAll((list) => list.map((article) => article.fromServer === true)),
    [true, true],
    'the server-rendered nodes are kept, not replaced',
  );
  // ...and decorated like the widget's own: relative times.
  assert.match(await articles(tab).first().locator('time').first().textContent(), /now|ago/);
  await tab.close();
});

test('when the thread cannot be loaded, the reader is told and can try again in place', async () => {
  const thread = uniqueThread('retry-load');
  await postComment(env.parley, thread, 'Here after all', { name: 'Ann' });
  env.site.pages.set(`/${thread}`, { html: articlePage({ server: env.parley.url, thread }) });
  const tab = await env.browser.context.newPage();
  let refuse = true;
  await tab.route('**/api/v1/threads/*/comments?*', (route) => (refuse ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"storage_unavailable","message":"The comment store is unavailable; try again shortly."}}' }) : route.continue()));
  await tab.goto(`${env.site.url}/${thread}`);
  await tab.waitForFunction(() => document.getElementById('parley-thread')?.dataset.parleyState === 'error');
  assert.match(await tab.getByRole('alert').textContent(), /could not be loaded \(The comment store is unavailable/);
  refuse = false;
  await tab.getByRole('button', { name: 'Try again' }).click();
  await waitReady(tab);
  assert.equal(await articles(tab).count(), 1);
  // One widget, not two: the first attempt's listeners are gone (one click, one vote).
  const votes = [];
  tab.on('request', (request) => request.url().endsWith('/vote') && votes.push(request.postDataJSON()));
  const answer = tab.waitForResponse((response) => response.url().endsWith('/vote'));
  await tab.getByRole('button', { name: 'Upvote comment by Ann' }).click();
  await answer;
  await tab.waitForTimeout(300);
  assert.deepEqual(votes, [{ value: 1 }]);
  assert.deepEqual((await list(thread))[0].score, { up: 1, down: 0 });
  await tab.close();
});

test('a reader reports a comment with a reason', async () => {
  const thread = uniqueThread('flag');
  const target = await postComment(env.parley, thread, 'Buy cheap watches here', { name: 'Spammer' });
  const tab = await open(thread);
  const sent = [];
  tab.on('request', (request) => request.url().endsWith('/flag') && sent.push(request.postDataJSON()));
  const answers = [];
  tab.on('response', (response) => response.url().endsWith('/flag') && answers.push(response.status()));
  await tab.getByRole('button', { name: 'Report comment by Spammer' }).click();
  const form = tab.locator('#parley-thread form.parley-flag');
  // Sending without a reason asks for one.
  await form.getByRole('button', { name: 'Send report' }).click();
  assert.match(await form.locator('.parley-composer-status').textContent(), /Why should a moderator/);
  await form.getByLabel('Spam or advertising').check();
  await form.getByLabel('Details (optional)').fill('Same link in every thread');
  await form.getByRole('button', { name: 'Send report' }).click();
  await form.waitFor({ state: 'detached' });
  assert.deepEqual(sent, [{ reason: 'spam', note: 'Same link in every thread' }]);
  assert.deepEqual(answers, [200]);
  const report = tab.locator(`#parley-thread article[data-parley-id="${target.comment.id}"] [data-parley-action=report]`);
  assert.equal(await report.getAttribute('aria-disabled'), 'true');
  assert.ok(await report.evaluate((button) => button.getRootNode().activeElement === button), 'focus returns to Report');
  await tab.close();
});
