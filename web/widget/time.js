// Relative times ("3 hours ago") in the reader's language, with the exact date as a tooltip.
// The core prints every instant in UTC inside <time datetime>; readers without JavaScript see
// that, readers with it see this.
import { packHas, t } from './strings.js';

const UNITS = [
  ['year', 31536e6],
  ['month', 2592e6],
  ['week', 6048e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
  ['second', 1e3],
];

// Formatters from the browser's Intl data, or from the language pack's own words where the
// browser has no data for the language (Chromium ships none for Armenian: its Intl would say
// "now" and "3 hours ago" in English on an Armenian page).
function formatters(lang) {
  if (!Intl.RelativeTimeFormat.supportedLocalesOf([lang]).length && packHas('now')) {
    const date = (at) => {
      const d = new Date(at);
      const pad = (n) => String(n).padStart(2, '0');
      return t('date', {
        d: d.getDate(),
        month: t('months').split(' ')[d.getMonth()],
        y: d.getFullYear(),
        time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
      });
    };
    return {
      // Only the past is spoken of: a comment is never written in the future beyond clock skew.
      relative: (value, unit, at) => (value === 0 ? t('now') : value < 0 ? t(`${unit}Ago`, { n: -value }) : date(at)),
      absolute: date,
    };
  }
  let relative;
  let absolute;
  try {
    relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    absolute = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
  } catch {
    relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    absolute = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });
  }
  return { relative: (value, unit) => relative.format(value, unit), absolute: (at) => absolute.format(at) };
}

export function relativeTimes(root, lang) {
  const { relative, absolute } = formatters(lang);
  const now = Date.now();
  for (const time of root.querySelectorAll('.parley-permalink time[datetime]')) {
    const at = Date.parse(time.getAttribute('datetime'));
    if (Number.isNaN(at)) continue;
    const elapsed = at - now;
    const [unit, size] = UNITS.find(([, size]) => Math.abs(elapsed) >= size) || UNITS[6];
    // Clock skew can put a fresh comment a few seconds in the future: that is "now".
    time.textContent = relative(Math.abs(elapsed) < 45e3 ? 0 : Math.round(elapsed / size), unit, at);
    time.title = absolute(at);
  }
}
