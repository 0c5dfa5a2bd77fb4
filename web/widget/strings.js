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
  save: 'Save',
  cancel: 'Cancel',
  preview: 'Preview',
  hint: 'Formatting: *italic*, **bold**, [link](https://…), > quote, `code`',
  replyingTo: 'Replying to {name}',
  editing: 'Editing your comment',
  posted: 'Your comment is published.',
  held: 'Your comment is waiting for a moderator.',
  saved: 'Your comment is updated.',
  offline: 'no connection',
  failed: 'Your comment was not posted ({reason}). Your text is kept here.',
  tryAgain: 'Try again',
  rejected: 'This comment can’t be posted:',
  select: 'Select in your comment',
  newComments: { one: 'Show # new comment', other: 'Show # new comments' },
  loadMore: 'Load more comments',
  loading: 'Loading comments…',
  loadFailed: 'Comments could not be loaded ({reason}).',
  edit: 'Edit',
  editLabel: 'Edit your comment',
  delete: 'Delete',
  deleteLabel: 'Delete your comment',
  deleted: 'Your comment is deleted.',
  spam: 'Spam or advertising',
  abuse: 'Abuse or harassment',
  'off-topic': 'Off-topic',
  other: 'Something else',
  reported: 'Thank you. A moderator will look at this comment.',
  collapse: 'Hide thread by {name}',
  expand: 'Show thread by {name}',
  voteFailed: 'Your vote was not counted: {reason}',
  sorted: 'Comments sorted: {sort}.',
  signedIn: 'You are signed in as {name}.',
  rejectedBecause: 'A moderator rejected this comment: {reason}.',
  moderatorNote: 'Note from the moderator: {note}',
  reasonProfanity: 'profanity',
  reasonPersonalAttack: 'a personal attack',
  reasonSpam: 'spam or advertising',
  reasonOffTopic: 'off-topic',
  reasonOther: 'another reason',
  banned: 'You can no longer post or react on this site.',
  suspended: 'You cannot post or react on this site until {until}.',
};

let table = en;

// The English words only the interaction chunk uses (interact-strings.js), added when it arrives;
// a language pack already has its own.
export function addEnglish(words) {
  for (const key in words) en[key] ??= words[key];
}
let plural = new Intl.PluralRules('en');

// Loads the reader's language if the widget has it (English otherwise); `base` is where the
// bundle lives. Never fails: a missing pack leaves English in place.
export async function loadStrings(lang, base) {
  const code = (lang || 'en').toLowerCase().split(/[-_]/)[0];
  try {
    plural = new Intl.PluralRules(lang);
  } catch {}
  if (code == 'en' || !/^[a-z]{2,3}$/.test(code) || !LANGS.includes(code)) return;
  try {
    table = { ...en, ...(await import(new URL(`parley-lang-${code}.js`, base).href)).default };
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
