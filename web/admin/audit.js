// The audit log: every moderator action, who, what, when and why, newest first; exportable.
import { h } from '../widget/dom.js';
import { call, query } from './mod-api.js';

export async function auditView(root) {
  const rows = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  let next = null;
  async function load() {
    const answer = await call('GET', `/audit${query({ limit: 100, cursor: next })}`);
    for (const entry of answer.entries) {
      rows.append(
        h(
          'tr',
          {},
          h('td', {}, new Date(entry.at).toLocaleString()),
          h('td', {}, entry.moderator),
          h('td', {}, entry.action),
          h('td', { class: 'mono' }, entry.target || ''),
          h('td', {}, entry.reason || ''),
        ),
      );
    }
    next = answer.next;
    more.hidden = !next;
  }
  more.addEventListener('click', load);
  root.replaceChildren(
    h('h1', {}, 'Audit log'),
    h('p', {}, h('a', { href: '/api/v1/mod/audit/export', download: 'parley-audit.json' }, 'Export the whole log as JSON')),
    h('table', {}, h('thead', {}, h('tr', {}, ['When', 'Who', 'What', 'Target', 'Why'].map((label) => h('th', { scope: 'col' }, label)))), rows),
    more,
  );
  await load();
}
