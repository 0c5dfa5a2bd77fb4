// Live updates, in the interaction chunk: server-sent events while the page is visible. A
// hidden tab lets its connection go (browsers allow six per host over HTTP/1.1, and a reader
// with many articles open must not starve the one they are reading), then resumes after the
// last event it saw. What arrives is held behind the "N new comments" button, so the page
// never moves under the reader; edits and removals show with the next render.
import { t } from './kit.js';

// w: the widget (widget.js) with `held` (its map of changes not shown, by id), `newButton`
// and `firstPage()` (the API's first page in the current order). Returns {update(), stop()}:
// update() recounts the button after the widget takes a change out of `held`.
export function startLive(w) {
  const { api, held, newButton } = w;

  function hold(type, comment) {
    if (!comment?.id) return;
    if (type == 'created' && w.byId(comment.id)) return;
    // A reply to a comment on a page not loaded yet arrives with that page.
    if (comment.parent && !w.byId(comment.parent) && !held.has(comment.parent)) return;
    held.set(comment.id, { type, comment });
    update();
  }

  function update() {
    const count = [...held.values()].filter((change) => change.type == 'created').length;
    newButton.hidden = !count;
    newButton.textContent = t('newComments', { n: count });
  }

  newButton.onclick = () => {
    const fresh = [...held.values()].filter((change) => change.type == 'created').map((change) => change.comment.id);
    w.merge([...held.values()].map((change) => change.comment));
    held.clear();
    newButton.hidden = true;
    w.render();
    w.focusArticle(fresh.length && w.articleOf(fresh[0]));
  };

  // New comments from the first page that this page has not shown, held like live ones.
  const catchUp = () => w.firstPage().then((page) => page.comments.forEach((comment) => hold('created', comment)), () => {});

  let events = null;
  let lastEventId = '';
  let poller;
  let stopped = false;

  function listen() {
    if (!globalThis.EventSource || stopped || events || document.hidden) return;
    events = new EventSource(`${api.threadPath}/events${lastEventId ? `?lastEventId=${lastEventId}` : ''}`);
    for (const type of ['created', 'edited', 'removed']) {
      events.addEventListener(type, (event) => {
        lastEventId = event.lastEventId || lastEventId;
        try {
          hold(type, JSON.parse(event.data).comment);
        } catch {}
      });
    }
    // A stream the browser gives up on (the server answered 503 at capacity, or not at all):
    // poll the first page every 30 seconds, and try the stream again each time.
    events.onerror = () => {
      if (events?.readyState != 2) return;
      events = null;
      clearTimeout(poller);
      poller = setTimeout(() => {
        catchUp();
        listen();
      }, 30e3);
    };
    // The server's history did not reach back far enough: fetch the first page again.
    events.addEventListener('reset', (event) => {
      lastEventId = event.lastEventId || lastEventId;
      catchUp();
    });
  }

  function onVisibility() {
    if (document.hidden) {
      events?.close();
      events = null;
    } else if (!events) {
      // Without an event id to resume from, what arrived while hidden comes from the API.
      if (!lastEventId) catchUp();
      listen();
    }
  }

  document.addEventListener('visibilitychange', onVisibility);
  listen();
  return {
    update,
    stop() {
      stopped = true;
      events?.close();
      events = null;
      clearTimeout(poller);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
