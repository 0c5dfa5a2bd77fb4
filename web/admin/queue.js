// The moderation queue: held, flagged, recently rejected and all comments, oldest waiting first.
// Keyboard first: j/k (or the arrow keys) move between comments, a approves, r rejects with a
// reason the author will see, d deletes, p pins, x selects for a bulk action, b opens the
// author's history. New items arrive live at the end of the list, so nothing moves under the
// moderator.
import { h, parse } from '../widget/dom.js';
import { byteRangeToIndices } from '../widget/offsets.js';
import { call, query } from './mod-api.js';

const KINDS = [
  ['held', 'Held'],
  ['flagged', 'Flagged'],
  ['rejected', 'Rejected'],
  ['all', 'All'],
];

export const REJECT_REASONS = [
  ['profanity', 'Profanity'],
  ['personal_attack', 'Personal attack'],
  ['spam', 'Spam or advertising'],
  ['off_topic', 'Off-topic'],
  ['other', 'Other (explain in the note)'],
];

const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

const HELD_BECAUSE = {
  policy: 'the discussion policy',
  mode: 'the moderation mode',
  flags: 'readers flagged it',
};

export async function queueView(root, ctx) {
  let kind = 'held';
  let items = [];
  let next = null;
  const selected = new Set();
  // The site's policy and the core's checker, to show a moderator why the policy held a
  // comment (the words it points at), as the policy reads today.
  let policy = null;
  // Each item's element, kept while its comment object is unchanged: after an action or a
  // loaded page only what changed is rendered again, so a queue of thousands stays quick.
  let rendered = new WeakMap();
  Promise.all([call('GET', '/policy'), ctx.core?.loadComposer()])
    .then(([answer]) => {
      policy = answer;
      rendered = new WeakMap();  // held items now show the policy's reasons
      if (items.length) paint();
    })
    .catch(() => {});
  const tabs = KINDS.map(([value, label]) =>
    h('button', { type: 'button', class: 'tab', 'data-kind': value, onclick: () => switchTo(value) }, label, h('span', { class: 'count' })),
  );
  const list = h('ol', { class: 'queue', 'aria-label': 'Comments' });
  const more = h('button', { type: 'button', hidden: true, onclick: () => load(true) }, 'Load more');
  const empty = h('p', { class: 'empty', hidden: true }, 'Nothing here. Well done.');
  const bulk = h(
    'div',
    { class: 'bulk', role: 'group', 'aria-label': 'Selected comments' },
    h('span', { class: 'selected-count' }, 'None selected'),
    h('button', { type: 'button', onclick: () => bulkAction('approve') }, 'Approve selected'),
    h('button', { type: 'button', onclick: () => bulkAction('reject', 'other') }, 'Reject selected'),
    h('button', { type: 'button', onclick: () => bulkAction('delete') }, 'Delete selected'),
  );
  root.replaceChildren(
    h('h1', {}, 'Queue'),
    h('div', { class: 'tabs', role: 'group', 'aria-label': 'Which comments' }, tabs),
    h('p', { class: 'keys' }, 'Keys: j / k next and previous · a approve · r reject · d delete · p pin · x select · b author'),
    bulk,
    list,
    empty,
    more,
  );

  function showCounts(counts = {}) {
    for (const tab of tabs) {
      const count = counts[tab.dataset.kind];
      tab.querySelector('.count').textContent = count == null ? '' : ` ${count}`;
      tab.setAttribute('aria-pressed', String(tab.dataset.kind == kind));
    }
  }

  function updateBulk() {
    bulk.querySelector('.selected-count').textContent = selected.size ? `${selected.size} selected` : 'None selected';
    for (const button of bulk.querySelectorAll('button')) button.disabled = !selected.size;
  }

  function policyReasons(body) {
    if (!policy || !ctx.core?.composerLoaded) return [];
    try {
      return ctx.core.checkPolicy(body, policy).reasons;
    } catch {
      return [];
    }
  }

  function heldNote(comment) {
    const reasons = comment.heldBecause == 'policy' ? policyReasons(comment.body) : [];
    return h(
      'div',
      { class: 'held' },
      h('strong', {}, `Held: ${HELD_BECAUSE[comment.heldBecause] || 'waiting for review'}`),
      reasons.length
        ? h(
            'ul',
            {},
            reasons.map((reason) => {
              if (!(reason.end > reason.start)) return h('li', {}, reason.message);
              const [from, to] = byteRangeToIndices(comment.body, reason.start, reason.end);
              return h('li', {}, h('mark', {}, comment.body.slice(from, to)), ` ${reason.message}`);
            }),
          )
        : null,
    );
  }

  function render(item) {
    const { comment } = item;
    const body = h('div', { class: 'body' });
    body.append(parse(ctx.core ? ctx.core.renderMarkup(comment.body) : item.bodyHtml || ''));
    const checkbox = h('input', {
      type: 'checkbox',
      'aria-label': `Select the comment by ${comment.author.name}`,
      checked: selected.has(comment.id),
      onchange: () => {
        if (checkbox.checked) selected.add(comment.id);
        else selected.delete(comment.id);
        updateBulk();
      },
    });
    const flags = (comment.flags || []).map((flag) => h('li', {}, `${flag.reason}${flag.note ? `: ${flag.note}` : ''}`));
    const article = h(
      'article',
      { class: `item status-${comment.status}`, tabindex: '0', 'data-id': comment.id, 'aria-label': `Comment by ${comment.author.name}` },
      h(
        'header',
        {},
        checkbox,
        h('button', { type: 'button', class: 'link author', onclick: () => ctx.open('people', comment.author.id) }, comment.author.name),
        h('span', { class: 'meta' }, ` in ${item.thread} · ${when(comment.created)} · ${comment.status}`),
        comment.pinned ? h('span', { class: 'badge' }, 'pinned') : null,
      ),
      body,
      comment.status == 'pending' ? heldNote(comment) : null,
      flags.length ? h('div', { class: 'flags' }, h('strong', {}, `Flagged ${flags.length}×`), h('ul', {}, flags)) : null,
      comment.moderation ? h('p', { class: 'reason' }, `Rejected: ${comment.moderation.reason}${comment.moderation.note ? ` (${comment.moderation.note})` : ''}`) : null,
      h(
        'div',
        { class: 'actions' },
        comment.status != 'published' ? h('button', { type: 'button', class: 'primary', 'data-action': 'approve', onclick: () => act(comment.id, 'approve') }, 'Approve') : null,
        comment.status != 'rejected' ? h('button', { type: 'button', 'data-action': 'reject', onclick: () => askReason(comment.id) }, 'Reject…') : null,
        h('button', { type: 'button', 'data-action': 'delete', onclick: () => act(comment.id, 'delete') }, 'Delete'),
        h('button', { type: 'button', 'data-action': 'pin', onclick: () => act(comment.id, 'pin', { pinned: !comment.pinned }) }, comment.pinned ? 'Unpin' : 'Pin'),
      ),
    );
    return h('li', {}, article);
  }

  function elementOf(item) {
    let element = rendered.get(item);
    if (!element) rendered.set(item, (element = render(item)));
    return element;
  }

  // Moves the list to `items` touching only what changed (a page appended, an item gone or
  // replaced): untouched items keep their place, focus and open forms.
  // A comment rendered again (its item changed, or the policy arrived) keeps the focus, so
  // the moderator's next key acts on the same comment.
  function paint() {
    const focused = current()?.dataset.id;
    const elements = items.map(elementOf);
    const wanted = new Set(elements);
    for (const child of [...list.children]) if (!wanted.has(child)) child.remove();
    let at = list.firstElementChild;
    for (const element of elements) {
      if (element === at) at = at.nextElementSibling;
      else list.insertBefore(element, at);
    }
    if (focused && !current()) articles().find((article) => article.dataset.id == focused)?.focus();
    empty.hidden = items.length > 0;
    more.hidden = !next;
    updateBulk();
  }

  async function load(append = false) {
    const answer = await call('GET', `/queue${query({ kind, limit: 50, cursor: append ? next : null })}`);
    items = append ? [...items, ...answer.items.filter((item) => !items.some((known) => known.comment.id == item.comment.id))] : answer.items;
    next = answer.next;
    showCounts(answer.counts);
    paint();
  }

  async function switchTo(value) {
    kind = value;
    selected.clear();
    await load();
    list.querySelector('article')?.focus();
  }

  const articles = () => [...list.querySelectorAll('article')];
  const current = () => document.activeElement?.closest?.('article.item');

  // After an action the item leaves a filtered list; focus moves to the one that took its place.
  function settle(id, comment, message) {
    const before = articles().findIndex((article) => article.dataset.id == id);
    const stays = kind == 'all' || (comment && (kind == 'rejected' ? comment.status == 'rejected' : kind == 'held' ? comment.status == 'pending' : false));
    if (stays && comment) items = items.map((item) => (item.comment.id == id ? { ...item, comment } : item));
    else items = items.filter((item) => item.comment.id != id);
    selected.delete(id);
    paint();
    const after = articles();
    (after[Math.min(before, after.length - 1)] || list)?.focus?.();
    ctx.announce(message);
    call('GET', `/queue${query({ kind, limit: 1 })}`).then((answer) => showCounts(answer.counts), () => {});
  }

  async function act(id, action, body = {}) {
    try {
      const { comment } = await call('POST', `/comments/${encodeURIComponent(id)}/${action}`, body);
      const done = { approve: 'Approved.', reject: 'Rejected.', delete: 'Deleted.', pin: comment?.pinned ? 'Pinned.' : 'Unpinned.' };
      settle(id, action == 'delete' ? null : comment, done[action]);
    } catch (error) {
      ctx.announce(`Not done: ${error.message}`);
    }
  }

  // The reject form opens inside the comment: a reason the author will see, and a note.
  function askReason(id) {
    const article = articles().find((element) => element.dataset.id == id);
    if (!article || article.querySelector('.reject-form')) return article?.querySelector('.reject-form select')?.focus();
    const reason = h('select', { 'aria-label': 'Reason the author will see' }, REJECT_REASONS.map(([value, label]) => h('option', { value }, label)));
    const note = h('input', { type: 'text', maxlength: '500', 'aria-label': 'Note to the author (optional)', placeholder: 'Note to the author (optional)' });
    const form = h(
      'form',
      {
        class: 'reject-form',
        onsubmit(event) {
          event.preventDefault();
          act(id, 'reject', { reason: reason.value, note: note.value.trim() || undefined });
        },
        onkeydown(event) {
          if (event.key == 'Escape') {
            event.stopPropagation();
            form.remove();
            article.focus();
          }
        },
      },
      reason,
      note,
      h('button', { class: 'primary' }, 'Reject'),
      h('button', { type: 'button', onclick: () => (form.remove(), article.focus()) }, 'Cancel'),
    );
    article.querySelector('.actions').after(form);
    reason.focus();
  }

  async function bulkAction(action, reason) {
    const ids = [...selected];
    if (!ids.length) return;
    try {
      const { results } = await call('POST', '/bulk', { ids, action, reason });
      const failed = results.filter((result) => !result.ok);
      selected.clear();
      await load();
      ctx.announce(`${results.length - failed.length} of ${results.length} done.${failed.length ? ` Not done: ${failed.map((r) => r.error).join('; ')}` : ''}`);
    } catch (error) {
      ctx.announce(`Not done: ${error.message}`);
    }
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, select, textarea, .reject-form')) return;
    const all = articles();
    const at = current();
    const index = at ? all.indexOf(at) : -1;
    const move = (step) => {
      event.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, index + step))]?.focus();
    };
    const id = at?.dataset.id;
    const item = items.find((entry) => entry.comment.id == id);
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        return move(1);
      case 'k':
      case 'ArrowUp':
        return move(-1);
      case 'a':
        if (item && item.comment.status != 'published') act(id, 'approve');
        return;
      case 'r':
        if (item) askReason(id);
        return event.preventDefault();
      case 'd':
        if (item) act(id, 'delete');
        return;
      case 'p':
        if (item) act(id, 'pin', { pinned: !item.comment.pinned });
        return;
      case 'x':
        if (!at) return;
        event.preventDefault();
        at.querySelector('input[type=checkbox]').click();
        return;
      case 'b':
        if (item) ctx.open('people', item.comment.author.id);
    }
  }
  root.addEventListener('keydown', onKey);

  // Live: held and flagged comments arrive without a reload, appended at the end.
  let events = null;
  if (globalThis.EventSource) {
    events = new EventSource('/api/v1/mod/events');
    events.addEventListener('queue', (event) => {
      let data = {};
      try {
        data = JSON.parse(event.data);
      } catch {}
      if (kind == data.kind || kind == 'all') load(true).catch(() => {});
      else call('GET', `/queue${query({ kind, limit: 1 })}`).then((answer) => showCounts(answer.counts), () => {});
      ctx.announce(`A comment was ${data.kind == 'flagged' ? 'flagged' : 'held'} for review.`);
    });
  }

  await load();
  return () => {
    events?.close();
    root.removeEventListener('keydown', onKey);
  };
}
