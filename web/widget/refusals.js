// What a reader is told when the server refuses them. A ban or a suspension is said in the
// reader's language (a suspension with when it ends); anything else in the server's words.
// In the interaction chunk: t() is the widget's (kit.js).
import { t } from './kit.js';

export function refusalText(error, lang) {
  if (error.code == 'banned') return t('banned');
  if (error.code == 'suspended') return t('suspended', { until: formatDay(error.details?.until, lang) });
  return error.message;
}

// A day and hour such as "12 December 2026 at 14:00" in the reader's language (the raw
// timestamp if the browser cannot format it).
function formatDay(timestamp, lang) {
  const date = new Date(timestamp);
  if (!timestamp || isNaN(date)) return timestamp || '';
  try {
    return date.toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
  } catch {
    return timestamp;
  }
}
