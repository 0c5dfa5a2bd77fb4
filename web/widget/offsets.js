// The core reports policy spans as UTF-8 byte offsets into the text; the textarea counts
// UTF-16 code units. This maps one to the other by walking the text once.

// [start, end] byte offsets -> [start, end] string indices. An offset inside a character (it
// should not happen) moves to that character's start, so a highlight never splits a pair.
export function byteRangeToIndices(text, start, end) {
  let bytes = 0;
  let from = -1;
  let to = text.length;
  for (let i = 0; i < text.length; ) {
    if (from < 0 && bytes >= start) from = i;
    if (bytes >= end) {
      to = i;
      break;
    }
    const code = text.codePointAt(i);
    // A lone surrogate is encoded as U+FFFD, three bytes, by TextEncoder.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code > 0xffff ? 2 : 1;
  }
  if (from < 0) from = text.length;
  return [from, Math.max(from, to)];
}
