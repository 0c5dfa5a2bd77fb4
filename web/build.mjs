// Builds the deployable browser bundle in build/dist/ from widget/ and web/ and the .wasm
// made by the `wasm` CMake preset. Run by `./dev.sh build`; prints each file's gzip size.
import { mkdir, copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// PARLEY_DIST and PARLEY_WASM let a second build tree bundle into its own folder.
const dist = path.resolve(process.env.PARLEY_DIST || path.join(root, 'build/dist'));
const wasm = path.resolve(process.env.PARLEY_WASM || path.join(root, 'build/wasm/widget/parley-core.wasm'));
// The writing modules, for browsers and for Node, are built next to the reading core
// (widget/CMakeLists.txt).
const composeWasm = path.join(path.dirname(wasm), 'parley-compose.wasm');
const composeNodeWasm = path.join(path.dirname(wasm), 'parley-compose-node.wasm');
const at = (...parts) => path.join(root, ...parts);

// Browsers that support WebAssembly, ES modules, dynamic import and Shadow DOM.
const target = ['chrome90', 'firefox90', 'safari15', 'edge90'];

async function bundle(entry, outfile, format, plugins = [], external = []) {
  await esbuild.build({
    entryPoints: [at(entry)],
    outfile: path.join(dist, outfile),
    bundle: true,
    minify: true,
    format,
    target,
    plugins,
    external,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// `import css from '../parley.css'` gives the minified stylesheet as a string, which the
// widget adopts into its shadow root as a constructed stylesheet.
const cssAsText = {
  name: 'css-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await esbuild.transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: 'js' };
    });
  },
};

// One minified stylesheet from one or more sources, in order.
async function minifyCss(entries, outfile) {
  const sources = await Promise.all(entries.map((entry) => readFile(at(entry), 'utf8')));
  const { code } = await esbuild.transform(sources.join('\n'), { loader: 'css', minify: true });
  await writeFile(path.join(dist, outfile), code);
}

await mkdir(dist, { recursive: true });
await copyFile(wasm, path.join(dist, 'parley-core.wasm'));
for (const [file, target] of [[composeWasm, 'parley_compose_wasm'], [composeNodeWasm, 'parley_compose_node_wasm']]) {
  await copyFile(file, path.join(dist, path.basename(file))).catch((error) => {
    throw new Error(`${file} is missing: build the CMake target ${target} too (${error.code})`);
  });
}
// parley-core.mjs keeps its dynamic `node:fs` import for Node; mark it external.
await esbuild.build({
  entryPoints: [at('widget/parley-core.mjs')],
  outfile: path.join(dist, 'parley-core.mjs'),
  bundle: true,
  minify: true,
  format: 'esm',
  target,
  external: ['node:*'],
  legalComments: 'none',
  logLevel: 'warning',
});
await bundle('web/embed.js', 'embed.js', 'iife');
// The iframe fallback's host side, which embed.js imports only on pages that need it.
await bundle('web/embed-frame.js', 'parley-embed-frame.js', 'esm');
await bundle('web/count.js', 'count.js', 'iife');
// The widget and the iframe page's script are ES modules (embed.js imports the widget when the
// thread nears the viewport); each carries the core's JS wrapper and the minified CSS, so the
// reader's browser makes one request for all of its code besides the .wasm.
await bundle('web/widget/widget.js', 'parley-widget.js', 'esm', [cssAsText], ['node:*']);
// What a reader needs only to write or act on a comment, loaded after the thread shows.
await bundle('web/widget/interact.js', 'parley-interact.js', 'esm', [cssAsText]);
await bundle('web/frame.js', 'parley-frame.js', 'esm', [cssAsText], ['node:*']);
// A language pack carries the widget's words (web/widget/lang/) and, where the core has a
// translation, the thread's (core/src/i18n/thread_strings/): the reading module has English
// only and takes the others from the pack (the `strings` option). The words only the
// interaction chunk uses (the keys of interact-strings.js) go to a second file,
// parley-lang-XX-interact.js, which comes with that chunk after the thread shows.
const interactionKeys = Object.keys((await import(pathToFileURL(at('web/widget/interact-strings.js')).href)).default);
for (const file of await readdir(at('web/widget/lang'))) {
  const code = path.basename(file, '.js');
  // The core's translation, if it has one (the thread is worded in English otherwise).
  const thread = await readFile(at(`core/src/i18n/thread_strings/${code}.json`), 'utf8').then(JSON.parse, () => null);
  const words = (await import(pathToFileURL(at('web/widget/lang', file)).href)).default;
  const half = (interaction) => Object.fromEntries(Object.entries(words).filter(([key]) => interactionKeys.includes(key) == interaction));
  const reading = thread ? { ...half(false), thread } : half(false);
  for (const [name, value] of [[`parley-lang-${code}.js`, reading], [`parley-lang-${code}-interact.js`, half(true)]]) {
    const { code: js } = await esbuild.transform(`export default ${JSON.stringify(value)};`, { minify: true, format: 'esm', target, charset: 'utf8' });
    await writeFile(path.join(dist, name), js);
  }
}
// The iframe page without its comments and indentation: it is on the fallback's way to comments.
await writeFile(
  path.join(dist, 'parley-frame.html'),
  (await readFile(at('web/parley-frame.html'), 'utf8')).replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><').trim() + '\n',
);
// The moderation dashboard, served at /admin/: its page, one module and its stylesheet.
await mkdir(path.join(dist, 'admin'), { recursive: true });
await bundle('web/admin/admin.js', 'admin/admin.js', 'esm', [], ['node:*']);
await copyFile(at('web/admin/index.html'), path.join(dist, 'admin/index.html'));
await minifyCss(['web/admin/admin.css'], 'admin/admin.css');
// For pages that link the stylesheet (and browsers without constructable stylesheets): the
// widget's and the interaction chunk's styles in one file.
await minifyCss(['web/parley.css', 'web/interact.css'], 'parley.css');

// What the reader's browser loads to show comments, then the rest, and last Node's writing
// module, which no browser loads (bench/size.mjs has the full breakdown and the budgets).
const files = ['embed.js', 'parley-widget.js', 'parley-interact.js', 'parley-core.wasm', 'parley-compose.wasm', 'parley.css', 'count.js', 'parley-core.mjs', 'parley-frame.js', 'parley-compose-node.wasm'];
for (const file of files) {
  const bytes = await readFile(path.join(dist, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  console.log(`  ${path.relative(root, dist)}/${file.padEnd(24)} ${String(bytes.length).padStart(7)} B  ${String(gzipped).padStart(6)} B gzip`);
}
