// The moderation dashboard (served at /admin/): sign-in, then the queue, people, threads and
// policy, the audit log and statistics. Built with DOM calls only; the one HTML it inserts is
// comment markup rendered by the Parley core (WebAssembly, the same renderer as the widget).
import { createCore } from '../../widget/parley-core.mjs';
import { h } from '../widget/dom.js';
import { ApiError, call, setCsrfToken } from './mod-api.js';
import { queueView } from './queue.js';
import { peopleView } from './people.js';
import { settingsView } from './settings.js';
import { auditView } from './audit.js';
import { statsView } from './stats.js';

const app = document.getElementById('app');
const status = document.getElementById('status');

// Status messages for screen readers (and the visible line under the header).
function announce(text) {
  status.textContent = '';
  setTimeout(() => (status.textContent = text), 30);
  const line = document.querySelector('.notice');
  if (line) line.textContent = text;
}

// The core renders comment previews and tests policies before they are saved. The dashboard
// lives at /admin/, the modules at the bundle's root.
const coreReady = createCore({ wasmUrl: '/parley-core.wasm', composeWasmUrl: '/parley-compose.wasm' }).catch(() => null);

function loginView(message) {
  const error = h('p', { class: 'error', role: 'alert' }, message || '');
  const name = h('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    {
      class: 'login',
      async onsubmit(event) {
        event.preventDefault();
        error.textContent = '';
        try {
          const session = await call('POST', '/login', { name: name.value.trim(), password: password.value });
          start(session);
        } catch (failure) {
          error.textContent = failure.message;
          password.select();
        }
      },
    },
    h('h1', {}, 'Parley moderation'),
    h('label', { for: 'login-name' }, 'Name'),
    name,
    h('label', { for: 'login-password' }, 'Password'),
    password,
    h('button', { class: 'primary' }, 'Sign in'),
    error,
  );
  app.replaceChildren(form);
  app.removeAttribute('aria-busy');
  name.focus();
}

const VIEWS = [
  ['queue', 'Queue', queueView],
  ['people', 'People', peopleView],
  ['settings', 'Threads & policy', settingsView],
  ['audit', 'Audit log', auditView],
  ['stats', 'Statistics', statsView],
];

async function start(session) {
  setCsrfToken(session.csrfToken);
  const core = await coreReady;
  const content = h('section', { class: 'content', id: 'content', tabindex: '-1' });
  let teardown = () => {};
  const ctx = {
    core,
    announce,
    // Opens a view by name, with an argument (e.g. people for an identity).
    open: (name, argument) => show(name, argument),
    signOut,
  };
  const links = VIEWS.map(([name, label]) =>
    h('a', { href: `#${name}`, 'data-view': name, onclick: (event) => (event.preventDefault(), show(name)) }, label),
  );
  async function show(name, argument) {
    const view = VIEWS.find(([key]) => key == name) || VIEWS[0];
    teardown();
    for (const link of links) link.toggleAttribute('aria-current', link.dataset.view == view[0]);
    if (location.hash.slice(1).split('/')[0] != view[0]) history.replaceState(null, '', `#${view[0]}`);
    content.replaceChildren(h('p', {}, 'Loading…'));
    try {
      teardown = (await view[2](content, ctx, argument)) || (() => {});
    } catch (error) {
      if (error instanceof ApiError && error.status == 401) return loginView('Your session has ended. Sign in again.');
      content.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
    }
  }
  async function signOut() {
    teardown();
    try {
      await call('POST', '/logout');
    } catch {}
    setCsrfToken('');
    loginView('Signed out.');
  }
  app.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('strong', { class: 'brand' }, 'Parley moderation'),
      h('nav', { 'aria-label': 'Dashboard' }, links),
      h('span', { class: 'who' }, `Signed in as ${session.moderator.name}`),
      h('button', { type: 'button', onclick: signOut }, 'Sign out'),
    ),
    h('p', { class: 'notice', 'aria-hidden': 'true' }),
    content,
  );
  app.removeAttribute('aria-busy');
  await show(location.hash.slice(1).split('/')[0] || 'queue');
}

// A session cookie from an earlier visit is reused; otherwise the sign-in form.
call('GET', '/session').then(start, (error) => loginView(error.status == 401 ? '' : error.message));
