// What a reader does to a comment, in the interaction chunk (interact.js): vote (optimistically,
// rolled back when refused), reply and edit inline, delete their own, report with a reason;
// and what they see of their own comments: Edit and Delete while the edit window is open, and
// why a moderator rejected one.
// `w` is the widget's view of itself (widget.js builds it): its state and the helpers these
// need, from finding an article to rendering the thread again.
import { h, t, load, save, showNameField } from './kit.js';
import { createComposer } from './composer.js';
import { createFlagForm, createDeleteConfirm } from './forms.js';
import { refusalText } from './refusals.js';

// How many votes the browser remembers (to show the reader's own); older ones are dropped.
const MAX_REMEMBERED_VOTES = 500;

// Where an inline form goes: after the article (a reply), or inside it, above its actions.
const after = (article, element) => article.after(element);
const inside = (article, element) => (article.querySelector('.parley-actions') || article.lastChild).before(element);

export function createActions(w) {
  // Optimistic: the count and the pressed state change at once; the server's tally replaces
  // them when it answers, and a refusal puts everything back as it was.
  async function vote(id, direction) {
    const comment = w.byId(id);
    if (!comment) return;
    const before = w.votes()[id] || 0;
    const value = before == direction ? 0 : direction;
    const score = typeof comment.score == 'number' ? { up: Math.max(comment.score, 0), down: Math.max(-comment.score, 0) } : { ...comment.score };
    const original = { ...score };
    score.up += (value > 0) - (before > 0);
    score.down += (value < 0) - (before < 0);
    comment.score = score;
    setVote(id, value);
    w.showScore(id);
    try {
      const answer = await w.api.vote(id, value);
      comment.score = answer.score;
    } catch (error) {
      comment.score = original;
      setVote(id, before);
      w.announce(t('voteFailed', { reason: error.status ? refusalText(error, w.lang) : t('offline') }));
    }
    w.showScore(id);
  }

  function setVote(id, value) {
    const votes = load('votes', {});
    delete votes[id];
    if (value) votes[id] = value;
    const ids = Object.keys(votes);
    for (const old of ids.slice(0, Math.max(0, ids.length - MAX_REMEMBERED_VOTES))) delete votes[old];
    save('votes', votes);
    w.setVotes(votes);
  }

  async function reply(id) {
    const parent = w.byId(id);
    const key = `reply:${id}`;
    const box = createComposer(
      w.ctx,
      { parent: id, parentName: parent?.author?.name || '' },
      (comment, token) => {
        w.forms.delete(key);
        box.element.remove();
        w.posted(comment, token);
      },
      () => w.closeForm(key, 'reply'),
    );
    showNameField(box.parts, !w.api.signedIn);
    box.refresh();
    w.openForm(key, id, h('div', { class: 'parley-inline' }, box.element), after, box.textarea);
  }

  async function edit(id) {
    const comment = w.byId(id);
    const key = `edit:${id}`;
    if (!comment) return;
    const box = createComposer(
      w.ctx,
      { edit: comment, token: w.edits()[id]?.[0] },
      (updated) => {
        w.forms.delete(key);
        w.merge([updated]);
        w.render();
        w.focusArticle(w.articleOf(id));
        w.announce(t('saved'));
      },
      () => w.closeForm(key, 'edit'),
    );
    box.refresh();
    w.openForm(key, id, h('div', { class: 'parley-inline parley-editing' }, box.element), inside, box.textarea);
  }

  async function remove(id) {
    const key = `delete:${id}`;
    const confirm = createDeleteConfirm(
      async () => {
        try {
          await w.api.remove(id, w.edits()[id]?.[0]);
          w.forms.delete(key);
          w.merge([{ ...w.byId(id), status: 'deleted', body: '', bodyHtml: '' }]);
          delete w.edits()[id];
          w.render();
          w.view.querySelector('.parley-count')?.setAttribute('tabindex', '-1');
          w.view.querySelector('.parley-count')?.focus();
          w.announce(t('deleted'));
        } catch (error) {
          w.announce(refusalText(error, w.lang));
        }
      },
      () => w.closeForm(key, 'delete'),
    );
    w.openForm(key, id, confirm.element, inside, confirm.cancel);
  }

  async function report(id) {
    const key = `report:${id}`;
    if (w.flagged.has(id)) return;
    const form = createFlagForm(
      w.config().flagReasons || ['spam', 'abuse', 'off-topic', 'other'],
      async (reason, note) => {
        try {
          await w.api.flag(id, reason, note);
        } catch (error) {
          throw new Error(refusalText(error, w.lang));  // the form shows the message
        }
        w.flagged.add(id);
        w.closeForm(key, 'report');
        w.articleOf(id)?.querySelector('[data-parley-action=report]')?.setAttribute('aria-disabled', 'true');
        w.announce(t('reported'));
      },
      () => w.closeForm(key, 'report'),
    );
    w.openForm(key, id, form, inside);
  }

  // What the reader sees of their own comments, after every render.
  function decorate() {
    decorateOwn();
    explainModeration();
  }

  // Edit and Delete on the reader's own comments while the server's edit window is open.
  function decorateOwn() {
    const span = (w.config().editWindowSeconds || 900) * 1e3;
    const edits = w.edits();
    for (const id in edits) {
      const open = Date.now() - edits[id][1] < span;
      if (!open) delete edits[id];
      const article = w.articleOf(id);
      const actions = article?.querySelector('.parley-actions');
      const present = actions?.querySelector('[data-parley-action=edit]');
      if (!open || !actions) {
        present?.nextElementSibling?.remove();
        present?.remove();
        continue;
      }
      article.classList.add('parley-own');
      if (!present) {
        actions.append(
          h('button', { type: 'button', class: 'parley-edit', 'data-parley-action': 'edit', 'aria-label': t('editLabel') }, t('edit')),
          h('button', { type: 'button', class: 'parley-delete', 'data-parley-action': 'delete', 'aria-label': t('deleteLabel') }, t('delete')),
        );
      }
    }
    save('edits', edits);
  }

  // The reader's own rejected comments (only their author is sent them) say why, in the
  // reader's language, with the moderator's note as plain text.
  const REASONS = { profanity: 'reasonProfanity', personal_attack: 'reasonPersonalAttack', spam: 'reasonSpam', off_topic: 'reasonOffTopic' };
  function explainModeration() {
    for (const comment of w.comments()) {
      const moderation = comment.moderation;
      const header = moderation && comment.status == 'rejected' && w.articleOf(comment.id)?.querySelector('.parley-comment-header');
      if (!header || header.nextElementSibling?.matches('.parley-moderation-note')) continue;
      const reason = t(REASONS[moderation.reason] || 'reasonOther');
      header.after(
        h(
          'p',
          { class: 'parley-moderation-note' },
          t('rejectedBecause', { reason }),
          moderation.note ? ` ${t('moderatorNote', { note: moderation.note })}` : '',
        ),
      );
    }
  }

  return { vote, reply, edit, remove, report, decorate };
}
