// Threads and site: thread settings, the discussion policy, the audit log and statistics.
#include <nlohmann/json.hpp>

#include "api/mod_handlers.h"
#include "api/mod_support.h"
#include "api/query_params.h"
#include "api/request_checks.h"
#include "moderation/moderation_mode.h"
#include "parley/utf8.h"

namespace parley::api {

namespace {

constexpr int64_t kMaxAutoCloseDays = 3650;
constexpr int64_t kDefaultAuditPage = 100;
constexpr int64_t kMaxAuditPage = 500;
// The setting a policy saved by a moderator is kept under; it wins over the configured one.
constexpr std::string_view kPolicySetting = "mod.policy";

nlohmann::json ThreadSettingsJson(const ApiContext& context, const std::string& thread,
                                  const storage::ThreadSettings& settings) {
  std::optional<storage::ThreadInfo> info = context.store->FindThread(thread);
  return {{"thread", thread},
          {"created", info ? nlohmann::json(info->created) : nlohmann::json(nullptr)},
          {"closed", settings.closed},
          {"moderation", settings.moderation.empty() ? nlohmann::json(nullptr)
                                                     : nlohmann::json(settings.moderation)},
          {"autoCloseDays", settings.auto_close_days > 0 ? nlohmann::json(settings.auto_close_days)
                                                         : nlohmann::json(nullptr)}};
}

ApiResponse NoStore(ApiResponse response) {
  response.headers.emplace("Cache-Control", "no-store");
  return response;
}

}  // namespace

ApiResponse ModGetThread(const ApiRequest& request, const ApiContext& context) {
  const std::string& thread = request.path_params.at(0);
  if (auto error = CheckThreadKey(thread)) return *error;
  return NoStore(JsonResponse(
      200, ThreadSettingsJson(context, thread, context.store->GetThreadSettings(thread))));
}

ApiResponse ModPatchThread(const ApiRequest& request, const ApiContext& context) {
  const std::string& thread = request.path_params.at(0);
  if (auto error = CheckThreadKey(thread)) return *error;
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  storage::ThreadSettings settings = context.store->GetThreadSettings(thread);
  const nlohmann::json& body = parsed.value;
  if (auto closed = body.find("closed"); closed != body.end()) {
    if (!closed->is_boolean()) {
      return ErrorResponse(400, "invalid_request", "The field 'closed' must be true or false.");
    }
    settings.closed = closed->get<bool>();
  }
  if (auto mode = body.find("moderation"); mode != body.end()) {
    if (mode->is_null()) {
      settings.moderation.clear();
    } else if (!mode->is_string() || !moderation::ParseModerationMode(mode->get<std::string>())) {
      return ErrorResponse(400, "invalid_request",
                           "The field 'moderation' must be post, pre, first, links or null.");
    } else {
      settings.moderation = mode->get<std::string>();
    }
  }
  if (auto days = body.find("autoCloseDays"); days != body.end()) {
    if (days->is_null()) {
      settings.auto_close_days = 0;
    } else if (!days->is_number_integer() || days->get<int64_t>() < 1 ||
               days->get<int64_t>() > kMaxAutoCloseDays) {
      return ErrorResponse(400, "invalid_request",
                           "The field 'autoCloseDays' must be an integer from 1 to 3650, or null.");
    } else {
      settings.auto_close_days = days->get<int64_t>();
    }
  }
  context.store->PutThreadSettings(thread, settings);
  nlohmann::json answer = ThreadSettingsJson(context, thread, settings);
  Audit(context, request.moderator, "thread", thread, "", answer);
  return NoStore(JsonResponse(200, answer));
}

ApiResponse ModGetPolicy(const ApiRequest&, const ApiContext& context) {
  nlohmann::json policy =
      nlohmann::json::parse(CurrentPolicy(context)->EffectiveJson(), nullptr, false);
  return NoStore(JsonResponse(200, policy.is_discarded() ? nlohmann::json::object() : policy));
}

ApiResponse ModPutPolicy(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  if (context.site_policy == nullptr) {
    return ErrorResponse(409, "policy_fixed", "This server's policy cannot be changed at run time.");
  }
  std::string error;
  auto policy = core_adapters::DiscussionPolicy::Load(request.body, &error);
  if (policy == nullptr) return ErrorResponse(400, "invalid_policy", error);
  context.store->PutSetting(kPolicySetting, policy->EffectiveJson());
  context.site_policy->Set(policy);
  nlohmann::json effective = nlohmann::json::parse(policy->EffectiveJson(), nullptr, false);
  Audit(context, request.moderator, "policy", "site", "", {{"policy", effective}});
  return NoStore(JsonResponse(200, effective.is_discarded() ? nlohmann::json::object() : effective));
}

ApiResponse ModTestPolicy(const ApiRequest& request, const ApiContext& context) {
  JsonBody parsed = ParseJsonObject(request);
  if (parsed.error) return *parsed.error;
  FieldReader reader(parsed.value, "");
  std::optional<std::string> body = reader.String("body", true);
  std::optional<std::string> lang = reader.String("lang", false);
  if (reader.error()) return *reader.error();
  std::shared_ptr<const core_adapters::DiscussionPolicy> policy = CurrentPolicy(context);
  if (auto given = parsed.value.find("policy"); given != parsed.value.end() && !given->is_null()) {
    if (!given->is_object()) {
      return ErrorResponse(400, "invalid_request", "The field 'policy' must be an object.");
    }
    std::string error;
    policy = core_adapters::DiscussionPolicy::Load(DumpJson(*given), &error);
    if (policy == nullptr) return ErrorResponse(400, "invalid_policy", error);
  }
  ApiResponse response;
  response.body = policy->VerdictJson(utf8::Sanitize(*body), RequestLanguage(request, context, lang.value_or("")));
  return NoStore(response);
}

ApiResponse ModAudit(const ApiRequest& request, const ApiContext& context) {
  int64_t limit = kDefaultAuditPage;
  if (auto error = ReadBounded(request, "limit", 1, kMaxAuditPage, &limit)) return *error;
  int64_t before = 0;
  if (auto error = ReadSeqCursor(request, &before)) return *error;
  std::vector<storage::AuditEntry> entries = context.store->ListAudit(limit + 1, before);
  nlohmann::json next = nullptr;
  if (static_cast<int64_t>(entries.size()) > limit) {
    entries.resize(static_cast<size_t>(limit));
    next = std::to_string(entries.back().id);
  }
  nlohmann::json list = nlohmann::json::array();
  for (const storage::AuditEntry& entry : entries) list.push_back(AuditJson(entry));
  return NoStore(JsonResponse(200, {{"entries", list}, {"next", next}}));
}

ApiResponse ModAuditExport(const ApiRequest&, const ApiContext& context) {
  nlohmann::json list = nlohmann::json::array();
  for (const storage::AuditEntry& entry : context.store->ExportAudit()) {
    list.push_back(AuditJson(entry));
  }
  ApiResponse response = JsonResponse(
      200, {{"parley", "audit"},
            {"exported", clock::FormatRfc3339(context.clock->Now())},
            {"entries", list}});
  response.headers.emplace("Content-Disposition", "attachment; filename=\"parley-audit.json\"");
  return NoStore(response);
}

ApiResponse ModStats(const ApiRequest& request, const ApiContext& context) {
  int64_t days = 30;
  if (auto error = ReadBounded(request, "days", 1, 366, &days)) return *error;
  const int64_t today = context.clock->Now() / 86400;
  std::string first = clock::FormatRfc3339((today - days + 1) * 86400).substr(0, 10);
  std::string last = clock::FormatRfc3339(today * 86400).substr(0, 10);
  std::vector<storage::DayCounts> counted = context.store->CountDays(first, last);
  nlohmann::json list = nlohmann::json::array();
  size_t next = 0;
  for (int64_t day = today - days + 1; day <= today; ++day) {
    std::string name = clock::FormatRfc3339(day * 86400).substr(0, 10);
    storage::DayCounts counts{name, 0, 0, 0, 0};
    if (next < counted.size() && counted[next].day == name) counts = counted[next++];
    list.push_back({{"day", name},
                    {"comments", counts.comments},
                    {"held", counts.held},
                    {"rejected", counts.rejected},
                    {"flagged", counts.flagged}});
  }
  return NoStore(JsonResponse(200, {{"days", list}}));
}

}  // namespace parley::api
