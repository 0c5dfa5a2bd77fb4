// The writing module's thread export driven through its C ABI (widget/bridge.h) directly, so
// that a bench can time the WebAssembly call alone, without what the loader (parley-core.mjs)
// adds around it: encoding the JSON into the module's memory and making a string of the HTML.
// By default the module that Node's renderThread runs; `file` may name the browsers' one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dist } from '../../tests/support/paths.mjs';

export async function openRawThread(file = 'parley-compose-node.wasm') {
  const module = await WebAssembly.compile(await readFile(path.join(dist, file)));
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
  const decoder = new TextDecoder();
  // Puts `commentsJson` and `optionsJson` in the module's memory once, for:
  //   render()            the export alone, in ms, its HTML released unread;
  //   handOver(runs)      the HTML made a string both ways the loader knows, alternately, each
  //                       time in ms: {buffer} (parley_answer_utf16, then Node's Buffer copies
  //                       the UTF-16 it makes, or the HTML itself as Latin-1 when it is ASCII,
  //                       as the loader does in Node for answers up to 64 MB) and {textDecoder}
  //                       (as in browsers), with the HTML's size {htmlMb} and whether it is
  //                       {ascii};
  //   release()           frees the input.
  return function prepare(commentsJson, optionsJson) {
    const comments = encoder.encode(commentsJson);
    const options = encoder.encode(optionsJson);
    const block = exports.parley_alloc(16 + comments.length + options.length);
    if (block === 0) throw new Error('parley: the core ran out of memory');
    new Uint8Array(exports.memory.buffer).set(comments, block + 16);
    new Uint8Array(exports.memory.buffer).set(options, block + 16 + comments.length);
    const run = () => {
      const start = performance.now();
      exports.parley_render_thread(block + 16, comments.length, block + 16 + comments.length, options.length, block);
      const elapsed = performance.now() - start;
      const [data, size, failed] = new Uint32Array(exports.memory.buffer, block, 3);
      if (data === 0 || failed) throw new Error('parley: the thread did not render');
      return { elapsed, data, size };
    };
    return {
      render() {
        const { elapsed, data } = run();
        exports.parley_free(data);
        return elapsed;
      },
      handOver(runs) {
        const { data, size } = run();
        const buffer = [];
        const textDecoder = [];
        let ascii = false;
        try {
          for (let i = 0; i < runs; i++) {
            let start = performance.now();
            exports.parley_answer_utf16(data, size, block);
            const [units, count] = new Uint32Array(exports.memory.buffer, block, 2);
            if (units !== 0) {
              Buffer.from(exports.memory.buffer, units, count * 2).toString('ucs2');
              exports.parley_free(units);
            } else if (count === size) {
              Buffer.from(exports.memory.buffer, data, size).toString('latin1');
              ascii = true;
            } else {
              throw new Error('parley: the HTML did not convert');
            }
            buffer.push(performance.now() - start);
            start = performance.now();
            decoder.decode(new Uint8Array(exports.memory.buffer, data, size));
            textDecoder.push(performance.now() - start);
          }
        } finally {
          exports.parley_free(data);
        }
        return { buffer, textDecoder, htmlMb: size / 1e6, ascii };
      },
      release() {
        exports.parley_free(block);
      },
    };
  };
}
