// The foundation, end to end in Chromium: the publisher's script tag loads, waits until the
// comment section nears the viewport, then loads the WebAssembly core from the script's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startStaticServer } from '../../tools/serve-static.mjs';
import { launchChromium } from '../support/browser.mjs';
import { root, dist } from '../support/paths.mjs';
import { runParley } from '../support/native.mjs';

let site;
let browser;

before(async () => {
  site = await startStaticServer({
    dirs: [path.join(root, 'examples'), path.join(root, 'tests/browser/fixtures'), dist],
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

test('the demo article loads the core and reports the native version', async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(site.url);
  const host = page.locator('#parley-thread');
  await host.waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.getElementById('parley-thread')?.dataset.parleyState === 'ready');
  const version = await host.getAttribute('data-parley-core-version');
  assert.equal(version + '\n', runParley(['--version']).stdout);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the core module also loads directly as an ES module in the page', async () => {
  const page = await browser.context.newPage();
  await page.goto(site.url);
  const version = await page.evaluate(async () => {
    const { createCore } = await import('/parley-core.mjs');
    return (await createCore()).version();
  });
  assert.equal(version + '\n', runParley(['--version']).stdout);
  await page.close();
});

test('the core is not fetched until the comment section nears the viewport', async () => {
  const page = await browser.context.newPage();
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(new URL('long-article.html', site.url).href);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('#parley-thread').getAttribute('data-parley-state'), 'waiting');
  assert.ok(!fetched.includes('/parley-core.wasm'), fetched.join(' '));
  await page.mouse.wheel(0, 6000);
  await page.waitForFunction(() => document.getElementById('parley-thread')?.dataset.parleyState === 'ready');
  assert.ok(fetched.includes('/parley-core.wasm'), fetched.join(' '));
  await page.close();
});
