// bench/demo-cold-start: what a newcomer waits for. Clones this repository's HEAD into a
// temporary folder and times `./dev.sh demo` there, from nothing (npm ci, the native server and
// the WebAssembly core built, the seed imported) until the article is served; then checks the
// article and its seed comments answer and stops it with Ctrl-C. Debian packages already on the
// machine are not reinstalled, so on a truly fresh machine add their download.
// Run: node bench/demo-cold-start.mjs   (minutes, and both cores: not run by ./dev.sh test)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root } from '../tests/support/paths.mjs';

const port = await new Promise((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-cold-'));
const clone = path.join(dir, 'parley');
try {
  const cloned = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8' });
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
  const started = performance.now();
  const demo = spawn(path.join(clone, 'dev.sh'), ['demo'], { cwd: clone, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  demo.stdout.on('data', (chunk) => (output += chunk));
  demo.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => demo.on('exit', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    demo.stdout.on('data', () => /Parley is serving/.test(output) && resolve());
    exited.then(() => reject(new Error(`./dev.sh demo ended:\n${output}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  const article = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  const { counts } = await (await fetch(`http://127.0.0.1:${port}/api/v1/counts?thread=putin-karabakh`)).json();
  demo.kill('SIGINT');
  const code = await exited;
  console.log('bench/demo-cold-start: a fresh clone, `./dev.sh demo` until the article is served');
  console.log(`  serving after        ${seconds.toFixed(1)} s`);
  console.log(`  article              ${/<title>[^<]*Karabakh/.test(article) ? 'served' : 'MISSING'}`);
  console.log(`  seed comments        ${counts['putin-karabakh']}`);
  console.log(`  Ctrl-C               exit code ${code}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
