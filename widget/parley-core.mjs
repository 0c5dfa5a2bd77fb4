// parley-core.mjs: loads the Parley core and wraps its C bridge (widget/bridge.h) in plain
// JavaScript functions. Works unchanged in browsers and in Node 20.
//
//   import { createCore } from './parley-core.mjs';
//   const core = await createCore();          // fetches the .wasm modules next to this file
//   core.version();                           // "0.1.0", as `parley --version` prints
//   core.renderMarkup('*Hello*, world');      // "<p><em>Hello</em>, world</p>\n"
//   core.renderThread(commentsJson, { sort: 'best', page: 1, lang: 'ru' });  // thread HTML
//   core.checkPolicy('you idiot', policyJson, 'ru');  // {action: 'review', reasons: [...]}
//
// The core is two WebAssembly modules. parley-core.wasm is what a reader needs to read: it
// renders threads whose bodies Parley's server already rendered (renderServedThread), and it
// is on every reader's path, so it carries nothing else. parley-compose.wasm is what a reader
// needs to write: the markup renderer (live preview), the discussion policy (its word lists
// and folding tables are the larger part) and threads rendered from markup. Under Node the
// writing module is parley-compose-node.wasm instead, the same built for speed rather than
// size. createCore() loads both unless told `compose: 'lazy'`, as the widget does: then
// renderMarkup(), renderThread() and checkPolicy() throw until `await core.loadComposer()` has
// fetched the second module, and `core.composerLoaded` says whether it has.
//
// Options (all optional): `wasmBinary` (bytes already in hand), `wasmModule` (a compiled
// WebAssembly.Module), `wasmResponse` (a fetch() of it, or its promise, already started),
// `wasmUrl` (where to fetch the .wasm from); the same (but the response) prefixed for
// the writing module: `composeWasmBinary`, `composeWasmModule`, `composeWasmUrl`; and `compose`
// ('eager', the default, or 'lazy').

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
// Node's Buffer (not a browser polyfill of it: only where Node runs), and the answer sizes for
// which handing over by Buffer pays (as UTF-16, or as Latin-1 when ASCII): from where it is
// worth the extra call, up to where the UTF-16 copy, twice the answer's size, would grow the
// module's memory by hundreds of megabytes that WebAssembly never gives back.
const nodeBuffer = globalThis.process?.versions?.node ? globalThis.Buffer : undefined;
const kWideAnswerBytes = { min: 1 << 16, max: 1 << 26 };

async function loadBytesFromFile(url) {
  // Node's fetch() cannot read file: URLs, so read them from disk. The specifier is only
  // resolved here, so browsers never try to load a Node module.
  const { readFile } = await import('node:fs/promises');
  return readFile(url);
}

// Compiles one module from whichever of {module, binary, response, url} the caller gave (a
// response may be a promise: a fetch started early), else from `file` next to this script.
async function compileModule({ module, binary, response: early, url: location }, file) {
  if (module) return module;
  if (binary) return WebAssembly.compile(binary);
  const url = new URL(location ?? `./${file}`, import.meta.url);
  if (!early && url.protocol === 'file:') return WebAssembly.compile(await loadBytesFromFile(url));
  const response = await (early || fetch(url, { credentials: 'same-origin' }));
  if (!response.ok) throw new Error(`parley: cannot load ${response.url || url} (HTTP ${response.status})`);
  if (WebAssembly.compileStreaming && response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// The only imports a standalone Emscripten module built our way asks for.
function coreImports() {
  return {
    wasi_snapshot_preview1: {
      proc_exit(code) {
        throw new Error(`parley: core exited with code ${code}`);
      },
    },
    env: {
      emscripten_notify_memory_growth() {},
    },
  };
}

// JSON arguments may be given as text or as values, which are serialised here.
const asJson = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

// A JSON value (or JSON text, parsed first) as a tape, what the reading module takes in place
// of JSON text so that it needs no JSON parser (the format is in core/include/parley/json.h):
// the structure as 32-bit words, and every string, in order, in one text that crosses to the
// core with one encodeInto (string lengths are in UTF-16 code units, which the core counts
// back from the UTF-8). Values map as JSON.stringify maps them: undefined and functions are
// left out of objects and are null in arrays, as are numbers that are not finite.
const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

function toTape(value) {
  // Tags: 0 null, 1 false, 2 true, 3 number, 4 string, 5 array, 6 object.
  const words = [];
  const strings = [];
  const text = (string) => {
    words.push(string.length);
    strings.push(string);
  };
  const skipped = (item) => item === undefined || typeof item == 'function';
  const write = (item, depth) => {
    // The same nesting cap as for JSON text (json.h's ParseOptions), before the stack runs out.
    if (depth > 64) throw new Error('parley: nesting is too deep');
    if (typeof item == 'string') {
      words.push(4);
      text(item);
    } else if (typeof item == 'number' && Number.isFinite(item)) {
      float[0] = item;
      words.push(3, floatWords[0], floatWords[1]);
    } else if (typeof item == 'boolean') {
      words.push(item ? 2 : 1);
    } else if (Array.isArray(item)) {
      words.push(5, item.length);
      for (const element of item) write(skipped(element) ? null : element, depth + 1);
    } else if (item && typeof item == 'object') {
      const keys = Object.keys(item).filter((key) => !skipped(item[key]));
      words.push(6, keys.length);
      for (const key of keys) {
        text(key);
        write(item[key], depth + 1);
      }
    } else {
      words.push(0);
    }
  };
  write(typeof value == 'string' ? JSON.parse(value) : value, 0);
  // The strings in one text: one encodeInto of their concatenation beats one per string.
  return { words, text: strings.join('') };
}

// Instantiates one module and returns `call(export, ...strings)`, which passes string (or tape)
// arguments and returns the answer, or throws the core's error message.
async function openBridge(module) {
  const instance = await WebAssembly.instantiate(module, coreImports());
  const bridge = instance.exports;
  bridge._initialize?.();

  // Views of the core's memory, remade only when it has grown (growing replaces the buffer):
  // making them afresh on every call cost more than rendering a short comment does.
  let heap = new Uint8Array(0);
  let words = new Uint32Array(0);
  const refreshViews = () => {
    if (heap.buffer !== bridge.memory.buffer) {
      heap = new Uint8Array(bridge.memory.buffer);
      words = new Uint32Array(bridge.memory.buffer);
    }
  };

  // The answer at `data` as a string. In Node, a large one with any non-ASCII character in it
  // comes over as UTF-16, which Buffer copies into a string faster than V8 decodes UTF-8
  // (bench/thread.mjs times both); the writing module converts it (parley_answer_utf16),
  // writing its result into `slot`, or says that the answer is ASCII, which Buffer copies as
  // Latin-1, one byte per character. Browsers have no such copy: TextDecoder it is.
  const toUtf16 = nodeBuffer && bridge.parley_answer_utf16;
  const decodeAnswer = (data, size, slot) => {
    if (toUtf16 && size >= kWideAnswerBytes.min && size <= kWideAnswerBytes.max) {
      toUtf16(data, size, slot);
      refreshViews();
      const units = words[slot >> 2];
      const count = words[(slot >> 2) + 1];
      if (units !== 0) {
        try {
          return nodeBuffer.from(bridge.memory.buffer, units, count * 2).toString('ucs2');
        } finally {
          bridge.parley_free(units);
        }
      }
      if (count === size) return nodeBuffer.from(bridge.memory.buffer, data, size).toString('latin1');
    }
    return decoder.decode(heap.subarray(data, data + size));
  };

  return function call(name, ...strings) {
    // One block per call holds the result slot (struct parley_result { data, size, failed },
    // read as 32-bit words) and the inputs after it, and is freed when the call is done: the
    // reading module's allocator (widget/call_arena.cpp) starts over once nothing is alive.
    // UTF-16 to UTF-8 takes at most 3 bytes per code unit; encoding straight into the core's
    // memory saves a copy per call, which short comments feel most.
    let needed = 16;
    for (const value of strings) needed += value?.words ? 8 + value.words.length * 4 + value.text.length * 3 : (value ?? '').length * 3;
    const block = bridge.parley_alloc(needed);
    try {
      if (block === 0) throw new Error('parley: the core ran out of memory');
      const result = block;
      refreshViews();
      const args = [];
      let pointer = block + 16;
      for (const value of strings) {
        let written;
        if (value?.words) {
          // A tape: its word count, the words (aligned, so they are written as words), the text.
          pointer = (pointer + 3) & ~3;
          words[pointer >> 2] = value.words.length;
          words.set(value.words, (pointer >> 2) + 1);
          const start = pointer + 4 + value.words.length * 4;
          written = start - pointer + encoder.encodeInto(value.text, heap.subarray(start, start + value.text.length * 3)).written;
        } else {
          const text = value ?? '';
          written = encoder.encodeInto(text, heap.subarray(pointer, pointer + text.length * 3)).written;
        }
        args.push(pointer, written);
        pointer += written;
      }
      args.push(result);
      bridge[name](...args);
      refreshViews();
      const data = words[result >> 2];
      const size = words[(result >> 2) + 1];
      const failed = words[(result >> 2) + 2];
      if (data === 0) throw new Error('parley: the core ran out of memory');
      const text = decodeAnswer(data, size, result);
      bridge.parley_free(data);
      if (failed) throw new Error(`parley: ${text}`);
      return text;
    } finally {
      if (block !== 0) bridge.parley_free(block);
    }
  };
}

// The writing module's file when none is given: under Node, where nothing is downloaded, the
// one built for speed, which has the same exports from the same sources (its output is the
// same, byte for byte: tests/widget/node-module.test.mjs).
const composeFile = nodeBuffer ? 'parley-compose-node.wasm' : 'parley-compose.wasm';

export async function createCore(options = {}) {
  const composeModule = () =>
    compileModule(
      { module: options.composeWasmModule, binary: options.composeWasmBinary, url: options.composeWasmUrl },
      composeFile,
    );
  const lazy = options.compose === 'lazy';
  // Both modules download and compile in parallel unless the writing one waits to be asked for.
  const [readModule, eagerCompose] = await Promise.all([
    compileModule(
      { module: options.wasmModule, binary: options.wasmBinary, response: options.wasmResponse, url: options.wasmUrl },
      'parley-core.wasm',
    ),
    lazy ? null : composeModule(),
  ]);
  const read = await openBridge(readModule);
  const version = read('parley_version');

  let compose = null;
  let loading = null;
  async function openCompose(module) {
    if (!WebAssembly.Module.exports(module).some(({ name }) => name === 'parley_check_policy')) {
      throw new Error(`parley: ${composeFile}, or the composeWasm option given, is not the writing module`);
    }
    const call = await openBridge(module);
    // Both halves must come from one release, or browser and server output could differ.
    const composeVersion = call('parley_version');
    if (composeVersion !== version) {
      throw new Error(`parley: the writing module (${composeFile}) is version ${composeVersion}, the core ${version}`);
    }
    compose = call;
  }
  if (eagerCompose) await openCompose(eagerCompose);

  function writing(name, ...strings) {
    if (!compose) throw new Error('parley: the writing module is not loaded (await core.loadComposer() first)');
    return compose(name, ...strings);
  }
  const optional = (json) => (json == null ? '' : asJson(json));
  const checkJson = (text, policyJson, lang) => writing('parley_check_policy', text, optional(policyJson), lang ?? '');

  return Object.freeze({
    version: () => version,
    // The thread's HTML for comments from Parley's API (JSON text or the parsed array), with
    // each body taken as the `bodyHtml` the server rendered (same core, so the same bytes as
    // renderThread). Trusts bodyHtml: never pass comments from anywhere but Parley's own
    // server. Throws on invalid JSON or options.
    renderServedThread: (comments, options) =>
      read('parley_render_served_thread', toTape(comments), toTape(options === '' ? null : options ?? null)),
    // The HTML fragment for comment markup, exactly as `parley render` prints it.
    renderMarkup: (text) => writing('parley_render_markup', text),
    // The thread's HTML, exactly as `parley thread` prints it; throws on invalid JSON or options.
    renderThread: (commentsJson, optionsJson) =>
      writing('parley_render_thread', asJson(commentsJson), optional(optionsJson)),
    // Fetches and opens the writing module once (later calls share the first); rejects if it
    // cannot be loaded, and a later call tries again.
    loadComposer() {
      if (compose) return Promise.resolve();
      loading ??= composeModule()
        .then(openCompose)
        .finally(() => {
          loading = null;
        });
      return loading;
    },
    get composerLoaded() {
      return compose !== null;
    },
    // The discussion policy's verdict on a comment as JSON text, byte for byte the line
    // `parley check [--policy FILE] [--lang LANG]` prints (without its newline). `policyJson`
    // is a policy file's text or object (omitted: the default policy); throws on a bad policy.
    checkPolicyJson: checkJson,
    // The same verdict as an object: {action, reasons: [{code, message, start?, end?}]}.
    checkPolicy: (text, policyJson, lang) => JSON.parse(checkJson(text, policyJson, lang)),
  });
}
