// count.js: comment counts on index pages, with one request for the whole page.
//
//   <a href="/2020/10/22/putin-karabakh/" data-parley-count></a>
//   <span data-parley-count="article-123"></span>
//   <script src="https://comments.example.com/count.js" async></script>
//
// Every [data-parley-count] element gets its thread's count: the attribute's value, or when
// empty the path of the element's href (the thread id embed.js uses by default). The text is
// "# comments" in the page's language through Intl.PluralRules; a publisher can give the
// words on the script tag: data-parley-one="# reaction", data-parley-other="# reactions"
// (and zero, two, few, many where the language has them).
(() => {
  const script = document.currentScript || document.querySelector('script[src$="/count.js"]');
  if (!script) return;
  const data = script.dataset;
  const server = (data.parleyServer || new URL(script.src).origin).replace(/\/$/, '');
  const lang = data.parleyLang || document.documentElement.lang || 'en';
  const elements = [...document.querySelectorAll('[data-parley-count]')];
  const threadOf = (element) => element.dataset.parleyCount || (element.href && new URL(element.href).pathname);
  const threads = [...new Set(elements.map(threadOf).filter(Boolean))];
  if (!threads.length) return;
  let plural;
  let number;
  try {
    plural = new Intl.PluralRules(lang);
    number = new Intl.NumberFormat(lang);
  } catch {
    plural = new Intl.PluralRules('en');
    number = new Intl.NumberFormat('en');
  }
  const words = (count) => {
    const category = plural.select(count);
    const key = `parley${category[0].toUpperCase()}${category.slice(1)}`;
    return (data[key] || data.parleyOther || (count == 1 ? '# comment' : '# comments')).replace('#', number.format(count));
  };
  // The server answers at most 100 threads a request; an index page rarely has more.
  for (let i = 0; i < threads.length; i += 100) {
    const query = threads.slice(i, i + 100).map((thread) => `thread=${encodeURIComponent(thread)}`).join('&');
    fetch(`${server}/api/v1/counts?${query}`, { credentials: 'omit' })
      .then((response) => response.json())
      .then(({ counts }) => {
        for (const element of elements) {
          const count = counts[threadOf(element)];
          if (count != null) element.textContent = words(count);
        }
      })
      .catch(() => {});
  }
})();
