#include "api/page_cursor.h"

#include <vector>

#include "identity/crypto.h"

namespace parley::api {

namespace {

// Fields are joined by '|'; the id goes last so it may itself contain '|' (imported ids).
constexpr char kSeparator = '|';
constexpr std::string_view kVersion = "c1";

char SortLetter(storage::SortOrder sort) {
  switch (sort) {
    case storage::SortOrder::kNewest:
      return 'n';
    case storage::SortOrder::kBest:
      return 'b';
    case storage::SortOrder::kOldest:
      break;
  }
  return 'o';
}

std::optional<int64_t> ParseSigned(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

}  // namespace

std::string EncodePageCursor(const storage::PageCursor& cursor, storage::SortOrder sort) {
  std::string raw(kVersion);
  raw += kSeparator;
  raw += SortLetter(sort);
  raw += kSeparator;
  raw += cursor.pinned ? '1' : '0';
  raw += kSeparator;
  raw += std::to_string(cursor.rank);
  raw += kSeparator;
  raw += cursor.created;
  raw += kSeparator;
  raw += cursor.id;
  return identity::Base64UrlEncode(raw);
}

std::optional<storage::PageCursor> DecodePageCursor(std::string_view text,
                                                    storage::SortOrder sort) {
  if (text.size() > 2048) return std::nullopt;
  std::optional<std::string> raw = identity::Base64UrlDecode(text);
  if (!raw) return std::nullopt;
  std::vector<std::string_view> parts;
  std::string_view rest(*raw);
  for (int i = 0; i < 5; ++i) {
    size_t at = rest.find(kSeparator);
    if (at == std::string_view::npos) return std::nullopt;
    parts.push_back(rest.substr(0, at));
    rest.remove_prefix(at + 1);
  }
  parts.push_back(rest);
  if (parts[0] != kVersion || parts[1].size() != 1 || parts[1][0] != SortLetter(sort) ||
      (parts[2] != "0" && parts[2] != "1") || parts[4].empty() || parts[5].empty()) {
    return std::nullopt;
  }
  std::optional<int64_t> rank = ParseSigned(parts[3]);
  if (!rank) return std::nullopt;
  return storage::PageCursor{parts[2] == "1", *rank, std::string(parts[4]), std::string(parts[5])};
}

std::optional<storage::SortOrder> ParseSortOrder(std::string_view name) {
  if (name == "oldest") return storage::SortOrder::kOldest;
  if (name == "newest") return storage::SortOrder::kNewest;
  if (name == "best") return storage::SortOrder::kBest;
  return std::nullopt;
}

}  // namespace parley::api
