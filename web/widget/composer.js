// The composer: a textarea with a live preview rendered by the core, instant policy feedback
// (the offending spans highlighted in place, the reasons listed in the reader's language), a
// draft kept in localStorage until the comment is posted, and posting with retries.
//
// One function serves the main composer, inline replies and edits of one's own comment.
import { h, parse, uid, sleep } from './dom.js';
import { byteRangeToIndices } from './offsets.js';
import { refusalText } from './refusals.js';
import { load, save } from './storage.js';
import { t } from './strings.js';

// Pause after the last keystroke before the preview and the verdict refresh. Short enough to
// feel instant, long enough that fast typists do not pay a render per key.
const DEBOUNCE_MS = 120;
// Waits between attempts when the network or the server fails (seconds).
const RETRY_DELAYS = [1, 2, 4, 8, 16];

// ctx: the widget (core, api, lang, thread, policy(), announce(), signedIn()).
// mode: {parent, parentName} for a reply, {edit: comment, token} for an edit, {} for the main one.
// done(comment, editToken): called after a successful post or edit; cancel(): for Cancel/Escape.
export function createComposer(ctx, mode, done, cancel) {
  const { parent, edit } = mode;
  const draftKey = edit ? null : `draft:${ctx.thread}:${parent || ''}`;
  const draft = draftKey ? load(draftKey, '') : '';
  const ids = { name: uid('name'), text: uid('text'), hint: uid('hint'), verdict: uid('verdict') };
  let verdict = { action: 'allow', reasons: [], text: '' };
  let timer;
  let busy = false;

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
        send();
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

  // The textarea grows with its text (it never scrolls, so the mirror stays aligned): CSS
  // field-sizing where the browser has it, its height set here where it has not.
  const grow = () => {
    if (globalThis.CSS?.supports('field-sizing', 'content')) return;
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight}px`;
  };
  textarea.addEventListener('input', () => {
    grow();
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
    // The mirror must follow every keystroke, or old highlights would sit under new text.
    paintMarks(verdict);
  });
  textarea.addEventListener('scroll', () => (mirror.scrollTop = textarea.scrollTop));
  // Preview and policy are a module of their own (parley-compose.wasm), fetched when a reader
  // starts to write rather than with the thread; both follow as soon as it is there.
  function loadComposer() {
    const core = ctx.core;
    if (core && !core.composerLoaded) core.loadComposer().then(refresh, () => {});
  }
  textarea.addEventListener('focus', loadComposer);

  function setStatus(text, kind) {
    status.textContent = text;
    status.className = `parley-composer-status${kind ? ` parley-${kind}` : ''}`;
  }

  // The highlighted copy of the text in the mirror. While the reader types, the verdict is a
  // moment old: spans before the first changed character still hold, later ones wait for it.
  function paintMarks(current) {
    const text = textarea.value;
    let same = 0;
    if (current.text != text) {
      while (same < text.length && text[same] == current.text[same]) same++;
    } else same = Infinity;
    const ranges = [];
    for (const reason of current.reasons) {
      if (reason.end <= reason.start) continue;
      const range = byteRangeToIndices(current.text, reason.start, reason.end);
      if (range[1] <= same) ranges.push(range);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const parts = [];
    let at = 0;
    for (const [start, end] of ranges) {
      if (end <= at) continue;
      parts.push(text.slice(at, Math.max(at, start)), h('mark', { class: `parley-mark parley-${current.action}` }, text.slice(Math.max(at, start), end)));
      at = end;
    }
    // A trailing newline in a textarea opens a line; a div needs a character to do the same.
    parts.push(text.slice(at), '\u200b');
    mirror.replaceChildren(...parts);
  }

  function showVerdict(next) {
    const text = textarea.value;
    const changed = next.action != verdict.action;
    verdict = { ...next, text };
    paintMarks(verdict);
    const blocking = next.action == 'reject';
    textarea.setAttribute('aria-invalid', blocking);
    submit.setAttribute('aria-disabled', blocking);
    if (next.action == 'allow' || !next.reasons.length) {
      verdictBox.hidden = true;
      verdictBox.replaceChildren();
      return;
    }
    verdictBox.hidden = false;
    verdictBox.className = `parley-verdict parley-${next.action}`;
    verdictBox.replaceChildren(
      h('p', null, t(blocking ? 'rejected' : 'review')),
      h(
        'ul',
        null,
        next.reasons.map((reason) => {
          const [start, end] = reason.end > reason.start ? byteRangeToIndices(text, reason.start, reason.end) : [0, 0];
          return h(
            'li',
            null,
            reason.message,
            end > start &&
              h(
                'button',
                {
                  type: 'button',
                  class: 'parley-excerpt',
                  title: t('select'),
                  onclick() {
                    textarea.focus();
                    textarea.setSelectionRange(start, end);
                  },
                },
                `“${text.slice(start, end)}”`,
              ),
          );
        }),
      ),
    );
    // Announced once per change of verdict, not on every keystroke.
    if (changed) ctx.announce(`${t(blocking ? 'rejected' : 'review')} ${next.reasons.map((r) => r.message).join(' ')}`);
  }

  // Preview and verdict for the current text; keeps the draft.
  function refresh() {
    clearTimeout(timer);
    grow();
    const text = textarea.value;
    if (draftKey) save(draftKey, text);
    const core = ctx.core;
    if (!core) return;
    const blank = !text.trim();
    // Until the writing module arrives, preview and verdict wait (loadComposer refreshes
    // again); if it cannot arrive, the server's check on posting still applies.
    if (!blank && !core.composerLoaded) return loadComposer();
    preview.hidden = blank;
    previewBody.replaceChildren(blank ? '' : parse(core.renderMarkup(text)));
    let next = { action: 'allow', reasons: [] };
    if (!blank) {
      try {
        next = core.checkPolicy(text, ctx.policy(), ctx.lang);
      } catch {
        // A policy the core cannot read (older server): the default policy still helps.
        next = core.checkPolicy(text, null, ctx.lang);
      }
    }
    showVerdict(next);
  }

  // Sends the comment, retrying while the failure is transient; the text stays until success.
  async function send() {
    if (busy) return;
    refresh();
    const body = textarea.value;
    const name = nameInput.value.trim();
    const needsName = !edit && !ctx.signedIn();
    nameInput.removeAttribute('aria-invalid');
    if (!body.trim()) {
      setStatus(t('empty'), 'error');
      return textarea.focus();
    }
    if (needsName && !name) {
      nameInput.setAttribute('aria-invalid', 'true');
      setStatus(t('nameNeeded'), 'error');
      return nameInput.focus();
    }
    if (verdict.action == 'reject') {
      setStatus(`${t('rejected')} ${verdict.reasons.map((r) => r.message).join(' ')}`, 'error');
      return textarea.focus();
    }
    busy = true;
    submit.setAttribute('aria-busy', 'true');
    const payload = edit
      ? { body, lang: ctx.lang }
      : { body, lang: ctx.lang, parent: parent || undefined, author: needsName ? { name } : undefined };
    for (let attempt = 0; ; attempt++) {
      setStatus(t(edit ? 'saving' : 'posting'));
      try {
        const result = edit ? await ctx.api.edit(edit.id, payload, mode.token) : await ctx.api.post(payload);
        if (needsName) save('name', name);
        if (draftKey) save(draftKey, null);
        textarea.value = '';
        refresh();
        setStatus(t(edit ? 'saved' : result.comment.status == 'published' ? 'posted' : 'held'), 'ok');
        busy = false;
        submit.removeAttribute('aria-busy');
        done(result.comment, result.editToken);
        return;
      } catch (error) {
        const reason = error.status ? error.message : t('offline');
        if (!error.transient || attempt >= RETRY_DELAYS.length) {
          busy = false;
          submit.removeAttribute('aria-busy');
          if (error.code == 'policy_rejected') {
            // The server's verdict wins: show its reasons on the text as the core's would be.
            showVerdict({ action: 'reject', reasons: error.details.reasons || [] });
            setStatus(error.message, 'error');
          } else {
            if (error.code == 'invalid_name') nameInput.setAttribute('aria-invalid', 'true');
            setStatus(error.transient ? t('failed', { reason }) : refusalText(error, ctx.lang), 'error');
          }
          return;
        }
        const wait = Math.min(error.retryAfter || RETRY_DELAYS[attempt], 60);
        setStatus(t('retrying', { reason, s: wait }), 'error');
        await sleep(wait * 1000);
      }
    }
  }

  paintMarks(verdict);
  requestAnimationFrame(grow);
  return {
    element: form,
    textarea,
    refresh,
    // The name field is for guests; a signed-in reader's name comes from their account.
    setSignedIn(signedIn) {
      nameField.hidden = signedIn;
    },
    focus: () => textarea.focus(),
  };
}
