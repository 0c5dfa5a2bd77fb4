// Live updates, in the interaction chunk: server-sent events while the page is visible. A
// hidden tab lets its connection go (browsers allow six per host over HTTP/1.1, and a reader
// with many articles open must not starve the one they are reading), then resumes after the
// last event it saw. The widget holds what arrives behind its "N new comments" button.
//
// w: {api, hold(type, comment), catchUp()}: catchUp() fetches the first page again and holds
// what this page has not shown. Returns {stop()}.
export function startLive({ api, hold, catchUp }) {
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
    stop() {
      stopped = true;
      events?.close();
      events = null;
      clearTimeout(poller);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
