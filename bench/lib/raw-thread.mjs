// The writing module's thread export driven through its C ABI (widget/bridge.h) directly, so
// that a bench can time the WebAssembly call alone: no encoding of the JSON into the module's
// memory and no string made of the HTML, which the loader (parley-core.mjs) adds around it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist } from '../../tests/support/paths.mjs';

export async function openRawThread() {
  const module = await WebAssembly.compile(await readFile(path.join(dist, 'parley-compose.wasm')));
  const { exports } = await WebAssembly.instantiate(module, {
    env: { emscripten_notify_memory_growth() {} },
    wasi_snapshot_preview1: {
      proc_exit(code) {
        throw new Error(`parley: core exited with code ${code}`);
      },
    },
  });
  exports._initialize?.();
  const encoder = new TextEncoder();
  // Puts `commentsJson` and `optionsJson` in the module's memory once; the returned function
  // renders them and returns how long the export took (ms), releasing the HTML unread.
  return function prepare(commentsJson, optionsJson) {
    const comments = encoder.encode(commentsJson);
    const options = encoder.encode(optionsJson);
    const block = exports.parley_alloc(16 + comments.length + options.length);
    if (block === 0) throw new Error('parley: the core ran out of memory');
    new Uint8Array(exports.memory.buffer).set(comments, block + 16);
    new Uint8Array(exports.memory.buffer).set(options, block + 16 + comments.length);
    const render = () => {
      const start = performance.now();
      exports.parley_render_thread(block + 16, comments.length, block + 16 + comments.length, options.length, block);
      const elapsed = performance.now() - start;
      const [data, , failed] = new Uint32Array(exports.memory.buffer, block, 3);
      if (data === 0 || failed) throw new Error('parley: the thread did not render');
      exports.parley_free(data);
      return elapsed;
    };
    render.release = () => exports.parley_free(block);
    return render;
  };
}
