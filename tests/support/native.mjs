// Runs the native `parley` program, so Node tests can compare it with the WebAssembly core.
import { spawnSync } from 'node:child_process';
import { nativeParley } from './paths.mjs';

export function runParley(args, input = '') {
  const result = spawnSync(nativeParley, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
