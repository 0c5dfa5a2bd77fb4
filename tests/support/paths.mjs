// Where the tests find the project's build outputs and the shared corpora.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PARLEY_DIST and PARLEY_NATIVE point the tests at another build (a second checkout's, say).
export const dist = path.resolve(process.env.PARLEY_DIST || path.join(root, 'build/dist'));
export const nativeParley = path.resolve(process.env.PARLEY_NATIVE || path.join(root, 'build/native/parley'));
export const shared = path.resolve(root, '../shared');
export const corpora = path.join(shared, 'corpora');
