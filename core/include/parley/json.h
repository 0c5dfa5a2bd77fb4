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

// Appends `text` as a JSON string literal: quoted, escaped, valid UTF-8 (U+FFFD for bad bytes).
void AppendQuoted(std::string* out, std::string_view text);

// Appends a JSON number: integers exactly, other values rounded to six decimals.
void AppendNumber(std::string* out, double value);

// Serialises `value` compactly (no spaces), members in document order.
std::string Serialize(const Value& value);

}  // namespace parley::json
