// embed.js: the one script a publisher adds under an article.
//
//   <script src="https://comments.example.com/embed.js" data-parley-thread="article-123" async></script>
//
// It reads its settings from its own tag's data-parley-* attributes, reserves the place where
// comments go, and loads the rest (the WebAssembly core, the widget) only when that place nears
// the viewport, so an article that is never scrolled to its end costs the reader ~1 KB.
(() => {
  const script =
    document.currentScript ||
    document.querySelector('script[data-parley-thread], script[src$="/embed.js"]');
  if (!script) return;
  const base = new URL('.', script.src || location.href);
  const data = script.dataset;

  function canonicalPath() {
    const canonical = document.querySelector('link[rel="canonical"]');
    try {
      return new URL(canonical ? canonical.href : location.href).pathname;
    } catch {
      return location.pathname;
    }
  }

  const config = {
    thread: data.parleyThread || canonicalPath(),
    server: data.parleyServer || base.origin,
    lang: data.parleyLang || document.documentElement.lang || 'en',
    theme: data.parleyTheme || 'auto',
  };

  let host = document.getElementById('parley-thread');
  if (!host) {
    host = document.createElement('div');
    host.id = 'parley-thread';
    script.after(host);
  }
  host.classList.add('parley-thread');
  host.dataset.parleyState = 'waiting';

  async function load() {
    host.dataset.parleyState = 'loading';
    try {
      const { createCore } = await import(new URL('parley-core.mjs', base).href);
      const core = await createCore();
      host.dataset.parleyState = 'ready';
      host.dataset.parleyCoreVersion = core.version();
      host.dispatchEvent(new CustomEvent('parley:ready', { detail: { config, core } }));
    } catch (error) {
      host.dataset.parleyState = 'error';
      host.dispatchEvent(new CustomEvent('parley:error', { detail: { config, error } }));
    }
  }

  if (!('IntersectionObserver' in window)) {
    load();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        load();
      }
    },
    { rootMargin: '800px 0px' },
  );
  observer.observe(host);
})();
