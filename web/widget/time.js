// Relative times ("3 hours ago") in the reader's language, with the exact date as a tooltip.
// The core prints every instant in UTC inside <time datetime>; readers without JavaScript see
// that, readers with it see this.
const UNITS = [
  ['year', 31536e6],
  ['month', 2592e6],
  ['week', 6048e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
  ['second', 1e3],
];

export function relativeTimes(root, lang) {
  let relative;
  let absolute;
  try {
    relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    absolute = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });
  } catch {
    relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    absolute = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });
  }
  const now = Date.now();
  for (const time of root.querySelectorAll('.parley-permalink time[datetime]')) {
    const at = Date.parse(time.getAttribute('datetime'));
    if (Number.isNaN(at)) continue;
    const elapsed = at - now;
    const [unit, size] = UNITS.find(([, size]) => Math.abs(elapsed) >= size) || UNITS[6];
    // Clock skew can put a fresh comment a few seconds in the future: that is "now".
    time.textContent = relative.format(Math.abs(elapsed) < 45e3 ? 0 : Math.round(elapsed / size), unit);
    time.title = absolute.format(at);
  }
}
