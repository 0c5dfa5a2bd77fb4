// A strict checker for HTML the core produces: it parses the fragment the way a browser does
// (parse5, the HTML standard's algorithm) and lists every element, attribute or URL outside the
// allowlist. Used on markup and thread output, for every XSS payload of ../shared/corpora/xss.
import { parseFragment } from 'parse5';

const MARKUP_ELEMENTS = ['p', 'br', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'hr', 'a'];
const THREAD_ELEMENTS = ['section', 'h2', 'article', 'header', 'footer', 'span', 'bdi', 'time', 'div', 'button'];

// Attributes allowed on each element (class values are checked separately: parley- prefixes or
// language-X on code).
const ATTRIBUTES = {
  a: ['href', 'title', 'rel', 'class', 'id'],
  ol: ['start', 'class'],
  code: ['class'],
  section: ['class', 'lang', 'dir', 'aria-label', 'data-parley-count'],
  article: ['class', 'id', 'data-parley-id', 'data-parley-depth', 'aria-labelledby'],
  li: ['class', 'aria-level'],
  span: ['class', 'id', 'data-parley-up', 'data-parley-down'],
  time: ['datetime'],
  button: ['type', 'class', 'aria-label', 'aria-pressed', 'data-parley-action', 'data-parley-expand',
    'data-parley-cursor', 'data-parley-page'],
};
const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:'];

function urlProblem(value) {
  // What a browser would do: strip leading/trailing C0 controls and spaces, drop tabs/newlines.
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([^/?#]*?):/.exec(cleaned);
  if (scheme && !ALLOWED_SCHEMES.includes(`${scheme[1].toLowerCase()}:`)) return `scheme ${scheme[1]}`;
  return null;
}

// Returns a list of problems (empty when the fragment is safe). `extra` widens the element list
// for thread output.
export function unsafeParts(html, { thread = false } = {}) {
  const elements = thread ? [...MARKUP_ELEMENTS, ...THREAD_ELEMENTS] : MARKUP_ELEMENTS;
  const problems = [];
  const stack = [parseFragment(html)];
  while (stack.length) {
    const node = stack.pop();
    if (node.childNodes) stack.push(...node.childNodes);
    if (node.content?.childNodes) stack.push(...node.content.childNodes);  // <template>
    if (!node.tagName) continue;
    if (!elements.includes(node.tagName)) {
      problems.push(`element <${node.tagName}>`);
      continue;
    }
    for (const { name, value } of node.attrs) {
      const allowed = ATTRIBUTES[node.tagName] ?? (thread ? ['class'] : []);
      if (name.startsWith('on') || name === 'style' || !allowed.includes(name)) {
        problems.push(`attribute ${name} on <${node.tagName}>`);
      } else if (name === 'href') {
        const problem = urlProblem(value);
        if (problem) problems.push(`${problem} in href on <${node.tagName}>`);
      } else if (name === 'class') {
        const bad = value.split(/\s+/).filter((c) => c && !/^parley-[a-z0-9-]+$/.test(c) && !(node.tagName === 'code' && /^language-[A-Za-z0-9_+-]+$/.test(c)));
        if (bad.length) problems.push(`class ${bad.join(' ')} on <${node.tagName}>`);
      }
    }
  }
  return problems;
}
