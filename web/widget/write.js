// The writing chunk (bundled as parley-write.js): what the widget needs only once a reader
// writes or acts on a comment: the composer's behaviour (composer.js) and the report and
// delete forms (forms.js). The widget imports it after the thread is shown, or at the first
// keystroke or click that needs it, so it is not among what a reader downloads to see
// comments. open(kit) hands it the widget's helpers (kit.js).
import { install } from './kit.js';
import { createComposer, wireComposer } from './composer.js';
import { createFlagForm, createDeleteConfirm } from './forms.js';

export function open(kit) {
  install(kit);
  return { createComposer, wireComposer, createFlagForm, createDeleteConfirm };
}
