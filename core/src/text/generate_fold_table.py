#!/usr/bin/env python3
"""Generates fold_table.inc, the character data behind parley::text folding.

Run by hand (or `./dev.sh generate`) when the Unicode data or the rules below change; the
output is committed, so builds never need Python or the Unicode files.

    python3 core/src/text/generate_fold_table.py            # rewrite fold_table.inc
    python3 core/src/text/generate_fold_table.py --check    # exit 1 if it is out of date

Inputs (Unicode's own data):
  /usr/share/unicode/UnicodeData.txt, CaseFolding.txt, DerivedCoreProperties.txt, PropList.txt,
  Scripts.txt (Debian package `unicode-data`) and TR39 confusables.txt
  (../shared/corpora/policy/confusables.txt).

What one character folds to (the "fold"): its compatibility decomposition (NFKD) with combining
marks dropped, mapped through the TR39 confusables table where the prototype is made of letters
of Latin, Cyrillic, Greek or Armenian, then full case folding, repeated until nothing changes.
ASCII is the base alphabet and is never remapped by confusables (TR39 maps "m" to "rn" and "I"
to "l"; we keep ASCII letters as themselves and only lower-case them).

Case pairs are reconciled so that a capital and its small letter fold alike whenever either of
them looks like an ASCII letter: Cyrillic "В" looks like "B", so both "В" and "в" fold to "b".
Only when both look like different ASCII letters (Greek "Η" like "H", "η" like "n") does each
keep its own.

Besides the mappings, every code point gets a class the folder needs: letter (the default),
space (White_Space), drop (default-ignorable and combining marks: zero-width characters,
variation selectors, diacritics) or punct (punctuation, symbols, controls).
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
UCD = os.environ.get("PARLEY_UCD_DIR", "/usr/share/unicode")
CONFUSABLES = os.environ.get(
    "PARLEY_CONFUSABLES", os.path.join(ROOT, "..", "shared", "corpora", "policy", "confusables.txt"))
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fold_table.inc")

ALLOWED_SCRIPTS = {"Latin", "Cyrillic", "Greek", "Armenian"}
MAX_CODE_POINT = 0x10FFFF

# Where punctuation and symbols are classed as such: the four scripts' blocks and the shared
# punctuation, symbol, CJK punctuation, fullwidth and emoji blocks, so "fuck😀" or "fuck…" still
# ends a word.
PUNCT_BLOCKS = [
    (0x0080, 0x058F),  # Latin-1 .. Armenian
    (0x2000, 0x2BFF),  # general punctuation .. miscellaneous symbols and arrows
    (0x2E00, 0x2E7F),  # supplemental punctuation
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFE10, 0xFE6F),  # vertical forms, CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    (0xFFF0, 0xFFFF),  # specials (U+FFFD)
    (0x1F000, 0x1FAFF),  # mahjong .. symbols and pictographs extended-A (emoji)
]

# The blocks whose characters get folds: the four scripts' letters and the look-alikes that
# "fancy text" generators and evaders use (small capitals, modifier letters, mathematical,
# enclosed, squared and fullwidth letters). Everything else keeps its class but folds to itself,
# which keeps the table small enough for the browser.
SOURCE_BLOCKS = [
    (0x0080, 0x02FF),  # Latin-1 Supplement, Latin Extended-A/B, IPA, spacing modifier letters
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x052F),  # Cyrillic, Cyrillic Supplement
    (0x0530, 0x058F),  # Armenian
    (0x1D00, 0x1DBF),  # Phonetic Extensions (+ Supplement): small capitals, modifier letters
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x2100, 0x218F),  # letterlike symbols, number forms
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA730, 0xA731),  # small capitals F and S of Latin Extended-D
    (0xFB00, 0xFB17),  # Latin and Armenian ligatures
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    (0x1D400, 0x1D6A3),  # mathematical alphanumeric symbols: Latin letters
    (0x1D7CE, 0x1D7FF),  # ... and digits (the Greek ones are left out)
    (0x1F100, 0x1F1FF),  # enclosed alphanumeric supplement, regional indicators
]

# Kinds stored in the table (kept in sync with fold.cpp).
KIND_PUNCT, KIND_SPACE, KIND_DROP, KIND_DELTA, KIND_CONST, KIND_MULTI = range(6)
MAX_RUN = 1 << 11  # a run's length is stored in 11 bits


def read_ucd_lines(name):
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def parse_range(text):
    if ".." in text:
        first, last = text.split("..")
        return int(first, 16), int(last, 16)
    return int(text, 16), int(text, 16)


def load_unicode_data():
    category, decomposition, names = {}, {}, {}
    first_of_range = None
    with open(os.path.join(UCD, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split(";")
            cp = int(fields[0], 16)
            name, gc = fields[1], fields[2]
            if name.endswith(", First>"):
                first_of_range = cp
                continue
            if name.endswith(", Last>"):
                for c in range(first_of_range, cp + 1):
                    category[c] = gc
                continue
            category[cp] = gc
            names[cp] = name
            if fields[5]:
                parts = fields[5].split()
                if parts[0].startswith("<"):
                    parts = parts[1:]
                decomposition[cp] = [int(p, 16) for p in parts]
    return category, decomposition, names


def load_case_folding():
    folding = {}
    for fields in read_ucd_lines("CaseFolding.txt"):
        cp, status, mapping = int(fields[0], 16), fields[1], fields[2]
        if status in ("C", "F"):
            folding[cp] = [int(p, 16) for p in mapping.split()]
    return folding


def load_property(name, wanted):
    result = set()
    for fields in read_ucd_lines(name):
        if fields[1] == wanted:
            first, last = parse_range(fields[0])
            result.update(range(first, last + 1))
    return result


def load_scripts():
    scripts = {}
    for fields in read_ucd_lines("Scripts.txt"):
        first, last = parse_range(fields[0])
        for cp in range(first, last + 1):
            scripts[cp] = fields[1]
    return scripts


def load_confusables():
    mapping = {}
    with open(CONFUSABLES, encoding="utf-8-sig") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            mapping[int(fields[0], 16)] = [int(p, 16) for p in fields[1].split()]
    return mapping


def confusables_version():
    with open(CONFUSABLES, encoding="utf-8-sig") as f:
        for line in f:
            if line.startswith("# Version:"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def ucd_date():
    with open(os.path.join(UCD, "ReadMe.txt"), encoding="utf-8") as f:
        for line in f:
            match = re.match(r"# Date: (\S+)", line)
            if match:
                return match.group(1)
    return "unknown"


class Folder:
    def __init__(self):
        self.category, self.decomposition, self.names = load_unicode_data()
        self.case_folding = load_case_folding()
        self.scripts = load_scripts()
        self.confusables = load_confusables()
        self.ignorable = load_property("DerivedCoreProperties.txt", "Default_Ignorable_Code_Point")
        self.white_space = load_property("PropList.txt", "White_Space")

    def gc(self, cp):
        return self.category.get(cp, "Cn")

    def is_mark(self, cp):
        return self.gc(cp) in ("Mn", "Mc", "Me")

    def is_letter(self, cp):
        return self.gc(cp).startswith("L")

    def nfkd(self, cp):
        if cp in self.decomposition:
            out = []
            for part in self.decomposition[cp]:
                out.extend(self.nfkd(part))
            return out
        return [cp]

    def base(self, cps):
        """Compatibility decomposition without combining marks."""
        out = []
        for cp in cps:
            out.extend(c for c in self.nfkd(cp) if not self.is_mark(c))
        return out

    def prototype(self, cp):
        """The TR39 prototype of a letter when it is made of letters of the allowed scripts."""
        if cp < 0x80 or not self.is_letter(cp) or cp not in self.confusables:
            return None
        target = self.base(self.confusables[cp])
        if not target or target == [cp]:
            return None
        for c in target:
            if not self.is_letter(c) or self.scripts.get(c) not in ALLOWED_SCRIPTS:
                return None
        return target

    def casefold(self, cps):
        out = []
        for cp in cps:
            out.extend(self.case_folding.get(cp, [cp]))
        return out

    def fold(self, cp, skeleton_first):
        """Folds one code point to a fixed point; `skeleton_first` applies confusables before
        case folding (what a capital letter looks like), otherwise after."""
        # A letter that looks like ASCII letters folds to them, before its compatibility
        # decomposition can take it elsewhere: "ϲ" (lunate sigma) decomposes to "ς", which looks
        # like nothing, but it is drawn as "c"; "ͺ" decomposes to a space and a mark.
        direct = self.small_capital(cp) or self.prototype(cp)
        if direct and all(0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A for c in direct):
            return self.casefold(direct)
        current = [cp]
        for _ in range(8):
            step = self.base(current)
            if skeleton_first:
                step = self.skeleton(step)
                step = self.base(self.casefold(step))
            else:
                step = self.base(self.casefold(step))
                step = self.skeleton(step)
            step = self.base(self.casefold(step))
            if step == current:
                break
            current = step
        return current

    def capital_lookalike(self, cp):
        """The ASCII letters a capital letter's own TR39 prototype is made of (lower-cased), or
        None. Only the direct prototype counts: "Г" has the prototype Greek "Γ", whose small
        letter looks like "y", but "Г" itself looks like no ASCII letter."""
        target = self.prototype(cp)
        if not target or not all(c < 0x80 for c in target):
            return None
        # TR39 draws capital I, l and 1 alike and picks "l"; a capital shaped like "I" folds to
        # "i" here, as Latin "I" does (Cyrillic "І", Greek "Ι").
        if target == [0x6C]:
            return [0x69]
        return self.casefold(target)

    def skeleton(self, cps):
        out = []
        for cp in cps:
            target = self.small_capital(cp) or self.prototype(cp)
            for c in target if target else [cp]:
                out.extend(self.small_capital(c) or [c])
        return out

    def small_capital(self, cp):
        """Latin small capitals ("ᴋ", also the prototype TR39 gives Cyrillic "к") are drawn as the
        capital letter their name says, so they fold to that ASCII letter."""
        match = re.fullmatch(r"LATIN LETTER SMALL CAPITAL ([A-Z])", self.names.get(cp, ""))
        return [ord(match.group(1).lower())] if match else None

    def maps_into_allowed(self, cp, folded):
        """Only folds that matter for the four scripts are worth their bytes: letters of those
        scripts, and symbols (mathematical, enclosed, fullwidth, modifier letters) that stand for
        a single ASCII letter or digit. A Cherokee letter shaped like "D" or a CJK compatibility
        ideograph is left alone."""
        if not any(first <= cp <= last for first, last in SOURCE_BLOCKS):
            return False
        script = self.scripts.get(cp)
        if script in ALLOWED_SCRIPTS:
            return all(c < 0x80 or (self.is_letter(c) and self.scripts.get(c) in ALLOWED_SCRIPTS)
                       for c in folded)
        if script in ("Common", "Inherited"):
            return len(folded) == 1 and folded[0] < 0x80
        return False

    def name_letter(self, cp):
        """Letters drawn as symbols that Unicode gives no decomposition (negative circled and
        squared letters, regional indicators): the letter their name says they show."""
        match = re.search(r"(?:LATIN (?:CAPITAL|SMALL) LETTER|REGIONAL INDICATOR SYMBOL LETTER) ([A-Z])$",
                          self.names.get(cp, ""))
        if match and self.gc(cp) == "So":
            return [ord(match.group(1).lower())]
        return None


def is_ascii_letters(cps):
    return bool(cps) and all(0x61 <= c <= 0x7A for c in cps)


def compute_classes(folder):
    """Returns {cp: (kind, payload, upper)} for every code point whose class is not the default
    (a letter that folds to itself), and the set of unassigned code points (free to merge)."""
    entries = {}
    unassigned = set()
    # Letters whose case pair needs reconciling, computed first so both halves agree.
    folds = {}
    for cp in range(0x80, MAX_CODE_POINT + 1):
        gc = folder.gc(cp)
        if gc == "Cn":
            unassigned.add(cp)
            continue
        if gc in ("Cs", "Co"):
            continue
        if cp in folder.ignorable:
            entries[cp] = (KIND_DROP, None, False)
            continue
        if cp in folder.white_space:
            entries[cp] = (KIND_SPACE, None, False)
            continue
        if folder.is_mark(cp):
            # Marks only fold away in the scripts we match; elsewhere (Devanagari vowel signs,
            # say) they are part of the word.
            if folder.scripts.get(cp) in ALLOWED_SCRIPTS | {"Inherited"}:
                entries[cp] = (KIND_DROP, None, False)
            continue
        named = folder.name_letter(cp)
        if named and folder.maps_into_allowed(cp, named):
            entries[cp] = ("map", named, False)
            continue
        if gc[0] in "LN":
            folds[cp] = folder.fold(cp, skeleton_first=False)
            continue
        # Punctuation and symbols: keep those whose compatibility form is plain ASCII (fullwidth
        # "！", "＠"), so leetspeak and separators see what the reader sees.
        mapped = folder.base(folder.casefold(folder.nfkd(cp)))
        if len(mapped) == 1 and mapped[0] < 0x80 and folder.maps_into_allowed(cp, mapped):
            entries[cp] = ("map", mapped, False)
        elif any(first <= cp <= last for first, last in PUNCT_BLOCKS):
            entries[cp] = (KIND_PUNCT, None, False)
        # Other scripts' own punctuation (Devanagari danda, Tibetan marks) stays a "letter": it
        # only decides word boundaries inside those scripts, which no term is written in.

    for cp, folded in folds.items():
        upper = folder.gc(cp) in ("Lu", "Lt")
        lower = folder.case_folding.get(cp)
        if upper and lower and len(lower) == 1:
            # Reconcile a capital with its small letter.
            as_capital = folder.capital_lookalike(cp)
            small = folds.get(lower[0], folder.fold(lower[0], skeleton_first=False))
            if is_ascii_letters(as_capital) and not is_ascii_letters(small):
                folded = as_capital
                folds[lower[0]] = as_capital
            elif is_ascii_letters(as_capital) and is_ascii_letters(small) and as_capital != small:
                folded = as_capital  # each looks like a different letter: keep both apart
            else:
                folded = small
        folds[cp] = folded
    uppers = set()
    for cp, folded in folds.items():
        if folded == [cp] or not folder.maps_into_allowed(cp, folded):
            continue
        entries[cp] = ("map", folded, False)
        if folder.gc(cp) in ("Lu", "Lt"):
            uppers.add(cp)
    return entries, unassigned, uppers


def encode_runs(entries, unassigned):
    """Turns per-code-point entries into runs: constant maps (Ā..ą -> a), delta maps (𝐚..𝐳 ->
    a..z), multi-code-point maps, and class runs; unassigned code points join any run."""
    multi_strings = []
    multi_index = {}

    def key_of(cp):
        kind, payload, upper = entries[cp]
        if kind == "map":
            if len(payload) == 1:
                return ("map1", payload[0], upper)
            text = tuple(payload)
            assert len(text) <= 4, f"U+{cp:04X} folds to more than CharFold::kMaxFold code points"
            if text not in multi_index:
                multi_index[text] = sum(len(s) + 1 for s in multi_strings)
                multi_strings.append(text)
            return ("multi", multi_index[text], upper)
        return (kind, None, upper)

    runs = []  # [first, count, kind, value, upper]
    cp = 0x80
    while cp <= MAX_CODE_POINT:
        if cp not in entries:
            cp += 1
            continue
        kind, value, upper = key_of(cp)
        first = cp
        count = 1
        mode = None  # for single maps: "const" or "delta"
        nxt = cp + 1
        pending_gap = 0
        while count + pending_gap < MAX_RUN and nxt <= MAX_CODE_POINT:
            if nxt in unassigned and kind not in ("map1",):
                pending_gap += 1
                nxt += 1
                continue
            if nxt not in entries:
                break
            k2, v2, u2 = key_of(nxt)
            if (k2, u2) != (kind, upper):
                break
            if kind == "map1":
                if pending_gap:
                    break
                offset = nxt - first
                same = v2 == value
                delta = v2 == value + offset
                if mode is None:
                    mode = "const" if same else ("delta" if delta else None)
                    if mode is None:
                        break
                elif (mode == "const" and not same) or (mode == "delta" and not delta):
                    break
            elif kind == "multi" and v2 != value:
                break
            count += pending_gap + 1
            pending_gap = 0
            nxt += 1
        if kind == "map1":
            code = KIND_DELTA if mode == "delta" else KIND_CONST
        elif kind == "multi":
            code = KIND_MULTI
        else:
            code = kind
        runs.append((first, count, code, value or 0, upper))
        cp = first + count
    return runs, multi_strings


def encode_upper(uppers):
    """Capital letters as runs of every code point (stride 1: А..Я) or every other one
    (stride 2: the alternating capitals of Latin Extended-A); first << 11 | stride2 << 10 |
    (length - 1)."""
    runs = []
    ordered = sorted(uppers)
    i = 0
    while i < len(ordered):
        first = ordered[i]
        best_stride, best_count = 1, 1
        for stride in (1, 2):
            count = 1
            while (count < 1024 and i + count < len(ordered)
                   and ordered[i + count] == first + count * stride):
                count += 1
            if count > best_count:
                best_stride, best_count = stride, count
        runs.append(first << 11 | (1 << 10 if best_stride == 2 else 0) | (best_count - 1))
        i += best_count
    return runs


def render(runs, multi_strings, upper_runs):
    lines = [
        "// Generated by core/src/text/generate_fold_table.py from the Unicode Character Database "
        f"({ucd_date()}: UnicodeData.txt, CaseFolding.txt, DerivedCoreProperties.txt, PropList.txt, "
        f"Scripts.txt) and TR39 confusables.txt {confusables_version()}. Do not edit.",
        "//",
        "// kFoldRunStarts[i] = first code point << 11 | (length - 1), sorted;",
        "// kFoldRunValues[i] = kind << 21 | value (see fold.cpp for the kinds);",
        "// kFoldStrings holds the multi-code-point folds, each followed by a 0;",
        "// kUpperRuns[i] = first capital << 11 | (every other code point) << 10 | (length - 1).",
        "// Code points below U+0080 are handled in code; any other code point without a run is a",
        "// letter that folds to itself.",
        "",
        "// NOLINTBEGIN",
        f"inline constexpr uint32_t kFoldRunStarts[{len(runs)}] = {{",
    ]

    def wrap(values):
        out, line = [], "   "
        for v in values:
            piece = f" {v},"
            if len(line) + len(piece) > 99:
                out.append(line)
                line = "   "
            line += piece
        if line.strip():
            out.append(line)
        return out

    lines += wrap(f"0x{first << 11 | (count - 1):x}" for first, count, _, _, _ in runs)
    lines.append("};")
    lines.append(f"inline constexpr uint32_t kFoldRunValues[{len(runs)}] = {{")
    lines += wrap(f"0x{kind << 21 | value:x}" for _, _, kind, value, _ in runs)
    lines.append("};")
    flat = []
    for text in multi_strings:
        flat.extend(text)
        flat.append(0)
    lines.append(f"inline constexpr char32_t kFoldStrings[{max(len(flat), 1)}] = {{")
    lines += wrap(f"0x{c:x}" for c in (flat or [0]))
    lines.append("};")
    lines.append(f"inline constexpr uint32_t kUpperRuns[{len(upper_runs)}] = {{")
    lines += wrap(f"0x{r:x}" for r in upper_runs)
    lines.append("};")
    lines.append("// NOLINTEND")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if fold_table.inc is stale")
    parser.add_argument("--stats", action="store_true", help="print table statistics")
    args = parser.parse_args()
    folder = Folder()
    entries, unassigned, uppers = compute_classes(folder)
    runs, multi_strings = encode_runs(entries, unassigned)
    upper_runs = encode_upper(uppers)
    text = render(runs, multi_strings, upper_runs)
    if args.stats:
        kinds = {}
        for run in runs:
            kinds[run[2]] = kinds.get(run[2], 0) + 1
        print(f"{len(runs)} runs {kinds}, {sum(len(s) + 1 for s in multi_strings)} multi code points, "
              f"{len(upper_runs)} capital runs",
              file=sys.stderr)
    if args.check:
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{os.path.relpath(OUTPUT, ROOT)} is out of date: run {sys.argv[0]}", file=sys.stderr)
                return 1
        return 0
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
