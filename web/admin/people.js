// People: one commenter's history across threads, their bans, and banning or suspending them
// by identity, email or address (the address as the salted hash the server keeps). Bans take
// effect at once for posting.
import { h, parse } from '../widget/dom.js';
import { call } from './mod-api.js';

const when = (iso) => (iso ? new Date(iso).toLocaleString() : 'never');

export async function peopleView(root, ctx, identity) {
  const lookup = h('input', { id: 'person', value: identity || '', placeholder: 'identity id (shown with each comment)', required: true });
  const result = h('div', { class: 'person' });
  const bans = h('div', { class: 'bans' });
  root.replaceChildren(
    h('h1', {}, 'People'),
    h(
      'form',
      { class: 'row', onsubmit: (event) => (event.preventDefault(), showPerson(lookup.value.trim())) },
      h('label', { for: 'person' }, 'Commenter'),
      lookup,
      h('button', {}, 'Show history'),
    ),
    result,
    h('h2', {}, 'Bans in force and past'),
    bans,
  );

  function banForm(defaults) {
    const kind = h('select', { 'aria-label': 'Ban by' }, ['identity', 'email', 'ip'].map((value) => h('option', { value, selected: value == defaults.kind }, value == 'ip' ? 'address (hash)' : value)));
    const value = h('input', { 'aria-label': 'Value', value: defaults.value || '', required: true });
    const days = h('input', { type: 'number', min: '1', max: '3650', 'aria-label': 'Days (empty: permanent)', placeholder: 'days (empty: permanent)' });
    const reason = h('input', { 'aria-label': 'Reason', placeholder: 'reason', maxlength: '500' });
    const values = defaults.values || {};
    kind.addEventListener('change', () => (value.value = values[kind.value] || ''));
    return h(
      'form',
      {
        class: 'ban-form row',
        async onsubmit(event) {
          event.preventDefault();
          try {
            await call('POST', '/bans', { kind: kind.value, value: value.value.trim(), reason: reason.value.trim(), days: days.value ? Number(days.value) : undefined });
            ctx.announce(days.value ? `Suspended for ${days.value} days.` : 'Banned.');
            await showBans();
          } catch (error) {
            ctx.announce(`Not banned: ${error.message}`);
          }
        },
      },
      kind,
      value,
      days,
      reason,
      h('button', { class: 'danger' }, 'Ban'),
    );
  }

  async function showPerson(id) {
    if (!id) return;
    history.replaceState(null, '', `#people/${encodeURIComponent(id)}`);
    const person = await call('GET', `/people/${encodeURIComponent(id)}`);
    const latest = person.comments[0];
    const values = {
      identity: person.identity,
      email: latest?.private?.email || '',
      ip: latest?.private?.ipHash ? `hash:${latest.private.ipHash}` : '',
    };
    result.replaceChildren(
      h('h2', {}, `${latest?.author?.name || person.identity}: ${person.comments.length} comments`),
      banForm({ kind: 'identity', value: person.identity, values }),
      h(
        'ol',
        { class: 'history' },
        person.comments.map((comment) => {
          const body = h('div', { class: 'body' });
          body.append(parse(ctx.core ? ctx.core.renderMarkup(comment.body) : ''));
          return h('li', { class: `status-${comment.status}` }, h('p', { class: 'meta' }, `${comment.thread} · ${when(comment.created)} · ${comment.status}`), body);
        }),
      ),
    );
  }

  async function showBans() {
    const { bans: list } = await call('GET', '/bans');
    bans.replaceChildren(
      list.length
        ? h(
            'table',
            {},
            h('thead', {}, h('tr', {}, ['By', 'Value', 'Reason', 'Since', 'Until', ''].map((label) => h('th', { scope: 'col' }, label)))),
            h(
              'tbody',
              {},
              list.map((ban) =>
                h(
                  'tr',
                  {},
                  h('td', {}, ban.kind),
                  h('td', { class: 'mono' }, ban.value),
                  h('td', {}, ban.reason || ''),
                  h('td', {}, when(ban.created)),
                  h('td', {}, ban.expires ? when(ban.expires) : 'permanent'),
                  h('td', {}, h('button', {
                    type: 'button',
                    async onclick() {
                      await call('DELETE', `/bans/${encodeURIComponent(ban.kind)}/${encodeURIComponent(ban.value)}`);
                      ctx.announce('Ban lifted.');
                      await showBans();
                    },
                  }, 'Lift')),
                ),
              ),
            ),
          )
        : h('p', {}, 'No bans.'),
      h('h3', {}, 'Ban someone not listed above'),
      banForm({ kind: 'email' }),
    );
  }

  await Promise.all([identity ? showPerson(identity) : null, showBans()]);
}
