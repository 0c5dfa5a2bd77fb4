// The first render of a thread by a writing module in a fresh Node process: what a script
// that renders one thread and exits waits for, with V8 compiling the module's functions as
// they are first called and before it has optimised them. Prints the milliseconds.
// Run by bench/thread.mjs: node bench/lib/first-render.mjs MODULE COUNT
import { makeThread } from './comments.mjs';
import { openRawThread } from './raw-thread.mjs';

const [file, count] = process.argv.slice(2);
const prepare = await openRawThread(file);
const thread = prepare(JSON.stringify(makeThread(Number(count))), JSON.stringify({ sort: 'best' }));
console.log(thread.render());
