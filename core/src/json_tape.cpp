// Reads a tape (json.h) into a Document: the reading WebAssembly module's way in, so it need
// not carry the JSON text parser. The tape comes from our own JavaScript, but it is checked as
// strictly as text is: every count against what is left, strings as UTF-8, nesting against the
// same cap.
#include <cstring>

#include "parley/json.h"

namespace parley::json {

class TapeReader {
 public:
  TapeReader(Document* document, const ParseOptions& options)
      : document_(*document), tape_(document->text_), options_(options) {}

  void Run() {
    uint32_t count = 0;
    if (tape_.size() >= UINT32_MAX) {
      Fail("the document is too large");
    } else if (ReadWord(&count)) {
      if ((tape_.size() - 4) / 4 < count) {
        Fail("the tape ends early");
      } else {
        words_end_ = 4 + size_t{count} * 4;
        text_at_ = words_end_;
        if (ReadValue(0) && (at_ != words_end_ || text_at_ != tape_.size())) Fail("unexpected data after the value");
      }
    }
    if (!error_.empty()) {
      document_.error_ = error_;
      document_.error_offset_ = at_;
      document_.nodes_.clear();
      document_.numbers_.clear();
    }
  }

 private:
  using Node = Document::Node;

  bool Fail(const char* message) {
    if (error_.empty()) error_ = message;
    return false;
  }

  // The next structure word.
  bool ReadWord(uint32_t* word) {
    const size_t end = words_end_ == 0 ? tape_.size() : words_end_;
    if (end - at_ < 4) return Fail("the tape ends early");
    const auto* bytes = reinterpret_cast<const unsigned char*>(tape_.data() + at_);
    *word = uint32_t{bytes[0]} | uint32_t{bytes[1]} << 8 | uint32_t{bytes[2]} << 16 | uint32_t{bytes[3]} << 24;
    at_ += 4;
    return true;
  }

  uint32_t Add(Type type, uint32_t first = 0, uint32_t second = 0) {
    Node node;
    node.type = type;
    node.first = first;
    node.second = second;
    document_.nodes_.push_back(node);
    return static_cast<uint32_t>(document_.nodes_.size() - 1);
  }

  void Close(uint32_t index) { document_.nodes_[index].next = static_cast<uint32_t>(document_.nodes_.size()); }

  // The next string of the text, `units` UTF-16 code units long (a character past U+FFFF is two,
  // as JavaScript counts); its node views it in the tape.
  bool ReadString() {
    uint32_t units = 0;
    if (!ReadWord(&units)) return false;
    const size_t start = text_at_;
    const auto* text = reinterpret_cast<const unsigned char*>(tape_.data());
    const size_t size = tape_.size();
    size_t at = text_at_;
    uint32_t counted = 0;
    while (counted < units) {
      // Comments are mostly ASCII: eight bytes (eight code units) at a time while they are.
      while (units - counted >= 8 && size - at >= 8) {
        uint64_t eight = 0;
        std::memcpy(&eight, text + at, 8);
        if ((eight & 0x8080808080808080u) != 0) break;
        at += 8;
        counted += 8;
      }
      if (counted == units) break;
      if (at >= size) return Fail("the tape ends early");
      ++counted;
      if (text[at] < 0x80) {
        ++at;
        continue;
      }
      // Text JSON comes out as valid UTF-8 (json.h), and everything after relies on it.
      const size_t length = SequenceLength(text + at, size - at);
      if (length == 0) return Fail("invalid UTF-8 in a string");
      if (length == 4) {
        // A character past U+FFFF is two UTF-16 code units, both inside the string.
        if (counted == units) return Fail("a string's length splits a character");
        ++counted;
      }
      at += length;
    }
    text_at_ = at;
    const uint32_t node = Add(Type::kString, static_cast<uint32_t>(start), static_cast<uint32_t>(at - start));
    document_.nodes_[node].in_input = true;
    Close(node);
    return true;
  }

  // The length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms, surrogates or
  // values past U+10FFFF) that starts at `p`, with `left` bytes there, or 0.
  static size_t SequenceLength(const unsigned char* p, size_t left) {
    const unsigned char lead = p[0];
    const auto continues = [&](size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
    if (lead < 0xC2) return 0;
    if (lead < 0xE0) return continues(1) ? 2 : 0;
    if (lead < 0xF0) {
      if (!continues(1) || !continues(2)) return 0;
      if ((lead == 0xE0 && p[1] < 0xA0) || (lead == 0xED && p[1] >= 0xA0)) return 0;
      return 3;
    }
    if (lead < 0xF5) {
      if (!continues(1) || !continues(2) || !continues(3)) return 0;
      if ((lead == 0xF0 && p[1] < 0x90) || (lead == 0xF4 && p[1] >= 0x90)) return 0;
      return 4;
    }
    return 0;
  }

  bool ReadContainer(Type type, size_t depth) {
    if (depth >= options_.max_depth) return Fail("nesting is too deep");
    uint32_t count = 0;
    if (!ReadWord(&count)) return false;
    const uint32_t container = Add(type, count);
    for (uint32_t i = 0; i < count; ++i) {
      if (type == Type::kObject && !ReadString()) return false;
      if (!ReadValue(depth + 1)) return false;
    }
    Close(container);
    return true;
  }

  bool ReadValue(size_t depth) {
    uint32_t tag = 0;
    if (!ReadWord(&tag)) return false;
    switch (tag) {
      case 0: Close(Add(Type::kNull)); return true;
      case 1: Close(Add(Type::kBool, 0)); return true;
      case 2: Close(Add(Type::kBool, 1)); return true;
      case 3: {
        uint32_t low = 0;
        uint32_t high = 0;
        if (!ReadWord(&low) || !ReadWord(&high)) return false;
        const uint64_t bits = uint64_t{high} << 32 | low;
        double number = 0;
        std::memcpy(&number, &bits, sizeof number);
        if (number != number || number - number != 0) return Fail("number is out of range");
        Close(Add(Type::kNumber, static_cast<uint32_t>(document_.numbers_.size())));
        document_.numbers_.push_back(number);
        return true;
      }
      case 4: return ReadString();
      case 5: return ReadContainer(Type::kArray, depth);
      case 6: return ReadContainer(Type::kObject, depth);
      default: return Fail("unknown tag in tape");
    }
  }

  Document& document_;
  std::string_view tape_;
  const ParseOptions& options_;
  size_t at_ = 0;         // the next structure word
  size_t words_end_ = 0;  // where the words end and the text begins
  size_t text_at_ = 0;    // the next string's first byte
  std::string error_;
};

Document::Document(Tape, std::string_view tape, const ParseOptions& options) : text_(tape) {
  TapeReader(this, options).Run();
}

}  // namespace parley::json
