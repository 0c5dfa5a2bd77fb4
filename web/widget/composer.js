// The composer's behaviour, in the interaction chunk (interact.js): a live preview rendered by the
// core, instant policy feedback (the offending spans highlighted in place, the reasons listed
// in the reader's language), and posting with retries, which clears the draft the form has
// kept since the first keystroke. It wires a form from composer-form.js.
import { h, parse, sleep, t, save, buildComposerForm } from './kit.js';
import { byteRangeToIndices } from './offsets.js';
import { refusalText } from './refusals.js';

// Pause after the last keystroke before the preview and the verdict refresh. Short enough to
// feel instant, long enough that fast typists do not pay a render per key.
const DEBOUNCE_MS = 120;
// Waits between attempts when the network or the server fails (seconds).
const RETRY_DELAYS = [1, 2, 4, 8, 16];

// A new composer (an inline reply or edit): its form, wired.
export function createComposer(ctx, mode, done, cancel) {
  return wireComposer(ctx, mode, buildComposerForm(ctx, mode, cancel), done);
}

// ctx: the widget (core, api, lang, thread, policy(), announce(), signedIn()).
// mode: as for buildComposerForm; parts: what it built.
// done(comment, editToken): called after a successful post or edit.
export function wireComposer(ctx, mode, parts, done) {
  const { parent, edit } = mode;
  const { form, nameInput, textarea, mirror, verdictBox, preview, previewBody, status, submit, draftKey } = parts;
  let verdict = { action: 'allow', reasons: [], text: '' };
  let timer;
  let busy = false;

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

  // Preview and verdict for the current text (the draft is kept by the form, composer-form.js).
  function refresh() {
    clearTimeout(timer);
    grow();
    const text = textarea.value;
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
  parts.send = send;
  // What the reader did before this chunk arrived: writing, and perhaps already posting.
  if (textarea.matches(':focus')) loadComposer();
  if (textarea.value) refresh();
  if (parts.pending) send();
  return {
    element: form,
    parts,
    textarea,
    refresh,
    focus: () => textarea.focus(),
  };
}
