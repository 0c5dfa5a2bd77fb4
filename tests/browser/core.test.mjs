// The foundation, end to end in Chromium: the publisher's script tag loads, waits until the
// comment section nears the viewport, then loads the WebAssembly core from the script's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from '../support/paths.mjs';
import { launchChromium } from '../support/browser.mjs';
import { runParley } from '../support/native.mjs';
import { startAll, waitReady } from './harness.mjs';

let env;
// The demo is served by the comment server itself; its pages get a browser of their own, so
// the cache they fill never meets the publisher-origin pages of the other tests (see
// embed.test.mjs for that case).
let demoBrowser;

before(async () => {
  env = await startAll();
  demoBrowser = await launchChromium();
});

after(async () => {
  await demoBrowser?.close();
  await env?.close();
});

test('the demo article loads the core and reports the native version', async () => {
  // The demo page as `./dev.sh demo` serves it: from the comment server itself.
  const page = await demoBrowser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${env.parley.url}/`);
  const host = page.locator('#parley-thread');
  await host.waitFor({ state: 'attached' });
  // The article is long: the section loads when the reader reaches it.
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await waitReady(page);
  const version = await host.getAttribute('data-parley-core-version');
  assert.equal(version + '\n', runParley(['--version']).stdout);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the core module also loads directly as an ES module in the page, with the browsers\' writing module', async () => {
  const page = await demoBrowser.context.newPage();
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${env.parley.url}/`);
  const version = await page.evaluate(async () => {
    const { createCore } = await import('/parley-core.mjs');
    return (await createCore()).version();
  });
  assert.equal(version + '\n', runParley(['--version']).stdout);
  // The one built for size; Node's, built for speed, is never a browser's download.
  assert.ok(fetched.includes('/parley-compose.wasm'), fetched.join(' '));
  assert.ok(!fetched.includes('/parley-compose-node.wasm'), fetched.join(' '));
  await page.close();
});

test('the core is not fetched until the comment section nears the viewport', async () => {
  const fixture = await readFile(path.join(root, 'tests/browser/fixtures/long-article.html'), 'utf8');
  env.site.pages.set('/long-article.html', { html: fixture.replace('src="/embed.js"', `src="${env.parley.url}/embed.js"`) });
  const page = await env.browser.context.newPage();
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${env.site.url}/long-article.html`);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('#parley-thread').getAttribute('data-parley-state'), 'waiting');
  assert.deepEqual(fetched.filter((file) => file != '/favicon.ico'), ['/long-article.html', '/embed.js']);
  await page.mouse.wheel(0, 6000);
  await waitReady(page);
  assert.ok(fetched.includes('/parley-core.wasm'), fetched.join(' '));
  // Reading needs no markup renderer or policy; that module follows once the reader starts to write.
  await page.waitForLoadState('networkidle');
  assert.ok(!fetched.includes('/parley-compose.wasm'), fetched.join(' '));
  // The fixture's page is in Armenian (lang="hy"): so is the widget.
  const textarea = page.getByRole('textbox', { name: 'Մեկնաբանություն' });
  const composeFetched = page.waitForResponse((response) => new URL(response.url()).pathname == '/parley-compose.wasm');
  await textarea.focus();
  await composeFetched;
  await textarea.fill('you idiot');
  const verdict = page.locator('#parley-thread .parley-verdict');
  await verdict.waitFor();
  assert.match(await verdict.textContent(), /Մոդերատորը կստուգի այս մեկնաբանությունը/);
  await page.close();
});
