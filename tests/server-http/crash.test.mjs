// Durability: the server is killed with SIGKILL while many comments are being posted at once,
// restarted on the same database, and every comment it had acknowledged (201) must be there,
// unchanged. Three rounds on one database; the counts are printed for the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, call, allComments, runParleyCommand, GENEROUS_LIMITS } from './server.mjs';

const THREAD = 'crash-test';
const WRITERS = 16;
const ROUNDS = 3;

// Posts from `WRITERS` concurrent loops until `stop()`; returns the acknowledged comments.
function postUntilStopped(base, round) {
  const acknowledged = new Map();
  let running = true;
  let attempts = 0;
  const writers = Array.from({ length: WRITERS }, async (_, writer) => {
    for (let i = 0; running; i++) {
      attempts++;
      const body = `round ${round}, writer ${writer}, comment ${i}`;
      // Every third comment replies to one this writer saw acknowledged.
      const parent = i % 3 === 2 ? [...acknowledged.keys()].at(-1) : undefined;
      try {
        const reply = await call(base, 'POST', `/api/v1/threads/${THREAD}/comments`, {
          json: { body, author: { name: `Writer ${writer}` }, ...(parent ? { parent } : {}) },
        });
        if (reply.status === 201) acknowledged.set(reply.body.comment.id, body);
        else assert.fail(`unexpected ${reply.status}: ${reply.text}`);
      } catch (error) {
        if (error.code === 'ERR_ASSERTION') throw error;
        return;  // the server died under us: this request was never acknowledged
      }
    }
  });
  return {
    acknowledged,
    attempts: () => attempts,
    stop: async () => {
      running = false;
      await Promise.all(writers);
    },
  };
}

test('no acknowledged comment is lost when the server is killed mid-write', async () => {
  let dir;
  const acknowledged = new Map();
  let attempts = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const server = await startServer({ env: GENEROUS_LIMITS, dir });
    dir = server.dir;
    const load = postUntilStopped(server.url, round);
    // Let writes pile up, then kill at a moment the process is busy committing.
    const target = 150 * (round + 1);
    const deadline = Date.now() + 20000;
    while (load.acknowledged.size < target && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    server.child.kill('SIGKILL');
    const { signal } = await server.exited;
    assert.equal(signal, 'SIGKILL');
    await load.stop();
    attempts += load.attempts();
    for (const [id, body] of load.acknowledged) acknowledged.set(id, body);
  }

  const restarted = await startServer({ env: GENEROUS_LIMITS, dir });
  const stored = new Map((await allComments(restarted.url, THREAD)).map((c) => [c.id, c.body]));
  const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
  const changed = [...acknowledged].filter(([id, body]) => stored.has(id) && stored.get(id) !== body);
  const kept = acknowledged.size - missing.length;
  console.log(`crash test: ${ROUNDS} SIGKILLs during ${WRITERS} concurrent writers, ${attempts} attempts, ` +
    `${acknowledged.size} acknowledged, ${kept} kept, ${missing.length} lost, ` +
    `${stored.size - kept} more committed but unacknowledged`);
  assert.deepEqual(missing, [], 'every acknowledged comment survives');
  assert.deepEqual(changed, [], 'and is unchanged');
  assert.ok(acknowledged.size >= 150 * ROUNDS);

  // The database is whole: the server stops cleanly and a full export reads every row.
  assert.equal((await restarted.stop()).code, 0);
  const exported = runParleyCommand(['export', '--db', restarted.db]);
  assert.equal(exported.code, 0, exported.stderr);
  const document = JSON.parse(exported.stdout);
  const exportedIds = new Set(document.threads.flatMap((thread) => thread.comments.map((c) => c.id)));
  for (const id of acknowledged.keys()) assert.ok(exportedIds.has(id));
  await restarted.cleanup();
});
