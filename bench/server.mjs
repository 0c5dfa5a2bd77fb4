// Comment server benchmark: the real `parley serve` (SQLite, this machine, loopback) under
// `wrk`, on a 200-comment thread: reads of its JSON page, of its server-rendered HTML, a cached
// revalidation (304), and new comments being posted (each one committed to disk before its 201).
// Prints requests per second and latency percentiles as a table.
//
//   node bench/server.mjs        (PARLEY_NATIVE selects the program, BENCH_SECONDS the duration
//                                 of each run (default 10), BENCH_CONNECTIONS the connections (16))
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const parley = path.resolve(process.env.PARLEY_NATIVE || path.join(root, 'build/native/parley'));
const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 16);
const THREAD = 'bench-article';
const COMMENTS = 200;

if (spawnSync('wrk', ['--version']).error) {
  console.error('bench/server: wrk is not installed (./dev.sh setup installs it)');
  process.exit(1);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-bench-'));
const servers = [];
const base = await startServer({});
// A second process on the same database with the response cache off shows what a read costs
// when it has to be built (store query, JSON or core HTML rendering) every time.
let uncached;

try {
  await seedThread();
  uncached = await startServer({ PARLEY_CACHE_MEGABYTES: '0' });
  const page = `/api/v1/threads/${THREAD}/comments?limit=100`;
  const results = [
    await runWrk('read JSON page (200 comments)', base + page),
    await runWrk('read JSON page, gzip', base + page, { headers: ['Accept-Encoding: gzip'] }),
    await runWrk('read server-rendered HTML', `${base}/api/v1/threads/${THREAD}/html`),
    await runWrk('revalidate (If-None-Match, 304)', base + page,
      { headers: [`If-None-Match: ${await etagOf(base + page)}`] }),
    await runWrk('read JSON page, cache off', uncached + page),
    await runWrk('read HTML, cache off', `${uncached}/api/v1/threads/${THREAD}/html`),
    await runWrk('post a comment (fsync per 201)', `${base}/api/v1/threads/bench-posts/comments`,
      { script: postScript() }),
  ];
  printTable(results);
} finally {
  for (const server of servers) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
  await rm(dir, { recursive: true, force: true });
}

async function startServer(env) {
  const server = spawn(parley, ['serve', '--listen', '127.0.0.1:0', '--db', `sqlite:${dir}/bench.db`], {
    env: {
      ...process.env,
      PARLEY_LOG_REQUESTS: 'false',
      PARLEY_LOG_LEVEL: 'warn',
      PARLEY_LIMIT_COMMENTS_PER_IP: 'off',
      PARLEY_LIMIT_COMMENTS_PER_IDENTITY: 'off',
      PARLEY_LIMIT_ACTIONS_PER_IP: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Parley is serving (http:\/\/\S+)\//.exec(out);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`parley serve exited with ${code}`)));
  });
}

// 200 comments in the shape of a real discussion: 60 top-level, the rest replies, with text
// from the seed page's reader comments and a few votes.
async function seedThread() {
  const seed = await readFile(path.join(root, '../shared/seed/news-article-with-comments.txt'), 'utf8');
  const paragraphs = seed.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40);
  const ids = [];
  for (let i = 0; i < COMMENTS; i++) {
    const parent = i >= 60 ? ids[(i * 7) % ids.length] : undefined;
    const response = await fetch(`${base}/api/v1/threads/${THREAD}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        body: paragraphs[i % paragraphs.length].slice(0, 1200),
        author: { name: `Reader ${i}` },
        ...(parent ? { parent } : {}),
      }),
    });
    if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    const reply = await response.json();
    ids.push(reply.comment.id);
  }
  const page = await (await fetch(`${base}/api/v1/threads/${THREAD}/comments?limit=100`)).json();
  if (page.comments.length !== COMMENTS) throw new Error(`expected ${COMMENTS} comments, read ${page.comments.length}`);
}

async function etagOf(url) {
  return (await fetch(url)).headers.get('etag');
}

function postScript() {
  return `
counter = 0
request = function()
  counter = counter + 1
  local body = '{"body": "Benchmark comment number ' .. counter .. ', posted to measure writes.", "author": {"name": "Bench Reader"}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
`;
}

// Runs wrk and reads its summary: requests/s, latency percentiles, non-2xx/3xx answers.
async function runWrk(name, url, { headers = [], script } = {}) {
  const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency'];
  for (const header of headers) args.push('-H', header);
  let scriptFile;
  if (script) {
    scriptFile = path.join(dir, 'post.lua');
    await writeFile(scriptFile, script);
    args.push('-s', scriptFile);
  }
  args.push(url);
  const result = spawnSync('wrk', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  const text = result.stdout;
  const number = (pattern) => Number((pattern.exec(text) ?? [])[1] ?? NaN);
  const latency = (percent) => {
    const match = new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(text);
    if (!match) return NaN;
    return Number(match[1]) * { us: 0.001, ms: 1, s: 1000 }[match[2]];
  };
  return {
    name,
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p50: latency(50),
    p99: latency(99),
    requests: number(/(\d+) requests in/),
    failed: number(/Non-2xx or 3xx responses: (\d+)/) || 0,
    errors: /Socket errors: (.*)/.exec(text)?.[1] ?? 'none',
  };
}

function printTable(results) {
  const cpus = os.cpus();
  console.log(`\nparley serve on SQLite, ${cpus.length} × ${cpus[0].model.trim()}, loopback; ` +
    `wrk -t2 -c${connections} -d${seconds}s; a thread of ${COMMENTS} comments\n`);
  const header = ['workload', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx'];
  const rows = results.map((r) => [r.name, r.rps.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2),
    String(r.requests), String(r.failed)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const r of results) if (r.errors !== 'none') console.log(`  ${r.name}: socket errors ${r.errors}`);
}
