// What the widget's browser tests share: the real comment server (`parley serve` on a fresh
// SQLite file and an ephemeral port, serving the bundle under test), a publisher's site on
// another origin (pages made per test, each with the Content-Security-Policy it asks for, and
// a CSP report endpoint), and Chromium.
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dist, nativeParley, root } from '../support/paths.mjs';
import { launchChromium } from '../support/browser.mjs';

// The static folders as `./dev.sh demo` serves them: the bundle, the demo article as the front
// page, and the other examples in their folders.
export const STATIC_DIRS = [dist, path.join(root, 'examples/news-article'), path.join(root, 'examples')];

// Starts `parley serve` on a fresh database; `origins` are the publisher origins the API
// accepts; `importFile` is imported first with `parley import --from json`, as `./dev.sh demo`
// does on its first start; `moderators` ({name, password}) are added with `parley moderator add`.
export async function startParley({ origins = [], env = {}, importFile, moderators = [] } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-widget-'));
  const db = `sqlite:${path.join(dir, 'parley.db')}`;
  const run = (args, input) => {
    const result = spawnSync(nativeParley, [...args, '--db', db], { encoding: 'utf8', input });
    if (result.status !== 0) throw new Error(`parley ${args[0]} failed: ${result.stderr}`);
  };
  if (importFile) run(['import', '--from', 'json', importFile]);
  for (const { name, password } of moderators) run(['moderator', 'add', name], `${password}\n`);
  const child = spawn(
    nativeParley,
    [
      'serve',
      '--listen', '127.0.0.1:0',
      '--db', db,
      '--static', STATIC_DIRS.join(','),
      ...(origins.length ? ['--origins', origins.join(',')] : []),
    ],
    {
      env: {
        ...process.env,
        PARLEY_LOG_REQUESTS: 'false',
        // Browser tests post and vote a lot from one address.
        PARLEY_LIMIT_COMMENTS_PER_IP: '100000/60',
        PARLEY_LIMIT_COMMENTS_PER_IDENTITY: '100000/60',
        PARLEY_LIMIT_ACTIONS_PER_IP: '100000/60',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /Parley is serving (http:\/\/\S+?)\/?\s/.exec(stdout);
      if (match) resolve(match[1]);
    });
    exited.then((code) => reject(new Error(`parley serve exited (${code}):\n${stderr}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
    // The API as a test client: JSON in and out, from the publisher's origin.
    async api(method, pathname, json, headers = {}) {
      const response = await fetch(url + pathname, {
        method,
        headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
        body: json ? JSON.stringify(json) : undefined,
      });
      const text = await response.text();
      let body = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: response.status, body, headers: response.headers };
    },
  };
}

// Posts a comment through the API; returns {comment, editToken, authorToken}.
export async function postComment(parley, thread, body, { name = 'Reader', parent, token } = {}) {
  const answer = await parley.api(
    'POST',
    `/api/v1/threads/${encodeURIComponent(thread)}/comments`,
    { body, author: { name }, ...(parent ? { parent } : {}) },
    token ? { 'x-parley-author': token } : {},
  );
  if (answer.status != 201) throw new Error(`post failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

// A publisher's site: `pages` maps a path to {html, csp, reportOnly} (or a function of the request that
// returns one); /csp-report collects violation reports; other paths come from examples/ (the
// front page and its files from examples/news-article/, as the demo serves them).
export async function startSite() {
  const pages = new Map();
  const reports = [];
  const server = http.createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname == '/csp-report') {
      let body = '';
      for await (const chunk of request) body += chunk;
      try {
        reports.push(JSON.parse(body));
      } catch {
        reports.push(body);
      }
      response.writeHead(204).end();
      return;
    }
    let page = pages.get(pathname);
    if (typeof page == 'function') page = await page(request);
    if (!page) {
      try {
        const relative = path.normalize(pathname).replace(/^\/+/, '') || 'index.html';
        const file = path.join(root, 'examples', relative);
        const body = await readFile(path.join(root, 'examples/news-article', relative)).catch(() => readFile(file));
        response.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end('not found');
      }
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (page.csp) headers['content-security-policy'] = `${page.csp}; report-uri /csp-report`;
    if (page.reportOnly) headers['content-security-policy-report-only'] = `${page.reportOnly}; report-uri /csp-report`;
    response.writeHead(200, headers);
    response.end(page.html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    pages,
    reports,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// An article page with the publisher's one script tag. `attributes` are extra data-parley-*
// attributes; `inside` is HTML placed in <div id="parley-thread"> (server-rendered comments).
export function articlePage({ server, thread, attributes = {}, inside, lang = 'en', head = '', tall = false }) {
  const extra = Object.entries(attributes)
    .map(([name, value]) => ` data-parley-${name}="${value}"`)
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>Article</title>${head}</head>
<body>
<main><h1>An article</h1><p${tall ? ' class="tall"' : ''}>The article's text.</p></main>
${inside == null ? '' : `<div id="parley-thread">${inside}</div>`}
<script src="${server}/embed.js" data-parley-thread="${thread}"${extra} async></script>
</body>
</html>`;
}

// Everything one test file needs, started in `before` and stopped in `after`.
export async function startAll({ env, moderators } = {}) {
  const site = await startSite();
  const parley = await startParley({ origins: [site.url], env, moderators });
  const browser = await launchChromium();
  return {
    site,
    parley,
    browser,
    async close() {
      await browser.close();
      await parley.stop();
      await site.close();
    },
  };
}

// Opens `html` as a page of the site and waits until the widget is ready. Collects page
// errors and console errors so a test can assert there were none.
export async function openArticle(env, pathname, page, { context = env.browser.context, wait = true } = {}) {
  env.site.pages.set(pathname, page);
  const tab = await context.newPage();
  tab.errors = [];
  tab.on('pageerror', (error) => tab.errors.push(error.message));
  await tab.goto(env.site.url + pathname);
  if (wait) await waitReady(tab);
  return tab;
}

// Holds back every request matching `pattern` in `context` until release() (to act while a
// file is still on its way); stop() releases and removes the route.
export async function holdBack(context, pattern) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  const hold = async (route) => {
    await gate;
    await route.continue();
  };
  await context.route(pattern, hold);
  return {
    release,
    async stop() {
      release();
      await context.unroute(pattern, hold);
    },
  };
}

export const waitReady = (tab) =>
  tab.waitForFunction(() => document.getElementById('parley-thread')?.dataset.parleyState === 'ready', null, { timeout: 15000 });

let counter = 0;
// A thread id unique to one test, so tests sharing a server never see each other's comments.
export const uniqueThread = (stem) => `${stem}-${process.pid}-${++counter}`;
