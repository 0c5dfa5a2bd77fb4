// The iframe fallback (parley-frame.html on the comment server): the same widget, for pages
// whose Content-Security-Policy forbids WebAssembly or that ask for data-parley-mode="iframe".
// The embedding page passes its settings in the URL's fragment; the frame reports its height
// and events back with postMessage, only to the origin that embedded it, and takes sign-in
// tokens only from that origin.
import { mount } from './widget/widget.js';

const params = new URLSearchParams(location.hash.slice(1));
const parentOrigin = params.get('origin');
const post = (message) => {
  if (parent != window && parentOrigin) parent.postMessage(message, parentOrigin);
};
const lang = params.get('lang') || 'en';
document.documentElement.lang = lang;
// Look like the page around the frame: its font and text colour, set through the CSSOM (the
// frame's own CSP allows no inline styles).
document.body.style.font = params.get('font') || '';
document.body.style.color = params.get('color') || '';
document.body.style.margin = '0';

let instance;
let token = null;
addEventListener('message', (event) => {
  const message = event.data;
  if (event.source != parent || event.origin != parentOrigin || !message?.parley) return;
  if (message.parley == 'login') token = message.token;
  if (message.parley == 'logout') token = null;
  instance?.[token ? 'login' : 'logout'](token);
});

new ResizeObserver(() => post({ parley: 'height', height: document.documentElement.scrollHeight })).observe(document.body);
post({ parley: 'ready' });

instance = await mount(document.getElementById('parley-thread'), {
  thread: params.get('thread') || '/',
  server: location.origin,
  base: new URL('.', location.href).href,
  lang,
  theme: params.get('theme'),
  sort: params.get('sort'),
  collapseAfter: +params.get('collapseAfter') || 0,
  token,
  hash: params.get('comment'),
  // Details cross as JSON; an Error would arrive empty, so its message goes instead.
  emit: (type, detail = {}) =>
    post({ parley: 'event', type, detail: JSON.parse(JSON.stringify(detail, (key, value) => (value instanceof Error ? value.message : value))) }),
  // The frame is as tall as its content: the page scrolls, not the frame.
  scrollTo: (article) => post({ parley: 'scroll', top: article.getBoundingClientRect().top + scrollY }),
});
if (token) instance.login(token);
