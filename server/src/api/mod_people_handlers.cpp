// A commenter's history across threads, and bans (the same bans `parley ban` manages, which
// the post, edit, vote and flag paths check on every request).
#include <nlohmann/json.hpp>
#include <set>

#include "api/mod_handlers.h"
#include "api/mod_support.h"
#include "api/request_checks.h"
#include "identity/guest_fields.h"
#include "parley/utf8.h"

namespace parley::api {

namespace {

constexpr int64_t kHistoryLimit = 200;
constexpr int64_t kMaxBanDays = 36500;
constexpr size_t kMaxBanValueBytes = 256;

nlohmann::json BanJson(const storage::Ban& ban) {
  return {{"kind", storage::BanKindName(ban.kind)},
          {"value", ban.value},
          {"reason", ban.reason},
          {"created", ban.created},
          {"expires", ban.expires.empty() ? nlohmann::json(nullptr) : nlohmann::json(ban.expires)}};
}

bool IsHex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return !text.empty();
}

// The stored value of a ban as a moderator names it: emails normalised; IP addresses hashed
// as the server stores them, or given as "hash:<ipHash>" from a comment's private data.
std::optional<ApiResponse> StoredBanValue(const ApiContext& context, storage::BanKind kind,
                                          const std::string& given, std::string* value) {
  if (given.empty() || given.size() > kMaxBanValueBytes || !utf8::IsValid(given)) {
    return ErrorResponse(400, "invalid_request", "The field 'value' must be 1 to 256 bytes.");
  }
  switch (kind) {
    case storage::BanKind::kIdentity:
      *value = given;
      return std::nullopt;
    case storage::BanKind::kEmail: {
      identity::FieldResult email = identity::NormalizeEmail(given);
      if (!email.ok() || email.value.empty()) {
        return ErrorResponse(400, "invalid_email", email.ok() ? "Give an email address." : email.error);
      }
      *value = email.value;
      return std::nullopt;
    }
    case storage::BanKind::kIp:
      if (given.compare(0, 5, "hash:") == 0) {
        if (!IsHex(given.substr(5))) {
          return ErrorResponse(400, "invalid_request", "An IP hash is hexadecimal: hash:<ipHash>.");
        }
        *value = given.substr(5);
      } else {
        *value = HashIp(context, given);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

ApiResponse ModPerson(const ApiRequest& request, const ApiContext& context) {
  const std::string& identity_id = request.path_params.at(0);
  std::vector<storage::StoredComment> comments =
      context.store->ListByAuthor(identity_id, kHistoryLimit);
  nlohmann::json list = nlohmann::json::array();
  std::set<std::pair<storage::BanKind, std::string>> keys = {
      {storage::BanKind::kIdentity, identity_id}};
  for (const storage::StoredComment& comment : comments) {
    list.push_back(ModeratorComment(context, comment));
    if (!comment.author_email.empty()) keys.insert({storage::BanKind::kEmail, comment.author_email});
    if (!comment.ip_hash.empty()) keys.insert({storage::BanKind::kIp, comment.ip_hash});
  }
  nlohmann::json bans = nlohmann::json::array();
  for (const storage::Ban& ban : context.store->ListBans()) {
    if (keys.count({ban.kind, ban.value}) > 0) bans.push_back(BanJson(ban));
  }
  ApiResponse response =
      JsonResponse(200, {{"identity", identity_id}, {"comments", list}, {"bans", bans}});
  response.headers.emplace("Cache-Control", "no-store");
  return response;
}

ApiResponse ModListBans(const ApiRequest&, const ApiContext& context) {
  nlohmann::json bans = nlohmann::json::array();
  for (const storage::Ban& ban : context.store->ListBans()) bans.push_back(BanJson(ban));
  ApiResponse response = JsonResponse(200, {{"bans", bans}});
  response.headers.emplace("Cache-Control", "no-store");
  return response;
}

ApiResponse ModAddBan(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  FieldReader reader(parsed.value, "");
  std::optional<std::string> kind_name = reader.String("kind", true);
  std::optional<std::string> given = reader.String("value", true);
  std::optional<std::string> reason = reader.String("reason", false);
  std::optional<int64_t> days = reader.Integer("days", false);
  if (reader.error()) return *reader.error();
  std::optional<storage::BanKind> kind = storage::ParseBanKind(*kind_name);
  if (!kind) return ErrorResponse(400, "invalid_request", "kind must be identity, email or ip.");
  if (days && (*days < 1 || *days > kMaxBanDays)) {
    return ErrorResponse(400, "invalid_request", "days must be from 1 to 36500 (absent: permanent).");
  }
  std::string clean_reason = utf8::Sanitize(reason.value_or(""));
  if (CharacterCount(clean_reason) > 500) {
    return ErrorResponse(400, "invalid_request", "The reason is too long: at most 500 characters.");
  }
  storage::Ban ban;
  ban.kind = *kind;
  if (auto error = StoredBanValue(context, *kind, *given, &ban.value)) return *error;
  int64_t now = context.clock->Now();
  ban.reason = clean_reason;
  ban.created = clock::FormatRfc3339(now);
  if (days) ban.expires = clock::FormatRfc3339(now + *days * 86400);
  context.store->AddBan(ban);
  Audit(context, request.moderator, "ban", std::string(storage::BanKindName(ban.kind)) + ":" + ban.value,
        ban.reason, {{"expires", ban.expires.empty() ? nlohmann::json(nullptr) : nlohmann::json(ban.expires)}});
  return JsonResponse(201, {{"ban", BanJson(ban)}});
}

ApiResponse ModRemoveBan(const ApiRequest& request, const ApiContext& context) {
  std::optional<storage::BanKind> kind = storage::ParseBanKind(request.path_params.at(0));
  if (!kind) return ErrorResponse(400, "invalid_request", "kind must be identity, email or ip.");
  const std::string& given = request.path_params.at(1);
  // The listing shows IP bans by their hash; a raw address or "hash:..." works too.
  std::vector<std::string> candidates = {given};
  std::string stored;
  if (!StoredBanValue(context, *kind, given, &stored) && stored != given) {
    candidates.push_back(stored);
  }
  for (const std::string& value : candidates) {
    if (context.store->RemoveBan(*kind, value)) {
      Audit(context, request.moderator, "unban",
            std::string(storage::BanKindName(*kind)) + ":" + value, "");
      return NoContent();
    }
  }
  return ErrorResponse(404, "ban_not_found", "There is no such ban.");
}

}  // namespace parley::api
