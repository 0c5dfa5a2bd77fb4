// The committed tables match their generators and sources: the Unicode folding table
// (core/src/text/generate_fold_table.py, when Python and Debian's unicode-data are there) and
// the policy word lists (core/src/policy/generate_word_lists.mjs, from the npm packages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from '../support/paths.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

test('the policy word lists are what generate_word_lists.mjs makes', () => {
  const result = run(process.execPath, ['core/src/policy/generate_word_lists.mjs', '--check']);
  assert.equal(result.status, 0, result.stderr);
});

const haveUnicodeData = existsSync('/usr/share/unicode/UnicodeData.txt') &&
  existsSync(path.join(root, '../shared/corpora/policy/confusables.txt')) &&
  run('python3', ['--version']).status === 0;

test('the folding table is what generate_fold_table.py makes', { skip: !haveUnicodeData && 'needs python3 and unicode-data' }, () => {
  const result = run('python3', ['core/src/text/generate_fold_table.py', '--check']);
  assert.equal(result.status, 0, result.stderr);
});
