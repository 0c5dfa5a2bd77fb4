// parley-core.mjs: loads the Parley core (parley-core.wasm) and wraps its C bridge
// (widget/bridge.cpp) in plain JavaScript functions. Works unchanged in browsers and in Node 20.
//
//   import { createCore } from './parley-core.mjs';
//   const core = await createCore();          // fetches parley-core.wasm next to this file
//   core.version();                           // "0.1.0", as `parley --version` prints
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
  function call(fn, ...strings) {
    const args = [];
    const owned = [];
    try {
      for (const text of strings) {
        const encoded = encoder.encode(text ?? '');
        const pointer = bridge.parley_alloc(encoded.length);
        owned.push(pointer);
        bytes().set(encoded, pointer);
        args.push(pointer, encoded.length);
      }
      const result = bridge.parley_alloc(12);  // struct parley_result { data, size, failed }
      owned.push(result);
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

  return Object.freeze({
    version: () => call(bridge.parley_version),
  });
}
