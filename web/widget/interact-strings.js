// The widget's English words that only the interaction chunk (interact.js) uses, so readers who
// only read do not download them; strings.js adds them when the chunk arrives. Language packs
// translate these keys with the rest (tests/web/widget-units.test.mjs keeps them complete).
export default {
  posting: 'Posting…',
  saving: 'Saving…',
  retrying: 'Not posted yet ({reason}). Trying again in {s} s…',
  review: 'A moderator will check this comment before it appears, because:',
  nameNeeded: 'Please enter your name.',
  empty: 'Write something before posting.',
  confirmDelete: 'Delete this comment for good?',
  reportTitle: 'Why should a moderator look at this comment?',
  note: 'Details (optional)',
  sendReport: 'Send report',
};
