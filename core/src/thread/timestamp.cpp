#include "parley/thread/timestamp.h"

#include "../text/decimal.h"

namespace parley::thread {

namespace {

// Days from 1970-01-01 to the given civil date (proleptic Gregorian), valid for any year.
int64_t DaysFromCivil(int64_t year, int64_t month, int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct CivilTime {
  int64_t year, month, day, hour, minute, second;
};

CivilTime CivilFromUnixSeconds(int64_t seconds) {
  int64_t days = seconds / 86400;
  int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_index = (5 * day_of_year + 2) / 153;
  const int64_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const int64_t month = month_index < 10 ? month_index + 3 : month_index - 9;
  const int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day, rest / 3600, rest % 3600 / 60, rest % 60};
}

bool IsLeapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int64_t DaysInMonth(int64_t year, int64_t month) {
  static constexpr int64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` decimal digits at text[*pos].
bool ReadDigits(std::string_view text, size_t* pos, size_t count, int64_t* out) {
  if (text.size() - *pos < count) return false;
  int64_t value = 0;
  for (size_t i = 0; i < count; ++i) {
    const char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *pos += count;
  *out = value;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

}  // namespace

std::optional<Timestamp> ParseRfc3339(std::string_view text) {
  size_t pos = 0;
  int64_t year, month, day, hour, minute, second;
  if (!ReadDigits(text, &pos, 4, &year) || !Expect(text, &pos, '-') ||
      !ReadDigits(text, &pos, 2, &month) || !Expect(text, &pos, '-') ||
      !ReadDigits(text, &pos, 2, &day)) {
    return std::nullopt;
  }
  if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')) {
    return std::nullopt;
  }
  ++pos;
  if (!ReadDigits(text, &pos, 2, &hour) || !Expect(text, &pos, ':') ||
      !ReadDigits(text, &pos, 2, &minute) || !Expect(text, &pos, ':') ||
      !ReadDigits(text, &pos, 2, &second)) {
    return std::nullopt;
  }
  int64_t millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (size_t i = digits; i < 3; ++i) millis *= 10;
  }
  int64_t offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const bool negative = text[pos] == '-';
    ++pos;
    int64_t offset_hours, offset_mins;
    if (!ReadDigits(text, &pos, 2, &offset_hours) || !Expect(text, &pos, ':') ||
        !ReadDigits(text, &pos, 2, &offset_mins) || offset_hours > 23 || offset_mins > 59) {
      return std::nullopt;
    }
    offset_minutes = (offset_hours * 60 + offset_mins) * (negative ? -1 : 1);
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  // Second 60 is a leap second; it is read as the last second of its minute.
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 ||
      minute > 59 || second > 60) {
    return std::nullopt;
  }
  if (second == 60) second = 59;
  const int64_t seconds =
      DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
      offset_minutes * 60;
  return Timestamp{seconds * 1000 + millis};
}

namespace {

CivilTime CivilFromTimestamp(Timestamp time) {
  int64_t seconds = time.unix_ms / 1000;
  if (time.unix_ms % 1000 < 0) --seconds;  // floor, for instants before 1970
  return CivilFromUnixSeconds(seconds);
}

void AppendDate(std::string* out, const CivilTime& civil, char separator) {
  text::AppendDecimal(out, civil.year, 4);
  out->push_back('-');
  text::AppendDecimal(out, civil.month, 2);
  out->push_back('-');
  text::AppendDecimal(out, civil.day, 2);
  out->push_back(separator);
  text::AppendDecimal(out, civil.hour, 2);
  out->push_back(':');
  text::AppendDecimal(out, civil.minute, 2);
}

}  // namespace

void AppendRfc3339(std::string* out, Timestamp time) {
  const CivilTime civil = CivilFromTimestamp(time);
  AppendDate(out, civil, 'T');
  out->push_back(':');
  text::AppendDecimal(out, civil.second, 2);
  out->push_back('Z');
}

void AppendReadable(std::string* out, Timestamp time) {
  AppendDate(out, CivilFromTimestamp(time), ' ');
  out->append(" UTC");
}

std::string FormatRfc3339(Timestamp time) {
  std::string out;
  AppendRfc3339(&out, time);
  return out;
}

std::string FormatReadable(Timestamp time) {
  std::string out;
  AppendReadable(&out, time);
  return out;
}

}  // namespace parley::thread
