// The iframe fallback's host side, loaded by embed.js only when a page needs it (its
// Content-Security-Policy forbids WebAssembly, or data-parley-mode="iframe"): the section
// becomes an iframe of parley-frame.html on the comment server, sized and spoken to through
// postMessage, with origin checks both ways.
//
// settings: the thread's (thread, lang, theme, sort, collapseAfter); base: the comment
// server's bundle URL; token(): the reader's sign-in token now; emit(type, detail): to the page.
export function frame(host, settings, { base, token, emit }) {
  const src = new URL('parley-frame.html', base);
  const { font, color } = getComputedStyle(host);
  src.hash = new URLSearchParams({
    thread: settings.thread,
    lang: settings.lang,
    theme: settings.theme,
    sort: settings.sort,
    collapseAfter: settings.collapseAfter,
    origin: location.origin,
    font,
    color,
    comment: location.hash.startsWith('#parley-comment-') ? location.hash : '',
  });
  const iframe = document.createElement('iframe');
  iframe.src = src.href;
  iframe.title = 'Comments';
  iframe.className = 'parley-frame';
  iframe.style.cssText = 'display:block;width:100%;height:320px;border:0;color-scheme:normal';
  const post = (message) => iframe.contentWindow?.postMessage(message, src.origin);
  // Only the frame we made, from the comment server's origin, may resize it or speak for it.
  function onMessage(event) {
    const message = event.data;
    if (event.source != iframe.contentWindow || event.origin != src.origin || !message?.parley) return;
    if (message.parley == 'height') iframe.style.height = `${Math.ceil(+message.height) || 0}px`;
    else if (message.parley == 'ready' && token()) post({ parley: 'login', token: token() });
    else if (message.parley == 'scroll') scrollTo({ top: iframe.getBoundingClientRect().top + scrollY + +message.top - innerHeight / 3 });
    else if (message.parley == 'event') {
      if (message.type == 'ready') host.dataset.parleyState = 'ready';
      emit(message.type, message.detail);
    }
  }
  addEventListener('message', onMessage);
  host.dataset.parleyMode = 'iframe';
  host.replaceChildren(iframe);
  return {
    login: (value) => post({ parley: 'login', token: value }),
    logout: () => post({ parley: 'logout' }),
    unmount() {
      removeEventListener('message', onMessage);
      iframe.remove();
    },
  };
}
