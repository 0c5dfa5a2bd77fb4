// The composer's form, built at once so that the comment box stands with the thread (the
// reader's draft and name already in it): a textarea with a mirror for highlights, the name
// field, hint, verdict, preview, status and buttons. What it does (composer.js: live preview,
// policy feedback, posting with retries) is in the interaction chunk, which the widget loads after
// the thread shows or as soon as the reader starts writing, and which wires this form.
//
// One function serves the main composer, inline replies and edits of one's own comment.
import { h, uid } from './dom.js';
import { load, save } from './storage.js';
import { t } from './strings.js';

// ctx: the widget (thread, loadInteraction()); mode: {parent, parentName} for a reply, {edit:
// comment} for an edit, {} for the main one; cancel(): for Cancel/Escape (inline forms).
// Returns the form's parts, which wireComposer() brings to life.
export function buildComposerForm(ctx, mode, cancel) {
  const { parent, edit } = mode;
  const draftKey = edit ? null : `draft:${ctx.thread}:${parent || ''}`;
  const draft = draftKey ? load(draftKey, '') : '';
  const ids = { name: uid('name'), text: uid('text'), hint: uid('hint'), verdict: uid('verdict') };

  const nameInput = h('input', {
    id: ids.name,
    class: 'parley-input',
    autocomplete: 'nickname',
    maxlength: 64,
    required: true,
  });
  nameInput.value = load('name', '');
  // Kept as soon as it is typed, so a reply box opened next already knows it.
  nameInput.addEventListener('change', () => save('name', nameInput.value.trim()));
  const nameField = h('div', { class: 'parley-field' }, h('label', { for: ids.name }, t('name')), nameInput);

  const textarea = h('textarea', {
    id: ids.text,
    class: 'parley-input parley-textarea',
    rows: edit || parent ? 3 : 4,
    'aria-describedby': `${ids.verdict} ${ids.hint}`,
    dir: 'auto',
    onkeydown(event) {
      if (event.key == 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    },
  });
  textarea.value = edit ? edit.body : draft;
  // The draft is kept from the first keystroke, before (or without) the interaction chunk.
  if (draftKey) textarea.addEventListener('input', () => save(draftKey, textarea.value));
  // The mirror sits under the transparent textarea with the same text and metrics; only its
  // <mark>s show, so the reader sees the offending words highlighted where they typed them.
  const mirror = h('div', { class: 'parley-mirror', 'aria-hidden': 'true', dir: 'auto' });
  const verdictBox = h('div', { id: ids.verdict, class: 'parley-verdict', hidden: true });
  const previewBody = h('div', { class: 'parley-body' });
  const preview = h('div', { class: 'parley-preview', hidden: true }, h('p', { class: 'parley-preview-label' }, t('preview')), previewBody);
  const status = h('p', { class: 'parley-composer-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'parley-button parley-primary' }, edit ? t('save') : t('post'));

  const form = h(
    'form',
    {
      class: 'parley-composer',
      novalidate: true,
      'aria-label': parent ? t('replyingTo', { name: mode.parentName }) : edit ? t('editing') : null,
      onsubmit(event) {
        event.preventDefault();
        // Sent by the composer's behaviour once the interaction chunk has wired it; until then the
        // request waits for it.
        if (parts.send) return parts.send();
        parts.pending = true;
        ctx.loadInteraction();
      },
      onkeydown(event) {
        if (event.key == 'Escape' && cancel) {
          event.stopPropagation();
          cancel();
        }
      },
    },
    edit ? null : nameField,
    h(
      'div',
      { class: 'parley-field' },
      h('label', { for: ids.text }, t('comment')),
      h('div', { class: 'parley-editor' }, mirror, textarea),
    ),
    h('p', { id: ids.hint, class: 'parley-hint' }, t('hint')),
    verdictBox,
    preview,
    h(
      'div',
      { class: 'parley-composer-footer' },
      status,
      cancel && h('button', { type: 'button', class: 'parley-button', onclick: cancel }, t('cancel')),
      submit,
    ),
  );

  const parts = { form, nameField, nameInput, textarea, mirror, verdictBox, preview, previewBody, status, submit, draftKey };
  return parts;
}

// The name field is for guests; a signed-in reader's name comes from their account.
export const showNameField = (parts, show) => (parts.nameField.hidden = !show);
