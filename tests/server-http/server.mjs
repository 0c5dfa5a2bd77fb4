// Runs the real `parley serve` (build/native/parley, or PARLEY_NATIVE) on loopback for the HTTP
// tests: a fresh database in a temporary folder, port 0, the URL read from its first line.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dist, nativeParley } from '../support/paths.mjs';

// Starts a server. `env` adds PARLEY_* settings; `dir` reuses a folder (and its database).
export async function startServer({ env = {}, args = [], dir } = {}) {
  const folder = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'parley-http-')));
  const db = `sqlite:${path.join(folder, 'parley.db')}`;
  const child = spawn(
    nativeParley,
    ['serve', '--listen', '127.0.0.1:0', '--db', db, '--static', dist, ...args],
    {
      env: { ...process.env, PARLEY_LOG_REQUESTS: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /Parley is serving (http:\/\/\S+)\//.exec(stdout);
      if (match) resolve(match[1]);
    });
    exited.then(({ code, signal }) =>
      reject(new Error(`parley serve exited (${code ?? signal}) before listening:\n${stderr}`)));
  });
  return {
    url,
    dir: folder,
    db,
    child,
    exited,
    stderr: () => stderr,
    // Graceful stop: SIGTERM, then wait for the exit code.
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    // Removes the folder (after stop).
    async cleanup() {
      await rm(folder, { recursive: true, force: true });
    },
  };
}

// Runs a `parley` command to completion.
export function runParleyCommand(args, input = '') {
  const result = spawnSync(nativeParley, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// fetch() for the API: JSON bodies are serialised and typed, answers come back as
// { status, headers, body (parsed JSON when JSON), text }.
export async function call(base, method, pathname, { json, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['content-type'] ??= 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(base + pathname, init);
  const text = await response.text();
  let parsed;
  if ((response.headers.get('content-type') ?? '').startsWith('application/json')) {
    parsed = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

// Posts a comment as a guest and returns the 201 body.
export async function postComment(base, thread, text, { name = 'Reader', parent, headers } = {}) {
  const reply = await call(base, 'POST', `/api/v1/threads/${encodeURIComponent(thread)}/comments`, {
    json: { body: text, author: { name }, ...(parent ? { parent } : {}) },
    headers,
  });
  if (reply.status !== 201) throw new Error(`post failed: ${reply.status} ${reply.text}`);
  return reply.body;
}

// Every comment of a thread through the paged JSON API, in page order.
export async function allComments(base, thread, { sort = 'oldest' } = {}) {
  const comments = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ sort, limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const page = await call(base, 'GET', `/api/v1/threads/${encodeURIComponent(thread)}/comments?${query}`);
    if (page.status !== 200) throw new Error(`list failed: ${page.status} ${page.text}`);
    comments.push(...page.body.comments);
    cursor = page.body.next;
  } while (cursor);
  return comments;
}

// Relaxed limits for tests that post a lot from one address.
export const GENEROUS_LIMITS = {
  PARLEY_LIMIT_COMMENTS_PER_IP: '100000/60',
  PARLEY_LIMIT_COMMENTS_PER_IDENTITY: '100000/60',
  PARLEY_LIMIT_ACTIONS_PER_IP: '100000/60',
};
