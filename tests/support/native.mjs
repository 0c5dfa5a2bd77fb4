// Runs the native `parley` program, so Node tests can compare it with the WebAssembly core.
import { spawnSync } from 'node:child_process';
import { nativeParley } from './paths.mjs';

export function runParley(args, input = '') {
  const result = spawnSync(nativeParley, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  // A program that refuses its arguments exits before reading its input; writing that input
  // can then meet a closed pipe, which says nothing about the program.
  if (result.error && result.error.code !== 'EPIPE') throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
