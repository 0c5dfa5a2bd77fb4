// The moderation API (docs/API.md, /api/v1/mod/...) as the dashboard uses it: same origin, the
// session in an HttpOnly cookie the page never sees, and the CSRF token the login answer gave
// sent with every request that changes something.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let csrfToken = '';

export const setCsrfToken = (token) => (csrfToken = token || '');

export async function call(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method != 'GET') headers['x-parley-csrf'] = csrfToken;
  let response;
  try {
    response = await fetch(`/api/v1/mod${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached.');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {}
  if (!response.ok) {
    throw new ApiError(response.status, data?.error?.code || 'http_error', data?.error?.message || `HTTP ${response.status}`);
  }
  return data;
}

export const query = (params) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value != null && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};
