// Threads and site: close a thread or change how it is moderated, and edit the discussion
// policy with a "test a comment" box that shows the core's verdict and the spans it points at,
// computed in the browser by the same core the server runs, before anything is saved.
import { h } from '../widget/dom.js';
import { byteRangeToIndices } from '../widget/offsets.js';
import { call } from './mod-api.js';

const MODES = [
  ['', 'Site default'],
  ['post', 'Post-moderation: publish, review afterwards'],
  ['pre', 'Pre-moderation: hold every comment'],
  ['first', 'Hold a commenter’s first comment'],
  ['links', 'Hold comments with links'],
];

function threadSection(ctx) {
  const key = h('input', { id: 'thread-key', required: true, placeholder: 'thread id, e.g. putin-karabakh' });
  const form = h('div', { class: 'thread-settings' });
  async function showThread() {
    const thread = key.value.trim();
    const settings = await call('GET', `/threads/${encodeURIComponent(thread)}`);
    const closed = h('input', { type: 'checkbox', id: 'thread-closed', checked: !!settings.closed });
    const mode = h('select', { id: 'thread-mode' }, MODES.map(([value, label]) => h('option', { value, selected: (settings.moderation || '') == value }, label)));
    const autoClose = h('input', { type: 'number', id: 'thread-autoclose', min: '1', max: '3650', value: settings.autoCloseDays ?? '' });
    form.replaceChildren(
      h(
        'form',
        {
          async onsubmit(event) {
            event.preventDefault();
            try {
              await call('PATCH', `/threads/${encodeURIComponent(thread)}`, {
                closed: closed.checked,
                moderation: mode.value || null,
                autoCloseDays: autoClose.value ? Number(autoClose.value) : null,
              });
              ctx.announce(`Saved the settings of ${thread}.`);
            } catch (error) {
              ctx.announce(`Not saved: ${error.message}`);
            }
          },
        },
        h('p', {}, closed, ' ', h('label', { for: 'thread-closed' }, 'Closed: no new comments')),
        h('p', {}, h('label', { for: 'thread-mode' }, 'Moderation '), mode),
        h('p', {}, h('label', { for: 'thread-autoclose' }, 'Close automatically after (days) '), autoClose),
        h('button', { class: 'primary' }, 'Save thread settings'),
      ),
    );
  }
  return h(
    'section',
    {},
    h('h2', {}, 'A thread'),
    h('form', { class: 'row', onsubmit: (event) => (event.preventDefault(), showThread().catch((error) => ctx.announce(error.message))) }, h('label', { for: 'thread-key' }, 'Thread'), key, h('button', {}, 'Open')),
    form,
  );
}

// The text with the verdict's spans marked, built from text nodes (never parsed as HTML).
function highlighted(text, reasons) {
  const spans = reasons
    .filter((reason) => reason.end > reason.start)
    .map((reason) => byteRangeToIndices(text, reason.start, reason.end))
    .sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [from, to] of spans) {
    if (from < at) continue;
    parts.push(text.slice(at, from), h('mark', {}, text.slice(from, to)));
    at = to;
  }
  parts.push(text.slice(at));
  return parts;
}

async function policySection(ctx) {
  const policy = await call('GET', '/policy');
  const editor = h('textarea', { id: 'policy-json', rows: '18', spellcheck: 'false', class: 'mono' });
  editor.value = JSON.stringify(policy, null, 2);
  const sample = h('textarea', { id: 'policy-sample', rows: '4', placeholder: 'Type a comment to see what the policy above says about it' });
  const verdict = h('div', { class: 'verdict', 'aria-live': 'polite' });
  const problem = h('p', { class: 'error', role: 'alert' });

  function test() {
    problem.textContent = '';
    let edited;
    try {
      edited = JSON.parse(editor.value);
    } catch (error) {
      problem.textContent = `The policy is not valid JSON: ${error.message}`;
      return null;
    }
    if (!ctx.core) return edited;
    const text = sample.value;
    try {
      if (!ctx.core.composerLoaded) {
        ctx.core.loadComposer().then(test, () => {});
        return edited;
      }
      const answer = ctx.core.checkPolicy(text, edited);
      verdict.replaceChildren(
        h('p', { class: `action action-${answer.action}` }, text ? `Verdict: ${answer.action}` : ''),
        text ? h('ul', {}, answer.reasons.map((reason) => h('li', {}, reason.message))) : '',
        text ? h('p', { class: 'sample' }, highlighted(text, answer.reasons)) : '',
      );
    } catch (error) {
      problem.textContent = error.message.replace(/^parley: /, '');
      return null;
    }
    return edited;
  }
  let timer;
  const later = () => (clearTimeout(timer), (timer = setTimeout(test, 150)));
  editor.addEventListener('input', later);
  sample.addEventListener('input', later);

  return h(
    'section',
    {},
    h('h2', {}, 'Discussion policy'),
    h('p', {}, 'Word lists (banned: rejected; suspect: held for review), limits and modes. docs/POLICY.md lists every field.'),
    h(
      'form',
      {
        async onsubmit(event) {
          event.preventDefault();
          const edited = test();
          if (!edited) return;
          try {
            await call('PUT', '/policy', edited);
            ctx.announce('The policy is saved and applies to the next comment.');
          } catch (error) {
            problem.textContent = `Not saved: ${error.message}`;
          }
        },
      },
      h('label', { for: 'policy-json' }, 'Policy (JSON)'),
      editor,
      problem,
      h('label', { for: 'policy-sample' }, 'Test a comment'),
      sample,
      verdict,
      h('button', { class: 'primary' }, 'Save the policy'),
    ),
  );
}

export async function settingsView(root, ctx) {
  root.replaceChildren(h('h1', {}, 'Threads & policy'), threadSection(ctx), await policySection(ctx));
}
