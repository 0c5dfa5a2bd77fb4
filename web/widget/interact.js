// The interaction chunk (bundled as parley-interact.js): what the widget needs only once the
// thread is on screen: the composer's behaviour (composer.js), what a reader does to a comment
// (actions.js: vote, reply, edit, delete, report) and live updates (live.js). The widget
// imports it right after the thread shows, or at the first keystroke or click that needs it,
// so it is not among what a reader downloads before comments show. open(kit) hands it the
// widget's helpers (kit.js), and takes in its styles (interact.css) and its words (English,
// and the second half of the reader's language pack).
import { install } from './kit.js';
import { wireComposer } from './composer.js';
import { startLive } from './live.js';
import { createActions } from './actions.js';
import css from '../interact.css';
import english from './interact-strings.js';

export async function open(kit) {
  install(kit);
  kit.addStyles(css);
  await kit.addInteractionWords(english);
  return { wireComposer, createActions, startLive };
}
