// Loads the WebAssembly core from the bundle under test (build/dist/ unless PARLEY_DIST says).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist } from './paths.mjs';

export const { createCore } = await import(pathToFileURL(path.join(dist, 'parley-core.mjs')).href);
