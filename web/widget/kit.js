// The widget's helpers as the interaction chunk (interact.js) uses them. The chunk is bundled apart
// from the widget, so rather than carry copies it is handed the widget's own once, by
// install(): one counter for the shadow root's ids, one language table, one Trusted Types
// policy. The exports are live bindings, set before anything in the chunk runs.
export let h, parse, uid, sleep, t, load, save, buildComposerForm, showNameField;

export function install(kit) {
  ({ h, parse, uid, sleep, t, load, save, buildComposerForm, showNameField } = kit);
}
