// Where the tests find the project's build outputs and the shared corpora.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'build/dist');
export const nativeParley = path.join(root, 'build/native/parley');
export const shared = path.resolve(root, '../shared');
export const corpora = path.join(shared, 'corpora');
