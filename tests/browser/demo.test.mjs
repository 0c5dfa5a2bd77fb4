// The demo as a newcomer meets it: the seed article (examples/news-article/) served by the real
// server on a database that `parley import` filled from examples/news-article/comments.json, as
// `./dev.sh demo` does on its first start; then the other example pages. Measures how long a
// reader waits from navigation to the first comment on screen, and saves a screenshot of the
// article's comment section (build/screenshots/demo-article.png, or PARLEY_SCREENSHOT=FILE;
// the README shows docs/images/demo-article.png, taken by this test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { root } from '../support/paths.mjs';
import { launchChromium } from '../support/browser.mjs';
import { startParley } from './harness.mjs';

const SECRET = 'demo-test-secret-0123456789abcdef';
let parley;
let publisher;
let publisherUrl;

// A free loopback port, so the comment server can list the SSO publisher's origin up front.
const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

before(async () => {
  const port = await freePort();
  publisherUrl = `http://127.0.0.1:${port}`;
  parley = await startParley({
    importFile: path.join(root, 'examples/news-article/comments.json'),
    origins: [publisherUrl],
    env: { PARLEY_SIGN_IN_SECRET: SECRET },
  });
  publisher = spawn(process.execPath, [path.join(root, 'examples/sso/publisher.mjs'), '--server', parley.url, '--port', String(port)], {
    env: { ...process.env, PARLEY_SIGN_IN_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    publisher.stdout.on('data', (chunk) => String(chunk).includes('publisher') && resolve());
    publisher.on('exit', (code) => reject(new Error(`publisher.mjs exited with ${code}`)));
  });
});

after(async () => {
  publisher?.kill();
  await parley?.stop();
});

const shadow = (tab, selector) => tab.locator(`#parley-thread ${selector}`);
const ready = (tab) => tab.waitForFunction(() => document.getElementById('parley-thread')?.dataset.parleyState === 'ready');
// The article is long: the comment section loads when the reader scrolls down to it.
async function scrollToComments(tab) {
  await tab.locator('#parley-thread').waitFor({ state: 'attached' });
  await tab.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await ready(tab);
}

// Milliseconds from navigation start to the first comment painted, seen from inside the page,
// for a reader who goes straight to the comments (the page is scrolled to its end as soon as
// it has loaded, as following a "Comments" link would).
async function firstCommentTime(context) {
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    addEventListener('load', () => scrollTo(0, document.documentElement.scrollHeight));
    const seen = () => {
      const article = document.getElementById('parley-thread')?.shadowRoot?.querySelector('article.parley-comment');
      return article && article.getClientRects().length > 0;
    };
    (function poll() {
      if (seen()) {
        // The frame after the one that inserted it is the one that shows it.
        requestAnimationFrame(() => (window.parleyFirstComment = performance.now()));
      } else requestAnimationFrame(poll);
    })();
  });
  await tab.goto(`${parley.url}/`);
  await tab.waitForFunction(() => window.parleyFirstComment > 0, null, { timeout: 15000 });
  const time = await tab.evaluate(() => window.parleyFirstComment);
  await tab.close();
  return time;
}

test('page load to first comment on the demo article', async () => {
  const cold = [];
  const warm = [];
  for (let run = 0; run < 5; run++) {
    const browser = await launchChromium();
    try {
      cold.push(await firstCommentTime(browser.context));
      warm.push(await firstCommentTime(browser.context));
    } finally {
      await browser.close();
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  console.log(
    `page load to first comment (demo article, loopback, Chromium): cold cache median ${median(cold).toFixed(0)} ms ` +
      `[${cold.map((t) => t.toFixed(0)).join(', ')}], warm cache median ${median(warm).toFixed(0)} ms`,
  );
  assert.ok(median(cold) < 3000, `cold ${median(cold)} ms`);
});

test('a new reader sees the seed discussion: the poem keeps its line breaks, names are text', async () => {
  const browser = await launchChromium();
  try {
    const tab = await browser.context.newPage();
    await tab.goto(`${parley.url}/`);
    await scrollToComments(tab);
    assert.equal(await shadow(tab, 'h2').textContent(), '7 comments');
    assert.equal(await shadow(tab, 'article.parley-comment').count(), 7);
    const poem = shadow(tab, 'article.parley-comment').filter({ hasText: 'Mothers & their Heroes' });
    assert.match(await poem.locator('.parley-author').first().textContent(), /sylva portoian,MD/);
    const body = await poem.locator('.parley-body').first().innerHTML();
    assert.ok(body.includes('Our Brave Mothers,<br>\nWho brought Brave Sons,<br>\nIn our Armenian blessed Highlands.</p>'), body);
    assert.ok(body.includes('<p>Sylva Portoian, MD<br>\nOctober 20, 2020</p>'), body);
    const ohanian = shadow(tab, 'article.parley-comment').filter({ hasText: 'big mirror for Armenians' });
    assert.match(await ohanian.locator('.parley-author').first().textContent(), /N\.ohanian/);
    // The replies in Russian and Armenian, under the comments they answer.
    assert.equal(await shadow(tab, 'article.parley-comment').filter({ hasText: 'Согласен лишь отчасти' }).count(), 1);
    assert.equal(await shadow(tab, 'article.parley-comment').filter({ hasText: 'Շնորհակալություն, տիկին Պորտոյան' }).count(), 1);
    await tab.close();
  } finally {
    await browser.close();
  }
});

test('a guest posts a comment and sees it; profanity gets instant feedback (and the README picture)', async () => {
  const browser = await launchChromium();
  try {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 760, height: 900 });
    await tab.goto(`${parley.url}/`);
    await scrollToComments(tab);
    await tab.getByLabel('Name', { exact: true }).fill('Aram');
    const textarea = tab.getByLabel('Comment', { exact: true });
    await textarea.fill('A *sober* account of the Valdai forum. Thank you.');
    await tab.getByRole('button', { name: 'Post comment' }).click();
    const mine = shadow(tab, 'article.parley-comment').filter({ hasText: 'account of the Valdai forum' });
    await mine.waitFor();
    assert.equal(await mine.locator('.parley-body em').textContent(), 'sober');
    assert.equal(await shadow(tab, 'h2').textContent(), '8 comments');
    // Its own live event (which may arrive before the answer to the post) is not "new" to them.
    await tab.waitForTimeout(500);
    assert.equal(await shadow(tab, '.parley-new').isVisible(), false);

    // Profanity: the verdict appears while typing, the word is marked, and posting is blocked.
    await textarea.fill('What a load of bullshit, you idiot');
    const verdict = shadow(tab, '.parley-verdict:not([hidden])');
    await verdict.waitFor();
    assert.match(await verdict.textContent(), /can’t be posted/);
    assert.ok((await shadow(tab, 'mark').count()) >= 1, 'the offending words are highlighted');
    assert.equal(await tab.getByRole('button', { name: 'Post comment' }).getAttribute('aria-disabled'), 'true');

    await tab.locator('#parley-thread').evaluate((host) => host.shadowRoot.activeElement?.blur());
    const file = process.env.PARLEY_SCREENSHOT || path.join(root, 'build/screenshots/demo-article.png');
    await mkdir(path.dirname(file), { recursive: true });
    const top = await tab.locator('.policy').evaluate((element) => element.getBoundingClientRect().top + scrollY);
    const bottom = await tab.locator('#parley-thread').evaluate((element) => element.getBoundingClientRect().bottom + scrollY);
    await tab.screenshot({ path: file, fullPage: true, clip: { x: 0, y: top - 10, width: 760, height: Math.min(bottom - top + 20, 1500) } });
    await tab.close();
  } finally {
    await browser.close();
  }
});

test('the example pages: minimal, counts and strict CSP work as served by the demo', async () => {
  const browser = await launchChromium();
  try {
    const minimal = await browser.context.newPage();
    await minimal.goto(`${parley.url}/minimal/`);
    await ready(minimal);
    assert.equal(await shadow(minimal, 'h2').textContent(), '0 comments');

    const counts = await browser.context.newPage();
    await counts.goto(`${parley.url}/counts/`);
    const count = counts.locator('[data-parley-count="putin-karabakh"]');
    await counts.waitForFunction(() => /\d/.test(document.querySelector('[data-parley-count="putin-karabakh"]').textContent));
    assert.match(await count.textContent(), /^\d+ comments$/);
    assert.equal(await counts.locator('a[data-parley-count]').textContent(), '0 comments');

    const strict = await browser.context.newPage();
    const violations = [];
    strict.on('console', (message) => /Content Security Policy/i.test(message.text()) && violations.push(message.text()));
    await strict.goto(`${parley.url}/strict-csp/`);
    await ready(strict);
    assert.equal(await strict.locator('#parley-thread').getAttribute('data-parley-mode'), null, 'in the page, not the iframe');
    await strict.getByLabel('Name', { exact: true }).fill('Lena');
    await strict.getByLabel('Comment', { exact: true }).fill('Works under a strict policy.');
    await strict.getByRole('button', { name: 'Post comment' }).click();
    await shadow(strict, 'article.parley-comment').filter({ hasText: 'Works under a strict policy.' }).waitFor();
    assert.deepEqual(violations, []);
  } finally {
    await browser.close();
  }
});

test('the SSO example: a reader signed in on the publisher\'s site comments as that account', async () => {
  const browser = await launchChromium();
  try {
    const tab = await browser.context.newPage();
    await tab.goto(`${publisherUrl}/`);
    await ready(tab);
    assert.ok(await tab.getByLabel('Name', { exact: true }).isVisible(), 'a guest gives a name');
    await tab.getByLabel('Your name on this site').fill('Nairi');
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await ready(tab);
    await tab.locator('.who', { hasText: 'Nairi' }).waitFor();
    await shadow(tab, '.parley-signed-in:not([hidden])').waitFor();
    assert.equal(await tab.getByLabel('Name', { exact: true }).isVisible(), false, 'no name field once signed in');
    await tab.getByLabel('Comment', { exact: true }).fill('Posted from my account.');
    await tab.getByRole('button', { name: 'Post comment' }).click();
    const mine = shadow(tab, 'article.parley-comment').filter({ hasText: 'Posted from my account.' });
    await mine.waitFor();
    assert.match(await mine.locator('.parley-author').first().textContent(), /Nairi/);
    assert.equal(await mine.locator('.parley-badge-verified').count(), 1);
  } finally {
    await browser.close();
  }
});

// `./dev.sh demo` itself, on a fresh data folder: what a newcomer types. It must import the seed
// once, print the article's URL and a moderator password once, serve the article with its
// comments, let that password into /admin/, stop on Ctrl-C, and keep everything for the next start.
test('./dev.sh demo: first start imports the seed and makes a moderator, Ctrl-C stops it, data stays', async () => {
  const data = await mkdtemp(path.join(os.tmpdir(), 'parley-demo-'));
  const port = await freePort();
  const start = () => {
    const child = spawn(path.join(root, 'dev.sh'), ['demo'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), PARLEY_DEMO_DATA: data },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const serving = new Promise((resolve, reject) => {
      child.stdout.on('data', () => /Parley is serving/.test(output) && resolve());
      exited.then(() => reject(new Error(`dev.sh demo ended:\n${output}`)));
    });
    return { child, exited, serving, output: () => output };
  };
  const browser = await launchChromium();
  try {
    const started = performance.now();
    const first = start();
    await first.serving;
    const ms = performance.now() - started;
    const out = first.output();
    assert.match(out, new RegExp(`The article: +http://127\\.0\\.0\\.1:${port}/\\n`));
    const password = /Moderation: +http:\/\/127\.0\.0\.1:\d+\/admin\/ +as "editor", password (\S+) \(shown only now/.exec(out)?.[1];
    assert.ok(password && password.length >= 16, out);
    console.log(`# ./dev.sh demo, built, fresh data folder: serving after ${Math.round(ms)} ms`);

    const tab = await browser.context.newPage();
    await tab.goto(`http://127.0.0.1:${port}/`);
    await scrollToComments(tab);
    await tab.locator('#parley-thread article.parley-comment', { hasText: 'Mothers & their Heroes' }).first().waitFor();
    assert.ok((await shadow(tab, 'article.parley-comment').count()) >= 7);
    await tab.goto(`http://127.0.0.1:${port}/admin/`);
    await tab.getByLabel('Name').fill('editor');
    await tab.getByLabel('Password').fill(password);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.getByRole('heading', { name: 'Queue' }).waitFor();
    await tab.close();

    first.child.kill('SIGINT');
    assert.deepEqual(await first.exited, { code: 0, signal: null });

    const second = start();
    await second.serving;
    assert.doesNotMatch(second.output(), /importing|shown only now/, second.output());
    assert.match(second.output(), /password shown on the first start/);
    const counts = await (await fetch(`http://127.0.0.1:${port}/api/v1/counts?thread=putin-karabakh`)).json();
    assert.equal(counts.counts['putin-karabakh'], 7);
    second.child.kill('SIGINT');
    assert.deepEqual(await second.exited, { code: 0, signal: null });
  } finally {
    await browser.close();
    await rm(data, { recursive: true, force: true });
  }
});
