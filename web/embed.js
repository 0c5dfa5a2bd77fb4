// embed.js: the one script a publisher adds under an article.
//
//   <script src="https://comments.example.com/embed.js" data-parley-thread="article-123" async></script>
//
// It reads its settings from its own tag's data-parley-* attributes, reserves the place where
// comments go, and loads the rest only when that place nears the viewport: then the widget
// module, the WebAssembly core and the thread's first page are fetched in parallel. Where the
// page's Content-Security-Policy forbids WebAssembly (or data-parley-mode="iframe" asks for
// it), the section is an iframe served by the comment server instead, sized by postMessage.
// It defines one global, window.Parley: login(token), logout(), mount(element, options),
// on(event, fn).
(() => {
  const script =
    document.currentScript || document.querySelector('script[data-parley-thread], script[src$="/embed.js"]');
  if (!script) return;
  const base = new URL('.', script.src || location.href);
  const data = script.dataset;

  function canonicalPath() {
    try {
      return new URL(document.querySelector('link[rel="canonical"]')?.href || location.href).pathname;
    } catch {
      return location.pathname;
    }
  }

  function stored(key) {
    try {
      return JSON.parse(localStorage.getItem(`parley-${key}`));
    } catch {}
  }

  // The script tag's settings; mount(element, options) overrides any of them.
  const defaults = {
    thread: data.parleyThread || canonicalPath(),
    server: (data.parleyServer || base.origin).replace(/\/$/, ''),
    lang: data.parleyLang || document.documentElement.lang || 'en',
    theme: data.parleyTheme || 'auto',
    mode: data.parleyMode,
    // The reader's own last choice wins over the publisher's default.
    sort: stored('sort') || data.parleySort || 'oldest',
    collapseAfter: +data.parleyCollapseAfter || 0,
  };

  const listeners = {};
  const mounted = new Map(); // host element -> {login(token), logout(), unmount()}
  let token = null;

  function emit(host, type, detail) {
    for (const fn of listeners[type] || []) {
      try {
        fn(detail);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
    host.dispatchEvent(new CustomEvent(`parley-${type}`, { detail, bubbles: true }));
  }

  // The cheapest WebAssembly compile there is (an empty module): a page whose CSP lacks
  // 'wasm-unsafe-eval' makes it throw, and then only the iframe can show comments.
  function wasmAllowed() {
    try {
      return !!new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0));
    } catch {
      return false;
    }
  }

  // The iframe fallback (embed-frame.js) is a module of its own: most pages never need it.
  function frame(host, settings) {
    const instance = { pending: true };
    import(new URL('parley-embed-frame.js', base).href)
      .then((module) => {
        if (mounted.get(host) !== instance) return;
        const framed = module.frame(host, settings, { base, token: () => token, emit: (type, detail) => emit(host, type, detail) });
        mounted.set(host, framed);
      })
      .catch((error) => {
        host.dataset.parleyState = 'error';
        emit(host, 'error', { error });
      });
    return instance;
  }

  function load(host, settings) {
    host.dataset.parleyState = 'loading';
    if (settings.mode == 'iframe' || !wasmAllowed()) {
      mounted.set(host, frame(host, settings));
      return;
    }
    const headers = {};
    const author = stored('author');
    if (token) headers.authorization = `Bearer ${token}`;
    else if (author) headers['x-parley-author'] = author;
    const pre = {
      list: fetch(
        `${settings.server}/api/v1/threads/${encodeURIComponent(settings.thread)}/comments?sort=${settings.sort}&limit=50`,
        { headers, credentials: 'omit' },
      ),
      wasm: fetch(new URL('parley-core.wasm', base)),
    };
    pre.list.catch(() => {});
    pre.wasm.catch(() => {});
    const options = {
      ...settings,
      base: base.href,
      token,
      emit: (type, detail) => emit(host, type, detail),
      fallback: () => mounted.set(host, frame(host, settings)),
    };
    mounted.set(host, { pending: true });
    import(new URL('parley-widget.js', base).href)
      .then((widget) => widget.mount(host, options, pre))
      .then((instance) => {
        if (!mounted.get(host)?.pending) return instance.unmount();
        mounted.set(host, instance);
        // A login or logout while the widget was loading reaches it now.
        if (token !== options.token) instance[token ? 'login' : 'logout'](token);
      })
      .catch((error) => {
        host.dataset.parleyState = 'error';
        emit(host, 'error', { error });
      });
  }

  function mount(host, options) {
    if (!host) return;
    mounted.get(host)?.unmount?.();
    mounted.delete(host);
    const settings = { ...defaults, ...options };
    host.classList.add('parley-thread');
    host.dataset.parleyState = 'waiting';
    if (!('IntersectionObserver' in window)) return load(host, settings);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          load(host, settings);
        }
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(host);
  }

  const each = (fn) => mounted.forEach((instance) => instance[fn]?.(token));

  const Parley = window.Parley || {
    // A signed token from the publisher's own login (HS256, verified by the comment server).
    login(value) {
      token = value || null;
      each('login');
    },
    logout() {
      token = null;
      each('logout');
    },
    mount,
    // Events: ready, post, error. Returns a function that unsubscribes.
    on(type, fn) {
      (listeners[type] ||= []).push(fn);
      return () => (listeners[type] = listeners[type].filter((other) => other != fn));
    },
  };
  window.Parley = Parley;

  if (data.parleyAuto == 'false') return;
  let host = document.getElementById('parley-thread');
  if (!host || mounted.has(host)) {
    host = document.createElement('div');
    script.after(host);
    if (!document.getElementById('parley-thread')) host.id = 'parley-thread';
  }
  // This tag's own settings: a second tag on the page may name another thread or server.
  Parley.mount(host, defaults);
})();
