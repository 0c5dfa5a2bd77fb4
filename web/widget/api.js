// The comment server's REST API (docs/API.md), as the widget uses it. Knows the reader's
// credentials: the publisher's sign-in token (Parley.login) or the guest author token the
// server issues on a first post or vote, kept in localStorage so a guest stays one identity.
import { load, save } from './storage.js';

// A failed request: `status` 0 means the network failed; `code`/`details` come from the
// server's {"error": {"code", "message", ...}} body; `retryAfter` is in seconds.
export class ApiError extends Error {
  constructor(status, error = {}, retryAfter) {
    super(error.message || (status ? `HTTP ${status}` : 'network'));
    this.status = status;
    this.code = error.code;
    this.details = error;
    this.retryAfter = retryAfter;
  }
  // Worth trying again later: the network, rate limits and server trouble.
  get transient() {
    return !this.status || this.status == 429 || this.status >= 500;
  }
}

export function createApi(server, thread) {
  const threadPath = `${server}/api/v1/threads/${encodeURIComponent(thread)}`;
  let signIn = null;

  function headers(extra) {
    const result = { ...extra };
    if (signIn) result.authorization = `Bearer ${signIn}`;
    else {
      const author = load('author');
      if (author) result['x-parley-author'] = author;
    }
    return result;
  }

  // Reads an answer: the JSON body, or an ApiError. Takes the fetch() promise so that a
  // request embed.js started early (the first page, in parallel with the core) is read the
  // same way as the widget's own.
  async function read(pending) {
    let response;
    try {
      response = await pending;
    } catch {
      throw new ApiError(0);
    }
    const text = await response.text().catch(() => '');
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {}
    if (!response.ok) {
      if (data?.error?.code == 'invalid_author_token') {
        save('author', null);
        save('author-id', null);
      }
      throw new ApiError(response.status, data?.error, Number(response.headers.get('retry-after')) || undefined);
    }
    // The server issues a guest identity on the first post or vote; keep it.
    if (data?.authorToken && !signIn) save('author', data.authorToken);
    return data;
  }

  const request = (method, url, body, extra) =>
    read(
      fetch(url, {
        method,
        headers: headers(body ? { 'content-type': 'application/json', ...extra } : extra),
        body: body && JSON.stringify(body),
        // Credentials travel in headers, never cookies: no CSRF surface on the server.
        credentials: 'omit',
      }),
    );

  return {
    threadPath,
    setSignIn(token) {
      signIn = token || null;
    },
    get signedIn() {
      return !!signIn;
    },
    list: (query) => request('GET', `${threadPath}/comments?${new URLSearchParams(query)}`),
    config: () => request('GET', `${server}/api/v1/config`),
    post: (body) => request('POST', `${threadPath}/comments`, body),
    edit: (id, body, token) =>
      request('PATCH', `${server}/api/v1/comments/${encodeURIComponent(id)}`, body, token && { 'x-parley-edit-token': token }),
    remove: (id, token) =>
      request('DELETE', `${server}/api/v1/comments/${encodeURIComponent(id)}`, null, token && { 'x-parley-edit-token': token }),
    vote: (id, value) => request('POST', `${server}/api/v1/comments/${encodeURIComponent(id)}/vote`, { value }),
    flag: (id, reason, note) =>
      request('POST', `${server}/api/v1/comments/${encodeURIComponent(id)}/flag`, { reason, note: note || undefined }),
    read,
  };
}
