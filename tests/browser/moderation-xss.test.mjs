// The dashboard shows what readers typed to the people with the most power on the site, so
// every payload of ../shared/corpora/xss/ goes through it: posted as comment bodies and (where
// the server accepts them) author names on a pre-moderated site, listed in the held queue,
// rejected with the payload as the note the author will see, then shown in the Rejected list,
// the author's history and the audit log. alert/confirm/prompt are hooked and any Content-
// Security-Policy violation counts: nothing may run, and comment bodies must pass the markup
// allowlist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadXssPayloads } from '../support/xss-corpus.mjs';
import { unsafeParts } from '../support/html-safety.mjs';
import { launchChromium } from '../support/browser.mjs';
import { startParley, postComment } from './harness.mjs';

const MODERATOR = { name: 'Gor', password: 'nothing runs here, ever' };
const payloads = loadXssPayloads();
let parley;
let browser;
let tab;
let posted = [];

before(async () => {
  parley = await startParley({ env: { PARLEY_MODERATION: 'pre' }, moderators: [MODERATOR] });
  for (let i = 0; i < payloads.length; i += 16) {
    const answers = await Promise.all(
      payloads.slice(i, i + 16).map(async ({ payload }, j) => {
        const thread = `xss-${(i + j) % 7}`;
        for (const name of [[...payload].slice(0, 64).join(''), 'Plain name']) {
          try {
            return await postComment(parley, thread, payload, { name });
          } catch {}
        }
        return null; // refused (the policy, an empty body): it never reaches a moderator
      }),
    );
    posted.push(...answers.filter(Boolean));
  }
  assert.ok(posted.length > payloads.length * 0.9, `${posted.length} of ${payloads.length} accepted`);
  browser = await launchChromium();
  await browser.context.addInitScript(() => {
    window.__xss = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => window.__xss.push(`${name}(${args.join(',')})`);
    }
    addEventListener('securitypolicyviolation', (event) => {
      if (!event.blockedURI.endsWith('/favicon.ico')) window.__xss.push(`csp ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  tab = await browser.context.newPage();
  tab.errors = [];
  tab.on('pageerror', (error) => tab.errors.push(error.message));
  await tab.goto(`${parley.url}/admin/`);
  await tab.getByLabel('Name').fill(MODERATOR.name);
  await tab.getByLabel('Password').fill(MODERATOR.password);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await tab.getByRole('heading', { name: 'Queue' }).waitFor();
});

after(async () => {
  await browser?.close();
  await parley?.stop();
});

// What no dashboard page may contain, whatever it shows: script-capable elements, event
// handler attributes, javascript: or data: links, and comment bodies outside the allowlist.
async function assertNothingRuns(where) {
  await tab.waitForTimeout(500);  // onerror/onload handlers, timers and refreshes get their chance
  const found = await tab.evaluate(() => {
    const problems = [];
    for (const element of document.querySelectorAll('*')) {
      if (/^(script|iframe|object|embed|frame|base|meta|link|style)$/i.test(element.localName) && !element.closest('head')) problems.push(element.localName);
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`${element.localName}[${attribute.name}]`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) problems.push(`${attribute.name}=${attribute.value}`);
      }
    }
    return problems;
  });
  assert.deepEqual(found, [], where);
  const bodies = await tab.locator('article.item .body, .history .body').evaluateAll((list) => list.map((body) => body.innerHTML));
  assert.deepEqual(bodies.flatMap((html) => unsafeParts(html)), [], where);
  assert.deepEqual(await tab.evaluate(() => window.__xss), [], where);
  assert.deepEqual(tab.errors, [], where);
  assert.equal(new URL(tab.url()).origin, parley.url, `${where}: no payload navigated the page`);
}

test('the held queue lists every payload and nothing runs', async () => {
  const items = tab.locator('article.item');
  await items.first().waitFor();
  // CSS, not a role query: role queries compute accessible names over thousands of buttons.
  const more = tab.locator('button:text-is("Load more")');
  while (await more.isVisible()) {
    const before = await items.count();
    await more.click();
    await tab.waitForFunction((count) => document.querySelectorAll('article.item').length > count, before);
  }
  assert.equal(await items.count(), posted.length);
  // Every name shown as text, exactly as posted.
  const names = await tab.locator('article.item header .author').allTextContents();
  assert.deepEqual(names.sort(), posted.map((answer) => answer.comment.author.name).sort());
  await assertNothingRuns('held queue');
});

test('rejected with a payload as the note: the Rejected list, the author history and the audit log stay inert', async () => {
  const sample = payloads.filter((entry) => entry.source == 'XSS_Polyglots.txt').concat(payloads.filter((entry) => entry.source == 'dompurify').slice(0, 20));
  const targets = posted.slice(0, sample.length);
  // From the keyboard, as a moderator does: r, the reason, the note, Enter.
  for (let i = 0; i < targets.length; i++) {
    const item = tab.locator(`article.item[data-id="${targets[i].comment.id}"]`);
    await item.focus();
    await tab.keyboard.press('r');
    await item.getByLabel('Reason the author will see').selectOption('other');
    await item.getByLabel('Note to the author (optional)').fill(sample[i].payload.slice(0, 500));
    await tab.keyboard.press('Enter');
    await item.waitFor({ state: 'detached' });
  }
  await tab.locator('.tabs button', { hasText: 'Rejected' }).click();
  await tab.locator('article.item .reason').first().waitFor();
  assert.equal(await tab.locator('article.item').count(), targets.length);
  await assertNothingRuns('rejected list');

  await tab.locator('article.item').first().focus();
  await tab.keyboard.press('b');
  await tab.getByRole('heading', { name: 'People' }).waitFor();
  await tab.locator('.history li').first().waitFor();
  await assertNothingRuns('author history');

  await tab.getByRole('link', { name: 'Audit log' }).click();
  await tab.locator('table tbody tr').first().waitFor();
  assert.ok((await tab.locator('table tbody tr').count()) >= targets.length);
  await assertNothingRuns('audit log');
});
