// parley-core.mjs: loads the Parley core (parley-core.wasm) and wraps its C bridge
// (widget/bridge.cpp) in plain JavaScript functions. Works unchanged in browsers and in Node 20.
//
//   import { createCore } from './parley-core.mjs';
//   const core = await createCore();          // fetches parley-core.wasm next to this file
//   core.version();                           // "0.1.0", as `parley --version` prints
//   core.renderMarkup('*Hello*, world');      // "<p><em>Hello</em>, world</p>\n"
//   core.renderThread(commentsJson, { sort: 'best', page: 1, lang: 'ru' });  // thread HTML
//   core.checkPolicy('you idiot', policyJson, 'ru');  // {action: 'review', reasons: [...]}
//
// Options (all optional): `wasmBinary` (bytes already in hand), `wasmModule` (a compiled
// WebAssembly.Module), `wasmUrl` (where to fetch the .wasm from).

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

async function loadBytesFromFile(url) {
  // Node's fetch() cannot read file: URLs, so read them from disk. The specifier is only
  // resolved here, so browsers never try to load a Node module.
  const { readFile } = await import('node:fs/promises');
  return readFile(url);
}

async function compileCore(options) {
  if (options.wasmModule) return options.wasmModule;
  if (options.wasmBinary) return WebAssembly.compile(options.wasmBinary);
  const url = new URL(options.wasmUrl ?? './parley-core.wasm', import.meta.url);
  if (url.protocol === 'file:') return WebAssembly.compile(await loadBytesFromFile(url));
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`parley: cannot load ${url} (HTTP ${response.status})`);
  if (WebAssembly.compileStreaming && response.headers.get('content-type') === 'application/wasm') {
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

export async function createCore(options = {}) {
  const module = await compileCore(options);
  const instance = await WebAssembly.instantiate(module, coreImports());
  const bridge = instance.exports;
  bridge._initialize?.();

  // Memory can grow during any call, so views are made fresh after each one.
  const bytes = () => new Uint8Array(bridge.memory.buffer);
  const view = () => new DataView(bridge.memory.buffer);

  // Calls a bridge export `(inputs as pointer + length..., parley_result*)` with string
  // arguments and returns the answer, or throws the core's error message.
  // One result slot for the life of the core (struct parley_result { data, size, failed });
  // calls never overlap, since WebAssembly runs them to completion one at a time.
  const result = bridge.parley_alloc(12);

  function call(fn, ...strings) {
    const args = [];
    const owned = [];
    try {
      for (const value of strings) {
        const text = value ?? '';
        // UTF-16 to UTF-8 takes at most 3 bytes per code unit; encoding straight into the
        // core's memory saves a copy per call, which short comments feel most.
        const capacity = text.length * 3;
        const pointer = bridge.parley_alloc(capacity);
        owned.push(pointer);
        const { written } = encoder.encodeInto(text, bytes().subarray(pointer, pointer + capacity));
        args.push(pointer, written);
      }
      fn(...args, result);
      const data = view().getUint32(result, true);
      const size = view().getUint32(result + 4, true);
      const failed = view().getUint32(result + 8, true);
      if (data === 0) throw new Error('parley: the core ran out of memory');
      const text = decoder.decode(bytes().subarray(data, data + size));
      bridge.parley_free(data);
      if (failed) throw new Error(`parley: ${text}`);
      return text;
    } finally {
      for (const pointer of owned) bridge.parley_free(pointer);
    }
  }

  // JSON arguments may be given as text or as values, which are serialised here.
  const asJson = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

  return Object.freeze({
    version: () => call(bridge.parley_version),
    // The HTML fragment for comment markup, exactly as `parley render` prints it.
    renderMarkup: (text) => call(bridge.parley_render_markup, text),
    // The thread's HTML, exactly as `parley thread` prints it; throws on invalid JSON or options.
    renderThread: (commentsJson, optionsJson) =>
      call(bridge.parley_render_thread, asJson(commentsJson), optionsJson == null ? '' : asJson(optionsJson)),
    // The discussion policy's verdict on a comment as JSON text, byte for byte the line
    // `parley check [--policy FILE] [--lang LANG]` prints (without its newline). `policyJson`
    // is a policy file's text or object (omitted: the default policy); throws on a bad policy.
    checkPolicyJson: (text, policyJson, lang) =>
      call(bridge.parley_check_policy, text, policyJson == null ? '' : asJson(policyJson), lang ?? ''),
    // The same verdict as an object: {action, reasons: [{code, message, start?, end?}]}.
    checkPolicy: (text, policyJson, lang) =>
      JSON.parse(call(bridge.parley_check_policy, text, policyJson == null ? '' : asJson(policyJson), lang ?? '')),
  });
}
