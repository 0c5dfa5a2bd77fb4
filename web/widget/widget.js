// The comment section inside its shadow root: loads the thread and the core, renders the thread
// through the core (never its own HTML for comments), and wires every control the core prints
// (data-parley-action, data-parley-expand) plus the few the widget adds (edit, delete,
// collapse, load more, new comments).
import { createCore } from '../../widget/parley-core.mjs';
import { createApi } from './api.js';
import { buildComposerForm, showNameField } from './composer-form.js';
import { h, parse, uid, sleep } from './dom.js';
import { load, save } from './storage.js';
import { loadStrings, t, isRtl, threadStrings, addInteractionWords } from './strings.js';
import { relativeTimes } from './time.js';
import css from '../parley.css';

// Top-level comments per API page. The server's default; replies come with their parents.
const PAGE_SIZE = 50;

let sheet;
let interactionSheet;
// Constructable stylesheets need no 'unsafe-inline' in a page's style-src. Browsers without
// them get a <link> to parley.css on the comment server (style-src must list it then), which
// holds the interaction chunk's styles too.
const constructable = () => !!globalThis.CSSStyleSheet?.prototype.replaceSync;
function applyStyles(root, base) {
  if (root.adoptedStyleSheets && constructable()) {
    sheet ||= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(css);
    root.adoptedStyleSheets = interactionSheet ? [sheet, interactionSheet] : [sheet];
    return null;
  }
  return h('link', { rel: 'stylesheet', href: new URL('parley.css', base).href });
}

// The interaction chunk's styles (interact.css), adopted next to the widget's when it arrives.
function addInteractionStyles(root, text) {
  if (!root.adoptedStyleSheets || !constructable()) return;
  if (!interactionSheet) {
    interactionSheet = new CSSStyleSheet();
    interactionSheet.replaceSync(text);
  }
  if (!root.adoptedStyleSheets.includes(interactionSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, interactionSheet];
}

// The reading core, from the .wasm fetch embed.js started (or a fetch of its own); the writing
// module (preview and policy) waits until a reader starts writing (composer.js).
const compileCore = (base, wasm) =>
  createCore({
    wasmResponse: wasm,
    wasmUrl: new URL('parley-core.wasm', base),
    compose: 'lazy',
    composeWasmUrl: new URL('parley-compose.wasm', base),
  });

// The payload of a sign-in token (a JWT), for the reader's name; never trusted for anything
// else: the server verifies the token itself.
function tokenName(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)))).name;
  } catch {
    return '';
  }
}

// host: the element to fill; o: {thread, server, base, lang, theme, sort, collapseAfter,
// token, emit(type, detail), fallback()}; pre: promises embed.js started early
// ({list: fetch() of the first page, wasm: fetch() of the .wasm}).
export async function mount(host, o, pre = {}) {
  const lang = o.lang || 'en';
  const api = createApi(o.server, o.thread);
  api.setSignIn(o.token);
  const coreReady = compileCore(o.base, pre.wasm);
  let sort = ['best', 'newest', 'oldest'].includes(o.sort) ? o.sort : 'oldest';
  const firstPage = pre.list ? api.read(pre.list) : api.list({ sort, limit: PAGE_SIZE });
  const configReady = api.config().catch(() => ({}));
  coreReady.catch(() => {});
  firstPage.catch(() => {});
  await loadStrings(lang, o.base);

  // State: the comments loaded so far (every API page), the cursor of the next page, and what
  // the reader changed about the view.
  let comments = [];
  let next = null;
  let total = 0; // published comments in the thread, from the API
  let core = null;
  let config = {};
  const expanded = new Set();
  const collapsed = new Set();
  const held = new Map(); // live changes not shown yet, by id
  const forms = new Map(); // open inline forms: key -> {element, id, place}
  const flagged = new Set();
  let votes = load('votes', {});
  let edits = load('edits', {});
  let signedInAs = '';
  let closed = false;

  // Everything is built before the shadow root is attached, then attached in one task: the
  // server-rendered thread (if the page has one) stays on screen until the widget's replaces
  // it, with no blank frame in between.
  const live = h('div', { class: 'parley-visually-hidden', role: 'status', 'aria-live': 'polite' });
  const view = h('div', { class: 'parley-view', 'aria-busy': 'true' });
  const newButton = h('button', { type: 'button', class: 'parley-button parley-new', hidden: true });
  const moreButton = h('button', { type: 'button', class: 'parley-button parley-load-more', hidden: true, onclick: loadMore }, t('loadMore'));
  const sortSelect = h(
    'select',
    { class: 'parley-input', id: 'parley-sort', onchange: () => changeSort(sortSelect.value) },
    ['best', 'newest', 'oldest'].map((value) => h('option', { value, selected: value == sort }, t(value))),
  );
  const signedInNote = h('p', { class: 'parley-signed-in', hidden: true });
  const ctx = {
    api,
    lang,
    thread: o.thread,
    get core() {
      return core;
    },
    policy: () => config.policy || null,
    announce,
    signedIn: () => api.signedIn,
    loadInteraction,
  };
  // The main composer's form is here at once; its behaviour comes with the interaction chunk.
  const composerForm = buildComposerForm(ctx, {});
  let composer = null;
  let interaction = null; // the promise of the interaction chunk, once asked for
  const toolbar = h('div', { class: 'parley-toolbar' }, h('label', { for: 'parley-sort' }, t('sortBy')), sortSelect);
  const container = h(
    'div',
    { class: 'parley-root', lang, dir: isRtl(lang) ? 'rtl' : 'ltr' },
    live,
    signedInNote,
    composerForm.form,
    toolbar,
    // A wrapper of no height: the button floats over the thread, so showing it moves nothing.
    h('div', { class: 'parley-new-bar' }, newButton),
    view,
    moreButton,
  );
  const ssr = host.querySelector(':scope > .parley-comments');
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' });
  const link = applyStyles(root, o.base);
  root.replaceChildren(...[link, container].filter(Boolean));
  if (ssr) view.append(ssr);
  else view.append(h('p', { class: 'parley-loading' }, t('loading')));
  host.dataset.parleyTheme = o.theme || 'auto';
  setSignedIn(o.token);

  root.addEventListener('click', onClick);
  const onHash = () => reveal(location.hash);
  addEventListener('hashchange', onHash);
  const ticker = setInterval(() => {
    relativeTimes(view, lang);
    actions?.decorate();
  }, 30e3);
  let liveUpdates = null; // server-sent events (live.js, in the interaction chunk)
  let actions = null; // actions.js, in the interaction chunk, once it has arrived

  function announce(text) {
    // Cleared first so that the same message twice is announced twice.
    live.textContent = '';
    setTimeout(() => (live.textContent = text), 50);
  }

  function setSignedIn(token) {
    api.setSignIn(token);
    signedInAs = token ? tokenName(token) : '';
    showNameField(composerForm, !token);
    signedInNote.hidden = !signedInAs;
    signedInNote.textContent = signedInAs ? t('signedIn', { name: signedInAs }) : '';
  }

  // The interaction chunk (interact.js: the composer's behaviour, what a reader does to a
  // comment and to their own, live updates), loaded once; a failed load is forgotten, so the
  // next need tries again.
  function loadInteraction() {
    interaction ??= import(new URL('parley-interact.js', o.base).href)
      .then((chunk) =>
        chunk.open({ h, parse, uid, sleep, t, load, save, buildComposerForm, showNameField, addInteractionWords, addStyles: (text) => addInteractionStyles(root, text) }),
      )
      .then(
        (parts) => {
          actions = parts.createActions(widget);
          actions.decorate();
          return parts;
        },
        (error) => {
          interaction = null;
          announce(t('failed', { reason: t('offline') }));
          throw error;
        },
      );
    return interaction;
  }

  // The viewer's identity id, so their own held comments show (the server sends those only
  // to them). Guests learn it from their first post; it is kept per author token.
  const me = () => load('author-id');

  const byId = (id) => comments.find((comment) => comment.id == id);
  const articleOf = (id) => [...view.querySelectorAll('article[data-parley-id]')].find((a) => a.dataset.parleyId == id);

  function merge(list) {
    const index = new Map(comments.map((comment, i) => [comment.id, i]));
    for (const comment of list) {
      if (index.has(comment.id)) comments[index.get(comment.id)] = comment;
      else {
        index.set(comment.id, comments.length);
        comments.push(comment);
      }
    }
  }

  // Renders the loaded comments through the core. The first time, a server-rendered thread
  // that is already exactly this HTML is kept as it is (same nodes, nothing re-laid out).
  function render() {
    if (!core) return;
    // Edits and removals that arrived live are applied with the next render the reader asks for.
    for (const [id, change] of held) {
      if (change.type != 'created') {
        merge([change.comment]);
        held.delete(id);
      }
    }
    const viewer = me() ? { authorId: me() } : undefined;
    // Bodies come rendered by the server (bodyHtml), so the reading module needs no markup.
    const html = core.renderServedThread(comments, {
      sort,
      lang,
      strings: threadStrings(),
      viewer,
      collapseAfter: o.collapseAfter || 0,
      expanded: [...expanded],
    });
    const fresh = parse(html).firstElementChild;
    const current = view.firstElementChild;
    const focus = rememberFocus();
    for (const form of forms.values()) form.element.remove();
    if (!(current?.matches('.parley-comments:not([data-parley-seen])') && current.isEqualNode(fresh))) {
      view.replaceChildren(fresh);
    }
    view.firstElementChild.dataset.parleySeen = '';
    view.removeAttribute('aria-busy');
    for (const [key, form] of forms) {
      const article = articleOf(form.id);
      if (!article) forms.delete(key);
      else form.place(article, form.element);
    }
    decorate();
    focus();
  }

  // What has focus inside the thread, and how to give it back after the thread is rendered
  // anew (the reader's place must survive a vote, an expanded branch or new comments).
  function rememberFocus() {
    const active = root.activeElement;
    if (!active || !view.contains(active)) return () => {};
    const inForm = [...forms.values()].some((form) => form.element.contains(active));
    if (inForm) return () => active.isConnected && active.focus({ preventScroll: true });
    const id = active.closest('article')?.dataset.parleyId;
    const action = active.dataset.parleyAction;
    return () => {
      const article = articleOf(id);
      (article?.querySelector(`[data-parley-action="${action}"]`) || article)?.focus({ preventScroll: true });
    };
  }

  // The widget's additions to the core's HTML: relative times, the reader's votes, edit and
  // delete on their own recent comments, and collapse toggles on comments with replies.
  function decorate() {
    relativeTimes(view, lang);
    for (const article of view.querySelectorAll('article[data-parley-id]')) {
      const id = article.dataset.parleyId;
      showVote(article, votes[id] || 0);
      if (flagged.has(id)) article.querySelector('[data-parley-action=report]')?.setAttribute('aria-disabled', 'true');
      const item = article.parentElement;
      if (item.querySelector(':scope > .parley-replies')) {
        const name = article.querySelector('.parley-author')?.textContent || '';
        const isCollapsed = collapsed.has(id);
        item.classList.toggle('parley-collapsed', isCollapsed);
        article.querySelector('.parley-comment-header')?.append(
          h(
            'button',
            {
              type: 'button',
              class: 'parley-collapse',
              'data-parley-action': 'collapse',
              'aria-expanded': !isCollapsed,
              'aria-label': t(isCollapsed ? 'expand' : 'collapse', { name }),
            },
            isCollapsed ? '+' : '−',
          ),
        );
      }
    }
    actions?.decorate();
    moreButton.hidden = !next;
    showTotal();
  }

  // With pages still to load, the core counts only the comments it was given; the heading
  // should say how many the thread has. The number is swapped only where the language's plural
  // form stays the same (the words around it come from the core's catalog).
  function showTotal() {
    const heading = view.querySelector('.parley-count');
    const shown = +view.firstElementChild?.dataset.parleyCount;
    if (!next || !heading || !(total > shown)) return;
    let rules;
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      return;
    }
    if (rules.select(shown) == rules.select(total)) heading.textContent = heading.textContent.replace(String(shown), total);
  }

  function showVote(article, value) {
    article.querySelector('[data-parley-action=upvote]')?.setAttribute('aria-pressed', value > 0);
    article.querySelector('[data-parley-action=downvote]')?.setAttribute('aria-pressed', value < 0);
  }

  function showScore(id) {
    const article = articleOf(id);
    const comment = byId(id);
    const score = article?.querySelector('.parley-score');
    if (!score || !comment) return;
    const { up, down } = comment.score;
    score.dataset.parleyUp = up;
    score.dataset.parleyDown = down;
    score.textContent = up - down;
    showVote(article, votes[id] || 0);
  }

  // An inline form under a comment (reply, edit, report, delete), kept across renders.
  function openForm(key, id, element, place, focusTarget) {
    if (forms.has(key)) {
      forms.get(key).focus();
      return;
    }
    const form = {
      id,
      element,
      place,
      focus: () => (focusTarget || element.querySelector('textarea, input, button')).focus(),
    };
    forms.set(key, form);
    place(articleOf(id), element);
    form.focus();
  }

  // Closes an inline form and puts focus back on the control that opened it.
  function closeForm(key, returnTo) {
    const form = forms.get(key);
    if (!form) return;
    forms.delete(key);
    form.element.remove();
    articleOf(form.id)?.querySelector(`[data-parley-action="${returnTo}"]`)?.focus();
  }

  // Moves focus to a comment (which is not a control, so it takes focus by script only).
  function focusArticle(article, preventScroll) {
    if (!article) return;
    article.tabIndex = -1;
    article.focus({ preventScroll });
  }


  // What a reader does to a comment and to their own (actions.js, in the interaction chunk).
  const act = (name) => (id, ...rest) => loadInteraction().then(() => actions[name](id, ...rest), () => {});
  const [vote, reply, edit, remove, report] = ['vote', 'reply', 'edit', 'remove', 'report'].map(act);
  // The widget as the actions see it.
  const widget = {
    ctx,
    forms,
    api,
    lang,
    view,
    flagged,
    byId,
    articleOf,
    merge,
    render,
    posted,
    announce,
    openForm,
    closeForm,
    focusArticle,
    showScore,
    comments: () => comments,
    config: () => config,
    edits: () => edits,
    votes: () => votes,
    setVotes: (next) => (votes = next),
  };

  function toggleCollapse(id) {
    if (collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
    render();
  }

  function onClick(event) {
    const button = event.target.closest('button, a.parley-permalink, .parley-context a');
    if (!button || !view.contains(button) || button.closest('form')) return;
    if (button.tagName == 'A') {
      // Same hash twice fires no hashchange: highlight on the click itself too.
      if (button.hash == location.hash) reveal(button.hash);
      return;
    }
    if (button.getAttribute('aria-disabled') == 'true') return;
    const id = button.closest('article')?.dataset.parleyId;
    const action = button.dataset.parleyAction;
    if (button.dataset.parleyExpand) {
      const parent = button.dataset.parleyExpand;
      expanded.add(parent);
      render();
      // Focus the first reply that was hidden, where the reader's eyes go next.
      const replies = articleOf(parent)?.parentElement.querySelectorAll(':scope > .parley-replies > li > article');
      focusArticle(replies?.[o.collapseAfter || 0]);
    } else if (action == 'upvote' || action == 'downvote') vote(id, action == 'upvote' ? 1 : -1);
    else if (action == 'reply') reply(id);
    else if (action == 'report') report(id);
    else if (action == 'edit') edit(id);
    else if (action == 'delete') remove(id);
    else if (action == 'collapse') toggleCollapse(id);
  }

  // A comment the reader posted: shown at once (also when it is held for moderation, to them),
  // with its edit token kept so they can change it while the window is open.
  function posted(comment, editToken) {
    if (comment.author?.id && !api.signedIn) save('author-id', comment.author.id);
    if (editToken) edits[comment.id] = [editToken, Date.now()];
    // The live event for this very comment may have come in before this answer did.
    held.delete(comment.id);
    liveUpdates?.update();
    merge([comment]);
    render();
    const article = articleOf(comment.id);
    if (article) {
      article.classList.add('parley-highlight');
      article.scrollIntoView({ block: 'nearest' });
      focusArticle(article, true);
    }
    announce(t(comment.status == 'published' ? 'posted' : 'held'));
    o.emit?.('post', { comment });
  }

  async function loadMore() {
    if (!next) return;
    moreButton.setAttribute('aria-busy', 'true');
    try {
      const known = new Set(comments.map((comment) => comment.id));
      const page = await api.list({ sort, limit: PAGE_SIZE, cursor: next });
      merge(page.comments);
      next = page.next;
      total = page.thread?.count;
      render();
      const first = page.comments.find((comment) => !known.has(comment.id));
      focusArticle(first && articleOf(first.id));
    } catch (error) {
      announce(t('loadFailed', { reason: error.message }));
    }
    moreButton.removeAttribute('aria-busy');
  }

  async function changeSort(value) {
    sort = value;
    save('sort', value);
    try {
      const page = await api.list({ sort, limit: PAGE_SIZE });
      comments = [];
      merge(page.comments);
      next = page.next;
      total = page.thread?.count;
      render();
      announce(t('sorted', { sort: t(value) }));
    } catch (error) {
      announce(t('loadFailed', { reason: error.message }));
    }
  }

  // Live changes wait behind the "N new comments" button, so nothing moves under the reader.
  // Scrolls to the comment a permalink names, loading pages and opening branches as needed.
  async function reveal(hash) {
    if (!hash?.startsWith('#parley-comment-') || !core) return;
    let id;
    try {
      id = decodeURIComponent(hash.slice(16));
    } catch {
      return;
    }
    for (let pages = 0; !byId(id) && next && pages < 20; pages++) await loadMore();
    const comment = byId(id);
    if (!comment) return;
    let changed = false;
    for (let at = comment; at?.parent; at = byId(at.parent)) {
      changed = !expanded.has(at.parent) || collapsed.delete(at.parent) || changed;
      expanded.add(at.parent);
    }
    if (changed && o.collapseAfter) render();
    const article = articleOf(id);
    if (!article) return;
    for (const old of view.querySelectorAll('.parley-highlight')) old.classList.remove('parley-highlight');
    article.classList.add('parley-highlight');
    if (o.scrollTo) o.scrollTo(article);
    else article.scrollIntoView({ block: 'center' });
    focusArticle(article, true);
  }

  // What unmounting undoes besides the shadow root's content.
  function teardown() {
    closed = true;
    liveUpdates?.stop();
    clearInterval(ticker);
    removeEventListener('hashchange', onHash);
    root.removeEventListener('click', onClick);
  }

  // The object embed.js keeps. A retry after a failed load mounts anew behind the same object,
  // so Parley.login and Parley.mount keep reaching the live widget.
  const instance = {
    login: (token) => setSignedIn(token),
    logout: () => setSignedIn(null),
    unmount() {
      teardown();
      root.replaceChildren();
    },
  };

  try {
    const [loaded, page] = await Promise.all([coreReady, firstPage]);
    core = loaded;
    // A comment the reader posted while the core was loading stays.
    const early = comments;
    comments = [];
    merge(page.comments);
    merge(early);
    next = page.next;
    total = page.thread?.count;
  } catch (error) {
    teardown();
    if (error instanceof WebAssembly.CompileError && o.fallback) {
      // The page's CSP refused WebAssembly after all: the iframe (light DOM, shown through a
      // slot) carries its own policy.
      root.replaceChildren(h('slot'));
      o.fallback();
      instance.unmount = () => {};
      return instance;
    }
    host.dataset.parleyState = 'error';
    view.removeAttribute('aria-busy');
    view.replaceChildren(
      h('p', { class: 'parley-error', role: 'alert' }, t('loadFailed', { reason: error.status ? error.message : t('offline') })),
      h(
        'button',
        {
          type: 'button',
          class: 'parley-button',
          async onclick() {
            host.dataset.parleyState = 'loading';
            Object.assign(instance, await mount(host, o));
          },
        },
        t('tryAgain'),
      ),
    );
    o.emit?.('error', { error });
    return instance;
  }
  render();
  // Comments are on screen: now the composer's behaviour (the form has been there all along)
  // and live updates.
  loadInteraction().then(({ wireComposer, startLive }) => {
    composer = wireComposer(ctx, {}, composerForm, posted);
    composer.refresh();
    if (!closed) liveUpdates = startLive({ ...widget, held, newButton, firstPage: () => api.list({ sort, limit: PAGE_SIZE }) });
  }, () => {});
  host.dataset.parleyState = 'ready';
  host.dataset.parleyCoreVersion = core.version();
  configReady.then((answer) => {
    config = answer || {};
    composer?.refresh();
    actions?.decorate();
  });
  reveal(o.hash ?? location.hash);
  o.emit?.('ready', { thread: o.thread, count: comments.length });
  return instance;
}
