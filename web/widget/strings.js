// The widget's own words (the thread's words come from the core, in the same language).
// English is built in; other languages are small modules (lang/*.js, bundled as
// parley-lang-XX.js) fetched only by readers who need them, so English pages pay nothing.
// A value with {name}-style slots is filled by t(); a {one, other, ...} object is chosen by
// Intl.PluralRules, with # standing for the number.
const en = {
  sortBy: 'Sort by',
  best: 'Best',
  newest: 'Newest',
  oldest: 'Oldest',
  comment: 'Comment',
  name: 'Name',
  post: 'Post comment',
  preview: 'Preview',
  hint: 'Formatting: *italic*, **bold**, [link](https://…), > quote, `code`',
  offline: 'no connection',
  failed: 'Your comment was not posted ({reason}). Your text is kept here.',
  tryAgain: 'Try again',
  loadMore: 'Load more comments',
  loading: 'Loading comments…',
  loadFailed: 'Comments could not be loaded ({reason}).',
  collapse: 'Hide thread by {name}',
  expand: 'Show thread by {name}',
  sorted: 'Comments sorted: {sort}.',
  signedIn: 'You are signed in as {name}.',
};

let table = en;
let pack = null; // the URL of the reader's language pack, when one is in use
let plural = new Intl.PluralRules('en');

// The words only the interaction chunk uses: its English ones (interact-strings.js), and the
// second half of the reader's language pack (parley-lang-XX-interact.js), which the bundle
// splits off the same way. Never fails: a missing half leaves English for those words.
export async function addInteractionWords(english) {
  for (const key in english) en[key] ??= english[key];
  if (!pack) return;
  try {
    table = { ...table, ...(await import(pack.replace(/\.js$/, '-interact.js'))).default };
  } catch {}
}

// Loads the reader's language if the widget has it (English otherwise); `base` is where the
// bundle lives. Never fails: a missing pack leaves English in place.
export async function loadStrings(lang, base) {
  const code = (lang || 'en').toLowerCase().split(/[-_]/)[0];
  try {
    plural = new Intl.PluralRules(lang);
  } catch {}
  if (code == 'en' || !/^[a-z]{2,3}$/.test(code) || !LANGS.includes(code)) return;
  try {
    const url = new URL(`parley-lang-${code}.js`, base).href;
    table = { ...en, ...(await import(url)).default };
    pack = url;
  } catch {}
}

// The languages that have a pack in lang/ (kept in sync by tests/web/strings.test.mjs).
export const LANGS = ['ar', 'de', 'es', 'fa', 'fr', 'he', 'hy', 'ru'];

// Words a pack may add, all or none: relative times and dates for a language whose Intl data
// browsers lack (web/widget/time.js uses them only then).
export const TIME_WORDS = ['now', 'secondAgo', 'minuteAgo', 'hourAgo', 'dayAgo', 'weekAgo', 'monthAgo', 'yearAgo', 'months', 'date'];

// The thread's words in the reader's language, from its pack (the reading core has English
// only), or undefined for English and for languages the core has no translation for.
export const threadStrings = () => (table !== en ? table.thread : undefined);

// Whether the reader's language pack has its own words for `key` (English has none of the
// optional ones).
export const packHas = (key) => table !== en && table[key] !== undefined;

export function t(key, values = {}) {
  let text = table[key] ?? en[key] ?? key;
  if (typeof text == 'object') text = (text[plural.select(values.n)] ?? text.other).replace('#', values.n);
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

// Right-to-left scripts among the languages a page may declare.
export const isRtl = (lang) => /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)\b/i.test(lang || '');

export { en };
