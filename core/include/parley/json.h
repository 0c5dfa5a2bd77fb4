#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A small JSON reader and writer for the core. Why not nlohmann_json here: the core runs in
// the reader's browser, where nlohmann's parser costs ~35 KB gzipped of a 35 KB budget, and
// one reader in the core means the native and WebAssembly builds read comments and policies
// identically by construction. The server still uses nlohmann_json for its HTTP API.
//
// Untrusted input: parsing is linear, nesting is capped, strings come out as valid UTF-8
// (malformed bytes and lone surrogates become U+FFFD), and errors are values.
namespace parley::json {

enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

struct Member;

// One parsed JSON value. Lookups on the wrong type or a missing key give a null value, so
// callers read optional fields without checks: `comment["author"]["name"].AsString()`.
class Value {
 public:
  Value() = default;
  static Value Bool(bool value);
  static Value Number(double value);
  static Value String(std::string value);
  static Value Array();
  static Value Object();

  Type type() const { return type_; }
  bool IsNull() const { return type_ == Type::kNull; }
  bool IsBool() const { return type_ == Type::kBool; }
  bool IsNumber() const { return type_ == Type::kNumber; }
  bool IsString() const { return type_ == Type::kString; }
  bool IsArray() const { return type_ == Type::kArray; }
  bool IsObject() const { return type_ == Type::kObject; }

  // The value if it has this type, otherwise `fallback`.
  bool AsBool(bool fallback = false) const { return IsBool() ? bool_ : fallback; }
  double AsNumber(double fallback = 0) const { return IsNumber() ? number_ : fallback; }
  std::string_view AsString(std::string_view fallback = {}) const;

  // An integral number in [min, max], or nullopt (not a number, fractional, out of range).
  std::optional<int64_t> AsInteger(int64_t min, int64_t max) const;

  // The member named `key` of an object (the last one, if repeated, as most parsers do).
  const Value& operator[](std::string_view key) const;
  // True when this is an object with a member named `key`.
  bool Contains(std::string_view key) const;

  // The elements of an array (empty for other types).
  const std::vector<Value>& Items() const;
  // The members of an object in document order (empty for other types).
  const std::vector<Member>& Members() const;

  // Builders used by the parser and by code that makes JSON to print.
  void Push(Value item);
  void Set(std::string key, Value value);

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<Value> items_;
  std::vector<Member> members_;
};

// A named member of an object.
struct Member {
  std::string key;
  Value value;
};

// Limits that keep hostile documents cheap.
struct ParseOptions {
  size_t max_depth = 64;
};

// The outcome of Parse: a value, or an error message with the byte offset where it was found.
struct ParseResult {
  Value value;
  std::string error;
  size_t error_offset = 0;
  bool ok() const { return error.empty(); }
};

// Parses one JSON document (RFC 8259) surrounded by optional whitespace.
ParseResult Parse(std::string_view text, const ParseOptions& options = {});

class Document;
struct MemberView;

// A value inside a Document: a handle of two words, copied freely. Lookups on the wrong type
// or a missing key give a null view, as with Value.
class View {
 public:
  View() = default;

  Type type() const;
  bool IsNull() const { return type() == Type::kNull; }
  bool IsBool() const { return type() == Type::kBool; }
  bool IsNumber() const { return type() == Type::kNumber; }
  bool IsString() const { return type() == Type::kString; }
  bool IsArray() const { return type() == Type::kArray; }
  bool IsObject() const { return type() == Type::kObject; }

  // The value if it has this type, otherwise `fallback`. Strings view the document's input (or
  // its own buffer for strings that had escapes or malformed UTF-8) and live as long as both.
  bool AsBool(bool fallback = false) const;
  double AsNumber(double fallback = 0) const;
  std::string_view AsString(std::string_view fallback = {}) const;
  std::optional<int64_t> AsInteger(int64_t min, int64_t max) const;

  // The member named `key` of an object (the last one, if repeated, as Value does).
  View operator[](std::string_view key) const;
  // The number of elements of an array or members of an object (0 for other types).
  size_t size() const;

  // Forward iteration over an array's elements (Item = View) or an object's members.
  template <typename Item>
  class Range {
   public:
    class Iterator {
     public:
      Item operator*() const;
      Iterator& operator++();
      bool operator!=(const Iterator& other) const { return index_ != other.index_; }

     private:
      friend class Range;
      Iterator(const Document* document, uint32_t index) : document_(document), index_(index) {}
      const Document* document_;
      uint32_t index_;
    };
    Iterator begin() const { return Iterator(document_, begin_); }
    Iterator end() const { return Iterator(document_, end_); }

   private:
    friend class View;
    Range(const Document* document, uint32_t begin, uint32_t end)
        : document_(document), begin_(begin), end_(end) {}
    const Document* document_;
    uint32_t begin_;
    uint32_t end_;
  };

  // The elements of an array (empty for other types).
  Range<View> Items() const;
  // The members of an object in document order (empty for other types).
  Range<MemberView> Members() const;

 private:
  friend class Document;
  View(const Document* document, uint32_t index) : document_(document), index_(index) {}
  const Document* document_ = nullptr;  // null for the null view
  uint32_t index_ = 0;
};

// One member of an object, as View::Members() yields them.
struct MemberView {
  std::string_view key;
  View value;
};

// A parsed document for hot paths (a thread of thousands of comments): one flat array of
// nodes, strings viewed in the input text, so parsing allocates a few growing buffers rather
// than a string, a vector or two per value as Value does. It reads exactly what Parse reads
// (the same grammar, limits, errors and offsets). The input text must outlive the Document,
// which can be neither copied nor moved, so the views it hands out stay valid while it lives.
class Document {
 public:
  explicit Document(std::string_view text, const ParseOptions& options = {});
  // A document read from a tape rather than JSON text (see kTape below).
  struct Tape {};
  Document(Tape, std::string_view tape, const ParseOptions& options = {});
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  size_t error_offset() const { return error_offset_; }
  // The top-level value; a null view when parsing failed.
  View root() const { return ok() ? View(this, 0) : View(); }

 private:
  friend class View;
  friend class DocumentParser;
  friend class TapeReader;

  // One value. Containers are followed by their contents (an object's as key, value, key,
  // value, ...), so `next` (the index just past the value's last node) skips a whole subtree.
  struct Node {
    Type type = Type::kNull;
    bool in_input = false;  // a string whose text is the input's bytes at [first, first + second)
    uint32_t next = 0;
    uint32_t first = 0;   // bool: 0 or 1; number: index in numbers_; string: offset; container: size
    uint32_t second = 0;  // string: length in bytes
  };

  const Node& NodeAt(uint32_t index) const { return nodes_[index]; }
  std::string_view TextOf(const Node& node) const;

  std::string_view text_;
  std::vector<Node> nodes_;
  std::vector<double> numbers_;
  std::string decoded_;  // the text of strings that had escapes or malformed UTF-8
  std::string error_;
  size_t error_offset_ = 0;
};

// A tape is a JSON value already parsed by JavaScript, in the form the reading WebAssembly
// module takes instead of JSON text, so that the reader's download carries no JSON text parser
// (widget/parley-core.mjs writes it; json_tape.cpp reads it). Little-endian 32-bit words: their
// count, then the values in pre-order, each a tag and its data: 0 null, 1 false, 2 true,
// 3 a number (two words: the IEEE double's low and high halves), 4 a string (its length in
// UTF-16 code units), 5 an array (its element count, then the elements), 6 an object (its
// member count, then per member the key's length in UTF-16 code units and the value). After the
// words, every string (keys included) in order, as UTF-8, one after another. The Document it
// gives equals the one a parse of the same value as JSON text gives; a malformed tape is an
// error as a malformed text is.
inline constexpr Document::Tape kTape{};

// Iteration steps, defined in json.cpp for the two kinds of range.
template <>
View View::Range<View>::Iterator::operator*() const;
template <>
View::Range<View>::Iterator& View::Range<View>::Iterator::operator++();
template <>
MemberView View::Range<MemberView>::Iterator::operator*() const;
template <>
View::Range<MemberView>::Iterator& View::Range<MemberView>::Iterator::operator++();

// Appends `text` as a JSON string literal: quoted, escaped, valid UTF-8 (U+FFFD for bad bytes).
void AppendQuoted(std::string* out, std::string_view text);

// Appends a JSON number: integers exactly, other values rounded to six decimals.
void AppendNumber(std::string* out, double value);

// Serialises `value` compactly (no spaces), members in document order.
std::string Serialize(const Value& value);

}  // namespace parley::json
