// The thread's words in a language as the widget's language pack carries them (web/build.mjs
// builds them in from core/src/i18n/thread_strings/), for tests that render through the
// reading module the way the widget does.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './paths.mjs';

export const threadStringsFolder = path.join(root, 'core/src/i18n/thread_strings');

// The pack's thread strings for a BCP 47 tag, or undefined where the core has no translation.
export function packThreadStrings(lang) {
  const code = String(lang ?? '').toLowerCase().split(/[-_]/)[0];
  const file = path.join(threadStringsFolder, `${code}.json`);
  if (!/^[a-z]+$/.test(code) || !existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}
