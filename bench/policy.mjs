// Discussion-policy benchmark: the Parley core in WebAssembly against the npm package
// `obscenity` (its englishDataset with the recommended transformers), in this same Node process,
// on the corpora of bench/lib/policy-corpora.mjs:
//   - recall on disguised banned words (an evasion corpus generated from the default lists);
//   - false positives on the Scunthorpe section of blns.txt and on the seed page;
//   - microseconds per KB of comment text, and the speed ratio;
//   - precision and recall of "not allowed" against the Wikipedia toxicity labels.
//
//   node bench/policy.mjs            (PARLEY_DIST selects another bundle than build/dist)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import {
  evasionCorpus,
  precisionRecall,
  scunthorpeSet,
  seedTexts,
  toxicitySet,
} from './lib/policy-corpora.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.env.PARLEY_DIST || path.join(root, 'build/dist'));
const { createCore } = await import(pathToFileURL(path.join(dist, 'parley-core.mjs')).href);

// The browsers' writing module (built for size), which a reader's preview and policy feedback
// run; under Node, createCore() would take Node's, built for speed (bench/thread compares them).
const core = await createCore({ composeWasmBinary: await readFile(path.join(dist, 'parley-compose.wasm')) });
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const wordCodes = new Set(['banned_word', 'suspect_word']);
const ours = {
  name: 'parley (wasm)',
  findsWord: (text) => core.checkPolicy(text).reasons.some((reason) => wordCodes.has(reason.code)),
  flags: (text, policy) => core.checkPolicy(text, policy).action !== 'allow',
  run: (text) => core.checkPolicy(text),
};
const peer = {
  name: 'obscenity',
  findsWord: (text) => obscenity.hasMatch(text),
  flags: (text) => obscenity.hasMatch(text),
  run: (text) => obscenity.getAllMatches(text),
};

const percent = (x) => `${(100 * x).toFixed(1)}%`;
const pad = (value, width) => String(value).padStart(width);

function table(title, rows) {
  console.log(`\n${title}`);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  for (const row of rows) console.log('  ' + row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : pad(cell, widths[c]))).join('  '));
}

// Recall on disguised words, overall and per disguise; and on the words both lists know (an
// undisguised word obscenity recognises), which isolates robustness from vocabulary.
const evasion = evasionCorpus();
const shared = new Set(evasion.filter(({ word }) => obscenity.hasMatch(word)).map(({ word }) => word));
const recall = (matcher, items) => items.filter(({ text }) => matcher.findsWord(text)).length / items.length;
const disguises = [...new Set(evasion.map((item) => item.disguise))];
const sharedItems = evasion.filter(({ word }) => shared.has(word));
table(`Recall on disguised banned words (${evasion.length} texts from ${new Set(evasion.map((i) => i.word)).size} default banned words)`, [
  ['corpus', ours.name, peer.name],
  ['all disguised words', percent(recall(ours, evasion)), percent(recall(peer, evasion))],
  [`words obscenity knows (${shared.size})`, percent(recall(ours, sharedItems)), percent(recall(peer, sharedItems))],
  ...disguises.map((disguise) => {
    const items = evasion.filter((item) => item.disguise === disguise);
    return [`  ${disguise}`, percent(recall(ours, items)), percent(recall(peer, items))];
  }),
]);

const scunthorpe = scunthorpeSet();
const seed = seedTexts();
const falsePositives = (matcher, texts) => texts.filter((text) => matcher.flags(text)).length;
table('False positives (texts flagged; lower is better)', [
  ['corpus', ours.name, peer.name],
  [`Scunthorpe set (${scunthorpe.length})`, falsePositives(ours, scunthorpe), falsePositives(peer, scunthorpe)],
  [`seed article, policy and comments (${seed.length})`, falsePositives(ours, seed), falsePositives(peer, seed)],
]);
const peerScunthorpe = scunthorpe.filter((text) => peer.flags(text));
if (peerScunthorpe.length) console.log(`  obscenity flags: ${peerScunthorpe.map((t) => JSON.stringify(t)).join(', ')}`);

// Speed: comments of about 1 KB (toxicity-set comments joined until they reach 1 KB), one
// comment per call as a comment box checks it; best of several rounds of at least 0.5 s.
const toxicity = toxicitySet();
const comments = [];
let current = '';
for (const { text } of toxicity) {
  current += (current ? '\n\n' : '') + text;
  if (Buffer.byteLength(current) >= 1024) {
    comments.push(current);
    current = '';
  }
}
const kilobytes = comments.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1024;
function microsecondsPerKb(matcher) {
  for (const text of comments.slice(0, 50)) matcher.run(text);  // warm up
  let best = Infinity;
  for (let round = 0; round < 5; ++round) {
    let passes = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 0.5e9) {
      for (const text of comments) matcher.run(text);
      ++passes;
      elapsed = Number(process.hrtime.bigint() - start);
    }
    best = Math.min(best, elapsed / 1e3 / (passes * kilobytes));
  }
  return best;
}
const oursSpeed = microsecondsPerKb(ours);
const peerSpeed = microsecondsPerKb(peer);
table(`Speed (${comments.length} comments of ~1 KB, ${kilobytes.toFixed(0)} KB)`, [
  ['matcher', 'µs per KB'],
  [ours.name + ' checkPolicy (all rules)', oursSpeed.toFixed(1)],
  [peer.name + ' getAllMatches', peerSpeed.toFixed(1)],
  ['ratio (obscenity / parley)', `${(peerSpeed / oursSpeed).toFixed(1)}x`],
]);

// Precision and recall of "not allowed" against the toxic label.
const labels = toxicity.map((item) => item.toxic);
const wordsAndAttacks = { maxLinks: 1000, shouting: { action: 'off' }, floods: { action: 'off' } };
const measured = [
  ['parley, default policy', toxicity.map(({ text }) => ours.flags(text))],
  ['parley, words and personal attacks only', toxicity.map(({ text }) => ours.flags(text, wordsAndAttacks))],
  ['parley, personal attacks only', toxicity.map(({ text }) =>
    core.checkPolicy(text).reasons.some((reason) => reason.code === 'personal_attack'))],
  ['obscenity', toxicity.map(({ text }) => peer.flags(text))],
];
table(`Wikipedia toxicity test set (${toxicity.length} comments, ${labels.filter(Boolean).length} toxic): "not allowed" vs the toxic label`, [
  ['matcher', 'precision', 'recall', 'flagged'],
  ...measured.map(([name, flagged]) => {
    const { precision, recall: found, truePositives, falsePositives: wrong } = precisionRecall(flagged, labels);
    return [name, precision.toFixed(3), found.toFixed(3), truePositives + wrong];
  }),
]);
