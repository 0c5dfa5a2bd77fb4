#include "parley/json.h"

#include <cmath>
#include <cstring>

#include "parley/utf8.h"
#include "text/hot.h"

namespace parley::json {

namespace {

const Value& NullValue() {
  static const Value null;
  return null;
}

const std::vector<Value>& NoItems() {
  static const std::vector<Value> none;
  return none;
}

const std::vector<Member>& NoMembers() {
  static const std::vector<Member> none;
  return none;
}

// `number` as an integer in [min, max], or nullopt (fractional or out of range).
std::optional<int64_t> IntegerIn(double number, int64_t min, int64_t max) {
  if (std::floor(number) != number) return std::nullopt;
  if (number < static_cast<double>(min) || number > static_cast<double>(max)) return std::nullopt;
  return static_cast<int64_t>(number);
}

}  // namespace

// A recursive-descent parser whose recursion is bounded by ParseOptions::max_depth. It writes
// the Document's nodes in document order; strings without escapes or malformed UTF-8 (nearly
// all of them) are not copied, only located.
class DocumentParser {
 public:
  DocumentParser(Document* document, const ParseOptions& options)
      : document_(*document),
        text_(document->text_),
        data_(text_.data()),
        size_(text_.size()),
        options_(options) {}

  void Run() {
    if (text_.size() >= UINT32_MAX) {
      Fail("the document is too large");
    } else {
      SkipWhitespace();
      if (ParseValue(0)) {
        SkipWhitespace();
        if (pos_ != text_.size()) Fail("unexpected text after the JSON value");
      }
    }
    if (!error_.empty()) {
      document_.error_ = std::move(error_);
      document_.error_offset_ = error_offset_;
      document_.nodes_.clear();
      document_.numbers_.clear();
      document_.decoded_.clear();
    }
  }

 private:
  using Node = Document::Node;

  bool Fail(std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_offset_ = pos_;
    }
    return false;
  }

  // The helpers below run for every byte or value: forced inline (text/hot.h explains why).
  PARLEY_HOT bool AtEnd() const { return pos_ >= size_; }
  PARLEY_HOT char Peek() const { return data_[pos_]; }

  PARLEY_HOT static uint32_t U32(size_t value) { return static_cast<uint32_t>(value); }

  // Appends a node and returns its index; `next` is set once the value is complete.
  PARLEY_HOT uint32_t Add(Type type, uint32_t first = 0, uint32_t second = 0) {
    Node node;
    node.type = type;
    node.first = first;
    node.second = second;
    document_.nodes_.push_back(node);
    return U32(document_.nodes_.size() - 1);
  }

  PARLEY_HOT void Close(uint32_t index) { document_.nodes_[index].next = U32(document_.nodes_.size()); }

  PARLEY_HOT void SkipWhitespace() {
    while (!AtEnd()) {
      const char c = Peek();
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool ConsumeWord(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Fail("invalid literal");
    pos_ += word.size();
    return true;
  }

  bool Literal(Type type, uint32_t first, std::string_view word) {
    Close(Add(type, first));
    return ConsumeWord(word);
  }

  bool ParseValue(size_t depth) {
    if (AtEnd()) return Fail("unexpected end of input");
    switch (Peek()) {
      case '{': return ParseObject(depth);
      case '[': return ParseArray(depth);
      case '"': return ParseString();
      case 't': return Literal(Type::kBool, 1, "true");
      case 'f': return Literal(Type::kBool, 0, "false");
      case 'n': return Literal(Type::kNull, 0, "null");
      default: return ParseNumber();
    }
  }

  bool Enter(size_t depth) {
    if (depth >= options_.max_depth) return Fail("nesting is too deep");
    ++pos_;  // the opening bracket
    SkipWhitespace();
    return true;
  }

  bool ParseArray(size_t depth) {
    if (!Enter(depth)) return false;
    const uint32_t array = Add(Type::kArray);
    uint32_t count = 0;
    if (!AtEnd() && Peek() == ']') {
      ++pos_;
      Close(array);
      return true;
    }
    while (true) {
      SkipWhitespace();
      if (!ParseValue(depth + 1)) return false;
      ++count;
      SkipWhitespace();
      if (AtEnd()) return Fail("unterminated array");
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == ']') {
        ++pos_;
        document_.nodes_[array].first = count;
        Close(array);
        return true;
      }
      return Fail("expected ',' or ']' in array");
    }
  }

  bool ParseObject(size_t depth) {
    if (!Enter(depth)) return false;
    const uint32_t object = Add(Type::kObject);
    uint32_t count = 0;
    if (!AtEnd() && Peek() == '}') {
      ++pos_;
      Close(object);
      return true;
    }
    while (true) {
      SkipWhitespace();
      if (AtEnd() || Peek() != '"') return Fail("expected a string key in object");
      if (!ParseString()) return false;
      SkipWhitespace();
      if (AtEnd() || Peek() != ':') return Fail("expected ':' after object key");
      ++pos_;
      SkipWhitespace();
      if (!ParseValue(depth + 1)) return false;
      ++count;
      SkipWhitespace();
      if (AtEnd()) return Fail("unterminated object");
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == '}') {
        ++pos_;
        document_.nodes_[object].first = count;
        Close(object);
        return true;
      }
      return Fail("expected ',' or '}' in object");
    }
  }

  static int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool ParseHex4(char32_t* out) {
    if (text_.size() - pos_ < 4) return Fail("truncated \\u escape");
    char32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = HexDigit(text_[pos_ + static_cast<size_t>(i)]);
      if (digit < 0) return Fail("invalid \\u escape");
      value = (value << 4) | static_cast<char32_t>(digit);
    }
    pos_ += 4;
    *out = value;
    return true;
  }

  // Advances over printable ASCII other than '"' and '\\', eight bytes at a time where it can:
  // comment bodies are long runs of such bytes, and this loop is most of the parser's time.
  PARLEY_HOT void SkipPlainAscii() {
    const char* const data = data_;
    while (size_ - pos_ >= 8) {
      const uint64_t block = hot::LoadEight(data + pos_);
      // High bit of a byte set when it is < 0x20, '"', '\\' or >= 0x80. A borrow can only
      // mark a byte after a genuine stop, so the lowest marked byte is always a real one.
      const uint64_t stops = hot::BytesBelow(block, 0x20) | hot::BytesEqual(block, '"') |
                             hot::BytesEqual(block, '\\') | (block & hot::kHighBits);
      if (stops != 0) {
        if (IsLittleEndian()) {
          pos_ += static_cast<size_t>(CountTrailingZeros(stops) / 8);
          return;
        }
        break;
      }
      pos_ += 8;
    }
    while (!AtEnd()) {
      const auto c = static_cast<unsigned char>(Peek());
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return;
      ++pos_;
    }
  }

  PARLEY_HOT static bool IsLittleEndian() {
    const uint16_t probe = 1;
    unsigned char first;
    std::memcpy(&first, &probe, 1);
    return first == 1;
  }

  PARLEY_HOT static int CountTrailingZeros(uint64_t value) { return __builtin_ctzll(value); }

  // Reads a string and adds its node. The common string (no escapes, valid UTF-8) becomes a
  // view of the input; the first escape or malformed byte switches to decoding into decoded_.
  bool ParseString() {
    ++pos_;  // the opening quote
    const size_t start = pos_;
    while (true) {
      SkipPlainAscii();
      if (AtEnd()) return Fail("unterminated string");
      const auto c = static_cast<unsigned char>(Peek());
      if (c == '"') {
        Close(Add(Type::kString, U32(start), U32(pos_ - start)));
        document_.nodes_.back().in_input = true;
        ++pos_;
        return true;
      }
      if (c < 0x20) return Fail("control character in string");
      if (c == '\\') break;
      const size_t at = pos_;
      if (utf8::Decode(text_, &pos_) == utf8::kReplacement &&
          (pos_ - at != 3 || text_.compare(at, 3, "\xEF\xBF\xBD") != 0)) {
        pos_ = at;  // malformed: decode from here on
        break;
      }
    }
    std::string& out = document_.decoded_;
    const size_t offset = out.size();
    out.append(text_, start, pos_ - start);
    if (!DecodeRest(&out)) return false;
    Close(Add(Type::kString, U32(offset), U32(out.size() - offset)));
    return true;
  }

  // Decodes the rest of a string from an escape or a malformed byte to its closing quote.
  bool DecodeRest(std::string* out) {
    while (true) {
      // Copy the run of plain bytes at once; validate its UTF-8 as we go.
      const size_t run_start = pos_;
      SkipPlainAscii();
      out->append(text_, run_start, pos_ - run_start);
      if (AtEnd()) return Fail("unterminated string");
      const unsigned char c = static_cast<unsigned char>(Peek());
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return Fail("control character in string");
      if (c >= 0x80) {
        const size_t start = pos_;
        const char32_t code_point = utf8::Decode(text_, &pos_);
        if (code_point == utf8::kReplacement) {
          utf8::Append(out, utf8::kReplacement);
        } else {
          out->append(text_, start, pos_ - start);
        }
        continue;
      }
      ++pos_;  // the backslash
      if (AtEnd()) return Fail("unterminated string");
      const char escape = Peek();
      ++pos_;
      switch (escape) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          char32_t code_point = 0;
          if (!ParseHex4(&code_point)) return false;
          if (code_point >= 0xD800 && code_point <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
            const size_t checkpoint = pos_;
            pos_ += 2;
            char32_t low = 0;
            if (!ParseHex4(&low)) return false;
            if (low >= 0xDC00 && low <= 0xDFFF) {
              code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = checkpoint;  // not a pair: the high half stands alone
            }
          }
          utf8::Append(out, code_point);  // lone surrogates become U+FFFD
          break;
        }
        default:
          --pos_;
          return Fail("invalid escape in string");
      }
    }
  }

  bool ParseNumber() {
    const size_t start = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (!AtEnd() && Peek() >= '0' && Peek() <= '9') ++pos_;
      return pos_ - from;
    };
    if (!AtEnd() && Peek() == '-') ++pos_;
    if (AtEnd()) return Fail("invalid number");
    if (Peek() == '0') {
      ++pos_;
    } else if (digits() == 0) {
      pos_ = start;
      return Fail("unexpected character");
    }
    if (!AtEnd() && Peek() == '.') {
      ++pos_;
      if (digits() == 0) return Fail("invalid number");
    }
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      ++pos_;
      if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++pos_;
      if (digits() == 0) return Fail("invalid number");
    }
    if (pos_ - start > 400) return Fail("number is too long");
    const double value = DecimalToDouble(text_.substr(start, pos_ - start));
    if (!std::isfinite(value)) return Fail("number is out of range");
    Close(Add(Type::kNumber, U32(document_.numbers_.size())));
    document_.numbers_.push_back(value);
    return true;
  }

  // Converts a JSON number already checked against the grammar. Exact for every integer up to
  // 2^53 and for decimals with at most 19 significant digits and small exponents (all that
  // comments and policies hold); beyond that within an ulp or two. Hand-written rather than
  // strtod, which costs the browser build ~8 KB, and identical in both builds.
  static double DecimalToDouble(std::string_view literal) {
    size_t i = 0;
    const bool negative = literal[0] == '-';
    if (negative) ++i;
    uint64_t mantissa = 0;
    int digits = 0;
    int64_t exponent = 0;
    auto take_digit = [&](char c, bool fraction) {
      if (digits < 19) {
        mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
        if (mantissa != 0) ++digits;
        if (fraction) --exponent;
      } else if (!fraction) {
        ++exponent;  // a digit past the 19th of the integer part scales the value
      }
    };
    for (; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i) take_digit(literal[i], false);
    if (i < literal.size() && literal[i] == '.') {
      for (++i; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i) take_digit(literal[i], true);
    }
    if (i < literal.size() && (literal[i] == 'e' || literal[i] == 'E')) {
      ++i;
      const bool negative_exponent = literal[i] == '-';
      if (literal[i] == '+' || literal[i] == '-') ++i;
      int64_t written = 0;
      for (; i < literal.size(); ++i) {
        if (written < 100000) written = written * 10 + (literal[i] - '0');
      }
      exponent += negative_exponent ? -written : written;
    }
    double value = static_cast<double>(mantissa);
    // Powers of ten up to 1e22 are exact doubles; one multiplication or division by an exact
    // power rounds once, which is what makes the common cases exact.
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                         1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (mantissa == 0) {
      value = 0;
    } else {
      while (exponent > 22 && std::isfinite(value)) {
        value *= 1e22;
        exponent -= 22;
      }
      while (exponent < -22 && value != 0) {
        value /= 1e22;
        exponent += 22;
      }
      if (exponent > 22) {
        value = HUGE_VAL;  // the loop stopped at infinity
      } else if (exponent < -22) {
        value = 0;  // the loop stopped at zero
      } else {
        value = exponent >= 0 ? value * kPowers[exponent] : value / kPowers[-exponent];
      }
    }
    return negative ? -value : value;
  }

  Document& document_;
  std::string_view text_;
  const char* data_;  // text_, unwrapped for the hot loops
  size_t size_;
  const ParseOptions& options_;
  size_t pos_ = 0;
  std::string error_;
  size_t error_offset_ = 0;
};

Value Value::Bool(bool value) {
  Value result;
  result.type_ = Type::kBool;
  result.bool_ = value;
  return result;
}

Value Value::Number(double value) {
  Value result;
  result.type_ = Type::kNumber;
  result.number_ = value;
  return result;
}

Value Value::String(std::string value) {
  Value result;
  result.type_ = Type::kString;
  result.string_ = std::move(value);
  return result;
}

Value Value::Array() {
  Value result;
  result.type_ = Type::kArray;
  return result;
}

Value Value::Object() {
  Value result;
  result.type_ = Type::kObject;
  return result;
}

std::string_view Value::AsString(std::string_view fallback) const {
  return IsString() ? std::string_view(string_) : fallback;
}

std::optional<int64_t> Value::AsInteger(int64_t min, int64_t max) const {
  if (!IsNumber()) return std::nullopt;
  return IntegerIn(number_, min, max);
}

const Value& Value::operator[](std::string_view key) const {
  for (auto member = members_.rbegin(); member != members_.rend(); ++member) {
    if (hot::Equal(member->key, key)) return member->value;
  }
  return NullValue();
}

bool Value::Contains(std::string_view key) const {
  for (const Member& member : members_) {
    if (hot::Equal(member.key, key)) return true;
  }
  return false;
}

const std::vector<Value>& Value::Items() const { return IsArray() ? items_ : NoItems(); }

const std::vector<Member>& Value::Members() const { return IsObject() ? members_ : NoMembers(); }

void Value::Push(Value item) { items_.push_back(std::move(item)); }

void Value::Set(std::string key, Value value) {
  members_.push_back(Member{std::move(key), std::move(value)});
}

Document::Document(std::string_view text, const ParseOptions& options) : text_(text) {
  DocumentParser(this, options).Run();
}

std::string_view Document::TextOf(const Node& node) const {
  const std::string_view source = node.in_input ? text_ : std::string_view(decoded_);
  return source.substr(node.first, node.second);
}

Type View::type() const { return document_ == nullptr ? Type::kNull : document_->NodeAt(index_).type; }

bool View::AsBool(bool fallback) const { return IsBool() ? document_->NodeAt(index_).first != 0 : fallback; }

double View::AsNumber(double fallback) const {
  return IsNumber() ? document_->numbers_[document_->NodeAt(index_).first] : fallback;
}

std::string_view View::AsString(std::string_view fallback) const {
  return IsString() ? document_->TextOf(document_->NodeAt(index_)) : fallback;
}

std::optional<int64_t> View::AsInteger(int64_t min, int64_t max) const {
  if (!IsNumber()) return std::nullopt;
  return IntegerIn(AsNumber(), min, max);
}

View View::operator[](std::string_view key) const {
  View found;
  for (const MemberView& member : Members()) {
    if (hot::Equal(member.key, key)) found = member.value;
  }
  return found;
}

size_t View::size() const {
  return IsArray() || IsObject() ? document_->NodeAt(index_).first : 0;
}

View::Range<View> View::Items() const {
  if (!IsArray()) return Range<View>(nullptr, 0, 0);
  return Range<View>(document_, index_ + 1, document_->NodeAt(index_).next);
}

View::Range<MemberView> View::Members() const {
  if (!IsObject()) return Range<MemberView>(nullptr, 0, 0);
  return Range<MemberView>(document_, index_ + 1, document_->NodeAt(index_).next);
}

template <>
View View::Range<View>::Iterator::operator*() const {
  return View(document_, index_);
}

template <>
View::Range<View>::Iterator& View::Range<View>::Iterator::operator++() {
  index_ = document_->NodeAt(index_).next;
  return *this;
}

template <>
MemberView View::Range<MemberView>::Iterator::operator*() const {
  return MemberView{document_->TextOf(document_->NodeAt(index_)), View(document_, index_ + 1)};
}

template <>
View::Range<MemberView>::Iterator& View::Range<MemberView>::Iterator::operator++() {
  index_ = document_->NodeAt(index_ + 1).next;  // past the key and the value's subtree
  return *this;
}

namespace {

// Depth is bounded by the parser's nesting limit.
Value ToValue(View view) {
  switch (view.type()) {
    case Type::kNull: return Value();
    case Type::kBool: return Value::Bool(view.AsBool());
    case Type::kNumber: return Value::Number(view.AsNumber());
    case Type::kString: return Value::String(std::string(view.AsString()));
    case Type::kArray: {
      Value array = Value::Array();
      for (View item : view.Items()) array.Push(ToValue(item));
      return array;
    }
    case Type::kObject: {
      Value object = Value::Object();
      for (const MemberView& member : view.Members()) {
        object.Set(std::string(member.key), ToValue(member.value));
      }
      return object;
    }
  }
  return Value();
}

}  // namespace

// One grammar for both readers: the tree is made from a parsed Document.
ParseResult Parse(std::string_view text, const ParseOptions& options) {
  const Document document(text, options);
  ParseResult result;
  if (!document.ok()) {
    result.error = document.error();
    result.error_offset = document.error_offset();
    return result;
  }
  result.value = ToValue(document.root());
  return result;
}

void AppendQuoted(std::string* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x80) {
      const size_t start = pos;
      const char32_t code_point = utf8::Decode(text, &pos);
      if (code_point == utf8::kReplacement) {
        utf8::Append(out, utf8::kReplacement);
      } else if (code_point == 0x2028 || code_point == 0x2029) {
        // Legal in JSON but not in older JavaScript string literals; escape for safety.
        out->append(code_point == 0x2028 ? "\\u2028" : "\\u2029");
      } else {
        out->append(text, start, pos - start);
      }
      continue;
    }
    ++pos;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else if (c == '<') {
          // So JSON embedded in a <script> block can never close it.
          out->append("\\u003c");
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendNumber(std::string* out, double value) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
    out->append(std::to_string(static_cast<int64_t>(value)));
    return;
  }
  // Fractions (policy thresholds such as 0.7) are written with up to six decimals: enough for
  // every setting the core reads, and free of printf, which the browser build cannot afford.
  if (value < 0) {
    out->push_back('-');
    value = -value;
  }
  if (value >= 9007199254740992.0) {
    out->append("9007199254740992");
    return;
  }
  const auto scaled = static_cast<int64_t>(std::llround(value * 1e6));
  out->append(std::to_string(scaled / 1000000));
  std::string fraction = std::to_string(scaled % 1000000);
  fraction.insert(0, 6 - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!fraction.empty()) {
    out->push_back('.');
    out->append(fraction);
  }
}

namespace {

// Depth is bounded: a Value can only be made by Parse (capped) or by code building it.
void SerializeInto(std::string* out, const Value& value) {
  switch (value.type()) {
    case Type::kNull: out->append("null"); break;
    case Type::kBool: out->append(value.AsBool() ? "true" : "false"); break;
    case Type::kNumber: AppendNumber(out, value.AsNumber()); break;
    case Type::kString: AppendQuoted(out, value.AsString()); break;
    case Type::kArray: {
      out->push_back('[');
      bool first = true;
      for (const Value& item : value.Items()) {
        if (!first) out->push_back(',');
        first = false;
        SerializeInto(out, item);
      }
      out->push_back(']');
      break;
    }
    case Type::kObject: {
      out->push_back('{');
      bool first = true;
      for (const Member& member : value.Members()) {
        if (!first) out->push_back(',');
        first = false;
        AppendQuoted(out, member.key);
        out->push_back(':');
        SerializeInto(out, member.value);
      }
      out->push_back('}');
      break;
    }
  }
}

}  // namespace

std::string Serialize(const Value& value) {
  std::string out;
  SerializeInto(&out, value);
  return out;
}

}  // namespace parley::json
