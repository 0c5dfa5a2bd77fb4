// The small inline forms under a comment: reporting it with a reason, confirming a deletion.
// In the interaction chunk (interact.js): the widget's helpers come through kit.js.
import { h, uid, t } from './kit.js';

// send(reason, note) posts the report and may throw (the error is shown in the form).
export function createFlagForm(reasons, send, cancel) {
  const name = uid('reason');
  const note = h('input', { id: uid('note'), class: 'parley-input', maxlength: 500 });
  const status = h('p', { class: 'parley-composer-status', role: 'status' });
  const form = h(
    'form',
    {
      class: 'parley-inline parley-flag',
      novalidate: true,
      async onsubmit(event) {
        event.preventDefault();
        const choice = form.querySelector('input[type=radio]:checked');
        if (!choice) {
          status.textContent = t('reportTitle');
          return form.querySelector('input[type=radio]').focus();
        }
        try {
          await send(choice.value, note.value.trim());
        } catch (error) {
          status.textContent = error.message;
        }
      },
      onkeydown(event) {
        if (event.key == 'Escape') cancel();
      },
    },
    h(
      'fieldset',
      null,
      h('legend', null, t('reportTitle')),
      reasons.map((reason) => {
        const id = uid('flag');
        return h('div', { class: 'parley-choice' }, h('input', { type: 'radio', name, id, value: reason, required: true }), h('label', { for: id }, t(reason)));
      }),
    ),
    h('div', { class: 'parley-field' }, h('label', { for: note.id }, t('note')), note),
    h(
      'div',
      { class: 'parley-composer-footer' },
      status,
      h('button', { type: 'button', class: 'parley-button', onclick: cancel }, t('cancel')),
      h('button', { type: 'submit', class: 'parley-button parley-primary' }, t('sendReport')),
    ),
  );
  return form;
}

// Two buttons and a question; focus starts on Cancel, the harmless choice.
export function createDeleteConfirm(confirm, cancel) {
  const cancelButton = h('button', { type: 'button', class: 'parley-button', onclick: cancel }, t('cancel'));
  const element = h(
    'div',
    {
      class: 'parley-inline parley-confirm',
      role: 'group',
      'aria-label': t('confirmDelete'),
      onkeydown(event) {
        if (event.key == 'Escape') cancel();
      },
    },
    h('p', null, t('confirmDelete')),
    h('div', { class: 'parley-composer-footer' }, cancelButton, h('button', { type: 'button', class: 'parley-button parley-danger', onclick: confirm }, t('delete'))),
  );
  return { element, cancel: cancelButton };
}
