#include "parley/json.h"

#include <cmath>

#include "parley/utf8.h"

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

// A recursive-descent parser whose recursion is bounded by ParseOptions::max_depth.
class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options) : text_(text), options_(options) {}

  ParseResult Run() {
    ParseResult result;
    SkipWhitespace();
    if (!ParseValue(&result.value, 0)) {
      result.error = error_;
      result.error_offset = error_offset_;
      result.value = Value();
      return result;
    }
    SkipWhitespace();
    if (pos_ != text_.size()) {
      result.error = "unexpected text after the JSON value";
      result.error_offset = pos_;
      result.value = Value();
    }
    return result;
  }

 private:
  bool Fail(std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_offset_ = pos_;
    }
    return false;
  }

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }

  void SkipWhitespace() {
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

  bool ParseValue(Value* out, size_t depth) {
    if (AtEnd()) return Fail("unexpected end of input");
    switch (Peek()) {
      case '{': return ParseObject(out, depth);
      case '[': return ParseArray(out, depth);
      case '"': {
        std::string text;
        if (!ParseString(&text)) return false;
        *out = Value::String(std::move(text));
        return true;
      }
      case 't': *out = Value::Bool(true); return ConsumeWord("true");
      case 'f': *out = Value::Bool(false); return ConsumeWord("false");
      case 'n': *out = Value(); return ConsumeWord("null");
      default: return ParseNumber(out);
    }
  }

  bool Enter(size_t depth) {
    if (depth >= options_.max_depth) return Fail("nesting is too deep");
    ++pos_;  // the opening bracket
    SkipWhitespace();
    return true;
  }

  bool ParseArray(Value* out, size_t depth) {
    if (!Enter(depth)) return false;
    *out = Value::Array();
    if (!AtEnd() && Peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      Value item;
      SkipWhitespace();
      if (!ParseValue(&item, depth + 1)) return false;
      out->Push(std::move(item));
      SkipWhitespace();
      if (AtEnd()) return Fail("unterminated array");
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == ']') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or ']' in array");
    }
  }

  bool ParseObject(Value* out, size_t depth) {
    if (!Enter(depth)) return false;
    *out = Value::Object();
    if (!AtEnd() && Peek() == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipWhitespace();
      if (AtEnd() || Peek() != '"') return Fail("expected a string key in object");
      std::string key;
      if (!ParseString(&key)) return false;
      SkipWhitespace();
      if (AtEnd() || Peek() != ':') return Fail("expected ':' after object key");
      ++pos_;
      SkipWhitespace();
      Value value;
      if (!ParseValue(&value, depth + 1)) return false;
      out->Set(std::move(key), std::move(value));
      SkipWhitespace();
      if (AtEnd()) return Fail("unterminated object");
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == '}') {
        ++pos_;
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

  bool ParseString(std::string* out) {
    ++pos_;  // the opening quote
    while (true) {
      // Copy the run of plain bytes at once; validate its UTF-8 as we go.
      const size_t run_start = pos_;
      while (!AtEnd()) {
        const unsigned char c = static_cast<unsigned char>(Peek());
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++pos_;
      }
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

  bool ParseNumber(Value* out) {
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
    *out = Value::Number(DecimalToDouble(text_.substr(start, pos_ - start)));
    if (!std::isfinite(out->AsNumber())) return Fail("number is out of range");
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

  std::string_view text_;
  const ParseOptions& options_;
  size_t pos_ = 0;
  std::string error_;
  size_t error_offset_ = 0;
};

}  // namespace

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
  if (!IsNumber() || std::floor(number_) != number_) return std::nullopt;
  if (number_ < static_cast<double>(min) || number_ > static_cast<double>(max)) return std::nullopt;
  return static_cast<int64_t>(number_);
}

const Value& Value::operator[](std::string_view key) const {
  for (auto member = members_.rbegin(); member != members_.rend(); ++member) {
    if (member->key == key) return member->value;
  }
  return NullValue();
}

bool Value::Contains(std::string_view key) const {
  for (const Member& member : members_) {
    if (member.key == key) return true;
  }
  return false;
}

const std::vector<Value>& Value::Items() const { return IsArray() ? items_ : NoItems(); }

const std::vector<Member>& Value::Members() const { return IsObject() ? members_ : NoMembers(); }

void Value::Push(Value item) { items_.push_back(std::move(item)); }

void Value::Set(std::string key, Value value) {
  members_.push_back(Member{std::move(key), std::move(value)});
}

ParseResult Parse(std::string_view text, const ParseOptions& options) {
  return Parser(text, options).Run();
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
