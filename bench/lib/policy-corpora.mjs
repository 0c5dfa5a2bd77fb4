// The corpora the discussion policy is measured on, shared by bench/policy.mjs and
// tests/widget/policy.test.mjs so the test asserts what the benchmark reports:
//   evasionCorpus()   disguised spellings of the default banned words, generated
//                     deterministically (leetspeak, separators, look-alikes, repeats,
//                     zero-width characters, diacritics, case, and combinations);
//   scunthorpeSet()   the "Scunthorpe Problem" section of blns.txt (innocent strings);
//   seedTexts()       the seed page: its article, its discussion-policy paragraph, each comment;
//   toxicitySet()     1,492 Wikipedia talk-page comments with a toxic label.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpora = path.resolve(root, '../shared/corpora');
const seedFile = path.resolve(root, '../shared/seed/news-article-with-comments.txt');

// mulberry32: a tiny seeded generator, so every run builds the same corpus.
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// The default banned terms (core/policy/word-lists.json, written by the word-list generator),
// wildcards removed: "*fuck*" -> "fuck".
export function bannedWords() {
  const { lists } = JSON.parse(readFileSync(path.join(root, 'core/policy/word-lists.json'), 'utf8'));
  const words = new Set();
  for (const list of Object.values(lists)) {
    for (const term of list.banned) words.add(term.replace(/^\*|\*$/g, ''));
  }
  return [...words].filter((word) => [...word.replace(/[\s'`-]/g, '')].length >= 3);
}

// Letters people swap for look-alikes, read from Unicode's confusables.txt: for each ASCII
// letter, its single-character look-alikes in Cyrillic, Greek, Armenian, fullwidth and
// mathematical bold. And for Cyrillic letters, their ASCII look-alikes (Russian written with
// Latin letters in places).
function lookAlikes() {
  const text = readFileSync(path.join(corpora, 'policy/confusables.txt'), 'utf8');
  const forAscii = new Map();
  const forCyrillic = new Map();
  const wanted = (cp) =>
    (cp >= 0x370 && cp <= 0x58f) || (cp >= 0xff41 && cp <= 0xff5a) || (cp >= 0x1d41a && cp <= 0x1d433);
  for (const line of text.split('\n')) {
    const match = /^([0-9A-F]+) ;\t([0-9A-F]+) ;\tMA/.exec(line);
    if (!match) continue;
    const source = parseInt(match[1], 16);
    const target = String.fromCodePoint(parseInt(match[2], 16));
    if (!/^[a-z]$/.test(target) || !wanted(source)) continue;
    const lookAlike = String.fromCodePoint(source);
    if (!forAscii.has(target)) forAscii.set(target, []);
    forAscii.get(target).push(lookAlike);
    if (source >= 0x400 && source <= 0x4ff) forCyrillic.set(lookAlike, target);
  }
  return { forAscii, forCyrillic };
}

const LEET = { a: ['4', '@'], e: ['3'], i: ['1', '!'], l: ['1'], o: ['0'], s: ['5', '$'], t: ['7'] };
const SEPARATORS = ['.', ' ', '-', '_', '*', '. '];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const MARKS = ['\u0301', '\u0308', '\u0336', '\u0327'];
const CARRIERS = ['{w}', 'what the {w} is this', 'oh {w}!', 'this is {w}, really'];

// Each disguise rewrites the letters of one word; a term's words are disguised separately.
function disguises(random, { forAscii, forCyrillic }) {
  const pick = (items) => items[Math.floor(random() * items.length)];
  const mapLetters = (word, f) => [...word].map(f).join('');
  const isLetter = (c) => /\p{L}/u.test(c);
  // People stretch letters, not apostrophes.
  const repeat = (word) => {
    const letters = [...word];
    const candidates = letters.map((c, i) => (isLetter(c) ? i : -1)).filter((i) => i >= 0);
    const at = candidates[Math.floor(random() * candidates.length)];
    letters[at] = letters[at].repeat(3 + Math.floor(random() * 3));
    return letters.join('');
  };
  // Separators go between letters; a term's own apostrophes and hyphens are left out.
  const between = (word, fill) => [...word].filter((c) => !/['`\-]/.test(c)).join(fill());
  return {
    // Case mixing of Latin and Cyrillic letters (a Greek look-alike's capital is another shape).
    case: (word) =>
      mapLetters(word, (c) => {
        if (!/[a-zA-Zа-яёА-ЯЁ]/.test(c)) return c;
        return random() < 0.5 ? c.toUpperCase() : c.toLowerCase();
      }),
    leetspeak: (word) => {
      let changed = false;
      const out = mapLetters(word, (c) => {
        const options = LEET[c.toLowerCase()];
        if (!options || random() < 0.4) return c;
        changed = true;
        return pick(options);
      });
      // Words without leetable letters get look-alikes instead, so every item is disguised.
      return changed ? out : mapLetters(word, (c) => (forAscii.has(c) ? pick(forAscii.get(c)) : c));
    },
    separators: (word) => between(word, (() => {
      const separator = pick(SEPARATORS);
      return () => separator;
    })()),
    lookAlikes: (word) =>
      mapLetters(word, (c) => {
        if (forAscii.has(c) && random() < 0.6) return pick(forAscii.get(c));
        if (forCyrillic.has(c) && random() < 0.6) return forCyrillic.get(c);
        return c;
      }),
    repeats: (word) => repeat(repeat(word)),
    zeroWidth: (word) => between(word, () => (random() < 0.7 ? pick(ZERO_WIDTH) : '')),
    diacritics: (word) => mapLetters(word, (c) => (isLetter(c) && random() < 0.6 ? c + pick(MARKS) : c)),
  };
}

// Disguised spellings of every default banned word, each in a carrier sentence:
// [{word, disguise, text}]. Deterministic for a given seed.
export function evasionCorpus(seed = 5) {
  const random = generator(seed);
  const transforms = disguises(random, lookAlikes());
  const combos = {
    'leetspeak+case': (w) => transforms.case(transforms.leetspeak(w)),
    'separators+case': (w) => transforms.separators(transforms.case(w)),
    'lookAlikes+repeats': (w) => transforms.repeats(transforms.lookAlikes(w)),
    'zeroWidth+leetspeak': (w) => transforms.zeroWidth(transforms.leetspeak(w)),
  };
  const all = { ...transforms, ...combos };
  const items = [];
  let carrier = 0;
  for (const word of bannedWords()) {
    for (const [disguise, transform] of Object.entries(all)) {
      const disguised = word.split(' ').map(transform).join(' ');
      const text = CARRIERS[carrier++ % CARRIERS.length].replace('{w}', () => disguised);
      items.push({ word, disguise, text });
    }
  }
  return items;
}

// blns.txt's "Scunthorpe Problem" section: strings a word filter must not flag.
export function scunthorpeSet() {
  const lines = readFileSync(path.join(corpora, 'policy/blns.txt'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('#\tScunthorpe Problem'));
  const items = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#\t') && !line.startsWith('#\tInnocuous')) break;
    if (line.trim() && !line.startsWith('#')) items.push(line);
  }
  return items;
}

// The seed page as separate texts: the article, the discussion policy, each reader comment
// (comments start with "N. NAME said:").
export function seedTexts() {
  const text = readFileSync(seedFile, 'utf8');
  const [article, rest] = text.split(/\n\s*Discussion Policy\s*\n/);
  const [policy, ...comments] = rest.split(/\n\s*\d+\.\s+[^\n]*said:\s*\n/);
  return [article, policy, ...comments].map((part) => part.trim()).filter(Boolean);
}


// The toxicity test set: [{text, toxic}].
export function toxicitySet() {
  const rows = parseCsv(readFileSync(path.join(corpora, 'toxicity/wikipedia-toxicity-testset.csv'), 'utf8'));
  const header = rows.shift();
  const text = header.indexOf('comment');
  const toxic = header.indexOf('toxic');
  return rows.filter((row) => row.length > toxic).map((row) => ({ text: row[text], toxic: row[toxic] === 'True' }));
}

// Precision and recall of `flagged` (booleans) against `labels`.
export function precisionRecall(flagged, labels) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  flagged.forEach((isFlagged, i) => {
    if (isFlagged && labels[i]) ++truePositives;
    else if (isFlagged) ++falsePositives;
    else if (labels[i]) ++falseNegatives;
  });
  return {
    precision: truePositives / (truePositives + falsePositives || 1),
    recall: truePositives / (truePositives + falseNegatives || 1),
    truePositives,
    falsePositives,
    falseNegatives,
  };
}
