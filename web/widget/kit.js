// The widget's helpers as the writing chunk (write.js) uses them. The chunk is bundled apart
// from the widget, so rather than carry copies it is handed the widget's own once, by
// install(): one counter for the shadow root's ids, one language table, one Trusted Types
// policy. The exports are live bindings, set before anything in the chunk runs.
export let h, parse, uid, sleep, t, load, save, refusalText, buildComposerForm;

export function install(kit) {
  ({ h, parse, uid, sleep, t, load, save, refusalText, buildComposerForm } = kit);
}
