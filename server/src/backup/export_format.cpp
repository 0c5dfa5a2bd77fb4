#include "backup/export_format.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>

#include "api/comment_view.h"
#include "api/request_checks.h"
#include "clock/clock.h"
#include "identity/guest_fields.h"
#include "parley/utf8.h"

namespace parley::backup {

namespace {

constexpr int kFormatVersion = 1;
constexpr size_t kMaxIdBytes = 128;
constexpr size_t kMaxReportedErrors = 20;

nlohmann::json ExportComment(const storage::StoredComment& comment) {
  // The model without bodyHtml, which is derived from the body and rendered again when read.
  nlohmann::json json = api::CommentModel(comment);
  json["private"] = {{"email", comment.author_email}, {"ipHash", comment.ip_hash}};
  return json;
}

// Collects problems, keeping the first few in full and counting the rest.
class Problems {
 public:
  void Add(std::string message) {
    ++count_;
    if (errors_.size() < kMaxReportedErrors) errors_.push_back(std::move(message));
  }
  std::vector<std::string> Take() {
    if (count_ > errors_.size()) {
      errors_.push_back("... and " + std::to_string(count_ - errors_.size()) + " more problems");
    }
    return std::move(errors_);
  }

 private:
  std::vector<std::string> errors_;
  size_t count_ = 0;
};

std::string Text(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool IsPlainId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes || !utf8::IsValid(id)) return false;
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  }
  return true;
}

// Reads one comment of thread `thread`; reports problems under `where`.
std::optional<storage::StoredComment> ReadComment(const nlohmann::json& json,
                                                  const std::string& thread,
                                                  const std::string& where, Problems* problems) {
  if (!json.is_object()) {
    problems->Add(where + ": not an object");
    return std::nullopt;
  }
  storage::StoredComment comment;
  comment.thread = thread;
  comment.id = Text(json, "id");
  if (!IsPlainId(comment.id)) {
    problems->Add(where + ": 'id' must be a string of 1 to 128 bytes without control characters");
    return std::nullopt;
  }
  std::string label = where + " (" + comment.id + ")";
  comment.parent = Text(json, "parent");
  if (json.contains("parent") && !json["parent"].is_null() && !IsPlainId(comment.parent)) {
    problems->Add(label + ": 'parent' must be a comment id or null");
  }
  std::optional<storage::CommentStatus> status = storage::ParseStatus(Text(json, "status"));
  if (!status) {
    problems->Add(label + ": 'status' must be published, pending, rejected or deleted");
    return std::nullopt;
  }
  comment.status = *status;
  const nlohmann::json author = json.value("author", nlohmann::json::object());
  if (!author.is_object()) {
    problems->Add(label + ": 'author' must be an object");
    return std::nullopt;
  }
  identity::FieldResult name = identity::NormalizeDisplayName(Text(author, "name"));
  if (name.ok()) {
    comment.author_name = name.value;
  } else if (comment.status != storage::CommentStatus::kDeleted) {
    problems->Add(label + ": author.name: " + name.error);
  }
  comment.author_id = Text(author, "id");
  if (!comment.author_id.empty() && !IsPlainId(comment.author_id)) {
    problems->Add(label + ": author.id is not a plain id");
  }
  if (auto badges = author.find("badges"); badges != author.end() && badges->is_array()) {
    for (const auto& badge : *badges) {
      std::string value = badge.is_string() ? badge.get<std::string>() : "";
      if (value == "staff" || value == "verified" || value == "moderator") {
        comment.author_badges.push_back(value);
      }
    }
  }
  identity::FieldResult website = identity::NormalizeWebsite(Text(author, "website"));
  if (!website.ok()) problems->Add(label + ": author.website: " + website.error);
  comment.author_website = website.value;
  auto body = json.find("body");
  if (body == json.end() || !body->is_string()) {
    problems->Add(label + ": 'body' must be a string");
    return std::nullopt;
  }
  comment.body = utf8::Sanitize(body->get<std::string>());
  std::optional<int64_t> created = clock::ParseRfc3339(Text(json, "created"));
  if (!created) {
    problems->Add(label + ": 'created' must be an RFC 3339 date-time");
    return std::nullopt;
  }
  comment.created = clock::FormatRfc3339(*created);
  if (json.contains("edited") && !json["edited"].is_null()) {
    std::optional<int64_t> edited = clock::ParseRfc3339(Text(json, "edited"));
    if (!edited) problems->Add(label + ": 'edited' must be an RFC 3339 date-time or null");
    if (edited) comment.edited = clock::FormatRfc3339(*edited);
  }
  const nlohmann::json score = json.value("score", nlohmann::json::object());
  for (const char* key : {"up", "down"}) {
    auto value = score.is_object() ? score.find(key) : score.end();
    if (score.is_object() && value != score.end()) {
      if (!value->is_number_integer() || value->get<int64_t>() < 0) {
        problems->Add(label + ": score." + key + " must be a non-negative integer");
      } else {
        (std::string(key) == "up" ? comment.up : comment.down) = value->get<int64_t>();
      }
    }
  }
  comment.pinned = json.value("pinned", false) == true;
  const nlohmann::json hidden = json.value("private", nlohmann::json::object());
  if (hidden.is_object()) {
    identity::FieldResult email = identity::NormalizeEmail(Text(hidden, "email"));
    comment.author_email = email.ok() ? email.value : "";
    std::string ip_hash = Text(hidden, "ipHash");
    if (ip_hash.size() <= 64 &&
        ip_hash.find_first_not_of("0123456789abcdef") == std::string::npos) {
      comment.ip_hash = ip_hash;
    }
  }
  return comment;
}

// Orders a thread's comments so every parent precedes its replies (keeping the file's order
// otherwise). Replies to ids not in the file are left for the store to resolve.
std::vector<storage::StoredComment> ParentsFirst(std::vector<storage::StoredComment> comments,
                                                 const std::string& thread, Problems* problems) {
  std::unordered_map<std::string, size_t> index_of;
  for (size_t i = 0; i < comments.size(); ++i) index_of.emplace(comments[i].id, i);
  enum class Mark { kNone, kVisiting, kDone };
  std::vector<Mark> marks(comments.size(), Mark::kNone);
  std::vector<size_t> order;
  order.reserve(comments.size());
  for (size_t start = 0; start < comments.size(); ++start) {
    // Walk up to the first ancestor not yet placed, then place the chain top-down.
    std::vector<size_t> chain;
    size_t at = start;
    bool cycle = false;
    for (;;) {
      if (marks[at] == Mark::kDone) break;
      if (marks[at] == Mark::kVisiting) {
        cycle = true;
        break;
      }
      marks[at] = Mark::kVisiting;
      chain.push_back(at);
      auto parent = index_of.find(comments[at].parent);
      if (comments[at].parent.empty() || parent == index_of.end()) break;
      at = parent->second;
    }
    if (cycle) {
      problems->Add("thread '" + thread + "': comment '" + comments[at].id +
                    "' is its own ancestor (a reply cycle)");
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      marks[*it] = Mark::kDone;
      order.push_back(*it);
    }
  }
  std::vector<storage::StoredComment> ordered;
  ordered.reserve(comments.size());
  for (size_t index : order) ordered.push_back(std::move(comments[index]));
  return ordered;
}

}  // namespace

void WriteExport(storage::Store* store, std::string_view exported_at, std::ostream& out) {
  out << "{\"parley\":\"export\",\"version\":" << kFormatVersion
      << ",\"exported\":" << nlohmann::json(exported_at).dump() << ",\"threads\":[";
  bool first = true;
  store->ForEachThread(
      [&](const storage::ThreadInfo& thread, const std::vector<storage::StoredComment>& comments) {
        nlohmann::json entry = {{"id", thread.key}, {"created", thread.created}};
        nlohmann::json list = nlohmann::json::array();
        for (const storage::StoredComment& comment : comments)
          list.push_back(ExportComment(comment));
        entry["comments"] = std::move(list);
        out << (first ? "\n" : ",\n") << api::DumpJson(entry);
        first = false;
      });
  out << "\n]}\n";
}

ParsedImport ReadExport(std::string_view text) {
  ParsedImport result;
  Problems problems;
  nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    result.errors.push_back("the file is not a JSON object");
    return result;
  }
  if (document.value("parley", "") != "export" || !document.contains("threads") ||
      !document["threads"].is_array()) {
    result.errors.push_back(
        "the file is not a Parley export (expected {\"parley\": \"export\", \"threads\": [...]})");
    return result;
  }
  if (document.value("version", 0) != kFormatVersion) {
    result.errors.push_back("unsupported export version (this program reads version 1)");
    return result;
  }
  std::unordered_map<std::string, std::string> thread_of_id;
  const nlohmann::json& threads = document["threads"];
  for (size_t t = 0; t < threads.size(); ++t) {
    const nlohmann::json& thread = threads[t];
    std::string where = "threads[" + std::to_string(t) + "]";
    std::string key = thread.is_object() ? Text(thread, "id") : "";
    if (api::CheckThreadKey(key)) {
      problems.Add(where + ": 'id' must be a thread id (1 to 256 bytes, no control characters)");
      continue;
    }
    if (!thread.contains("comments") || !thread["comments"].is_array()) {
      problems.Add(where + " (" + key + "): 'comments' must be an array");
      continue;
    }
    ++result.threads;
    std::vector<storage::StoredComment> comments;
    const nlohmann::json& list = thread["comments"];
    for (size_t c = 0; c < list.size(); ++c) {
      std::string comment_where = where + ".comments[" + std::to_string(c) + "]";
      std::optional<storage::StoredComment> comment =
          ReadComment(list[c], key, comment_where, &problems);
      if (!comment) continue;
      auto [existing, added] = thread_of_id.emplace(comment->id, key);
      if (!added) {
        problems.Add(comment_where + ": the id '" + comment->id + "' appears twice");
        continue;
      }
      comments.push_back(std::move(*comment));
    }
    for (storage::StoredComment& comment : comments) {
      auto parent = thread_of_id.find(comment.parent);
      if (!comment.parent.empty() && parent != thread_of_id.end() && parent->second != key) {
        problems.Add("comment '" + comment.id + "' replies to '" + comment.parent +
                     "' in another thread");
      }
    }
    for (storage::StoredComment& comment : ParentsFirst(std::move(comments), key, &problems)) {
      result.comments.push_back(std::move(comment));
    }
  }
  result.errors = problems.Take();
  return result;
}

}  // namespace parley::backup
