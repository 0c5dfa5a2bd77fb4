// Tiny DOM helpers: the widget builds its controls with these instead of HTML strings, so no
// text a reader typed is ever parsed as HTML by the widget itself. The only HTML the widget
// inserts is the core's output (thread, preview), which is built from an allowlist.

// Pages that enforce Trusted Types (`require-trusted-types-for 'script'`) let the widget in
// when they list `trusted-types parley`; the policy passes the core's HTML through unchanged.
let policy;
try {
  policy = globalThis.trustedTypes?.createPolicy('parley', { createHTML: (html) => html });
} catch {}

const template = document.createElement('template');

// The core's HTML as nodes (a DocumentFragment), parsed inert: <template> runs nothing.
export function parse(html) {
  const parsed = template.cloneNode();
  parsed.innerHTML = policy ? policy.createHTML(html) : html;
  return parsed.content;
}

// An element: h('button', {type: 'button', onclick: fn}, 'text', child...). Attributes are set
// with setAttribute (strings) or skipped (null, false); on* keys add listeners.
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const name in attributes) {
    const value = attributes[name];
    if (value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child != null && child !== false));
  return element;
}

let counter = 0;
// Ids unique within the widget's shadow root, so labels and descriptions can point at them.
export const uid = (stem) => `parley-${stem}-${++counter}`;

// Waits `ms` milliseconds.
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
