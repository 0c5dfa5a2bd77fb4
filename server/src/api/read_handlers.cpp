// The API's reads: pages of comments, counts, server-rendered HTML, widget settings, health.
#include <nlohmann/json.hpp>

#include "api/comment_view.h"
#include "api/handlers.h"
#include "api/page_cursor.h"
#include "api/query_params.h"
#include "api/request_checks.h"
#include "api/request_identity.h"
#include "core_adapters/thread_renderer.h"
#include "identity/crypto.h"
#include "identity/guest_fields.h"
#include "parley/version.h"

namespace parley::api {

namespace {

constexpr int64_t kDefaultPageSize = 50;
constexpr int64_t kMaxPageSize = 100;
constexpr size_t kMaxCountedThreads = 100;

// A strong validator for a response that depends only on the thread's revision and on
// `variant` (the query and, for personal responses, the viewer). The revision is read before
// the content, so a tag can only ever be older than what it labels, never newer: a client
// never keeps stale content under a current tag.
std::string RevisionTag(int64_t revision, const std::string& variant) {
  // Weak: the same content is sent gzipped or not, and a strong tag would have to differ.
  return "W/\"" + std::to_string(revision) + "-" +
         identity::Hex(identity::Sha256(variant).substr(0, 8)) + "\"";
}

// If-None-Match uses weak comparison: W/"x" and "x" match alike.
bool MatchesTag(const ApiRequest& request, const std::string& tag) {
  std::string if_none_match = request.Header("If-None-Match");
  std::string opaque = tag.substr(tag.find('"'));
  return !if_none_match.empty() &&
         (if_none_match == "*" || if_none_match.find(opaque) != std::string::npos);
}

// The response cache's key: which view, of which thread, at which revision, asked how.
std::string CacheKey(std::string_view view, const std::string& thread, int64_t revision,
                     const std::string& variant) {
  return std::string(view) + '\n' + thread + '\n' + std::to_string(revision) + '\n' + variant;
}

ApiResponse NotModified(const std::string& tag) {
  ApiResponse response;
  response.status = 304;
  response.content_type.clear();
  response.headers.emplace("ETag", tag);
  return response;
}

std::optional<ApiResponse> ReadSort(const ApiRequest& request, const ApiContext& context,
                                    storage::SortOrder* sort, std::string* name) {
  *name = request.Query("sort").value_or(context.config->default_sort);
  std::optional<storage::SortOrder> parsed = ParseSortOrder(*name);
  if (!parsed) {
    return ErrorResponse(400, "invalid_parameter", "sort must be oldest, newest or best.");
  }
  *sort = *parsed;
  return std::nullopt;
}

std::optional<ApiResponse> ReadPositive(const ApiRequest& request, const std::string& name,
                                        int64_t max, int64_t* value) {
  return ReadBounded(request, name, 1, max, value);
}

nlohmann::json ThreadSummary(const std::string& key,
                             const std::optional<storage::ThreadInfo>& info) {
  return {{"id", key},
          {"count", info ? info->published : 0},
          {"created", info ? nlohmann::json(info->created) : nlohmann::json(nullptr)}};
}

}  // namespace

ApiResponse ListComments(const ApiRequest& request, const ApiContext& context) {
  const std::string& thread = request.path_params.at(0);
  if (auto error = CheckThreadKey(thread)) return *error;
  storage::PageQuery query;
  query.thread = thread;
  std::string sort_name;
  if (auto error = ReadSort(request, context, &query.sort, &sort_name)) return *error;
  query.limit = kDefaultPageSize;
  if (auto error = ReadPositive(request, "limit", kMaxPageSize, &query.limit)) return *error;
  std::optional<std::string> cursor = request.Query("cursor");
  if (cursor && !cursor->empty()) {
    query.after = DecodePageCursor(*cursor, query.sort);
    if (!query.after) {
      return ErrorResponse(400, "invalid_cursor",
                           "The cursor is not valid for this sort order; start from the first "
                           "page.");
    }
  }
  IdentityResult viewer = ResolveIdentity(request, context, IdentityNeed::kOptional);
  if (viewer.identity) query.viewer_id = viewer.identity->id;

  std::optional<storage::ThreadInfo> info = context.store->FindThread(thread);
  const int64_t revision = info ? info->revision : 0;
  const std::string variant = sort_name + "\n" + cursor.value_or("") + "\n" +
                              std::to_string(query.limit) + "\n" + query.viewer_id;
  std::string tag = RevisionTag(revision, variant);
  if (MatchesTag(request, tag)) return NotModified(tag);
  // Only anonymous pages are shared; a viewer's page may hold their own held comments.
  const bool shared = query.viewer_id.empty() && context.cache != nullptr;
  const std::string cache_key = CacheKey("comments", thread, revision, variant);
  if (shared) {
    if (std::optional<ApiResponse> cached = context.cache->Find(cache_key)) return *cached;
  }

  storage::CommentPage page = context.store->ListPage(query);
  nlohmann::json body = {
      {"thread", ThreadSummary(thread, info)},
      {"comments", PublicView(page.comments, query.viewer_id)},
      {"next", page.next ? nlohmann::json(EncodePageCursor(*page.next, query.sort))
                         : nlohmann::json(nullptr)},
  };
  ApiResponse response = JsonResponse(200, body);
  response.headers.emplace("ETag", tag);
  // A response that shows the viewer their own held comments must not be shared by caches.
  response.headers.emplace("Cache-Control",
                           query.viewer_id.empty() ? "no-cache" : "private, no-cache");
  response.headers.emplace("Vary", "Authorization, X-Parley-Author");
  return shared ? context.cache->Store(cache_key, std::move(response)) : response;
}

ApiResponse CountComments(const ApiRequest& request, const ApiContext& context) {
  std::vector<std::string> threads = request.QueryAll("thread");
  if (threads.empty()) {
    return ErrorResponse(400, "invalid_parameter", "Name at least one thread: ?thread=ID.");
  }
  if (threads.size() > kMaxCountedThreads) {
    return ErrorResponse(400, "invalid_parameter", "At most 100 threads per request.");
  }
  for (const std::string& thread : threads) {
    if (auto error = CheckThreadKey(thread)) return *error;
  }
  std::vector<int64_t> counts = context.store->CountPublished(threads);
  nlohmann::json by_thread = nlohmann::json::object();
  for (size_t i = 0; i < threads.size(); ++i) by_thread[threads[i]] = counts[i];
  ApiResponse response = JsonResponse(200, {{"counts", by_thread}});
  response.headers.emplace("Cache-Control", "public, max-age=30");
  return response;
}

ApiResponse RenderThreadPage(const ApiRequest& request, const ApiContext& context) {
  const std::string& thread = request.path_params.at(0);
  if (auto error = CheckThreadKey(thread)) return *error;
  storage::SortOrder sort{};
  std::string sort_name;
  if (auto error = ReadSort(request, context, &sort, &sort_name)) return *error;
  int64_t page = 0;
  if (auto error = ReadPositive(request, "page", 1000000, &page)) return *error;
  std::string cursor = request.Query("cursor").value_or("");
  std::string lang = RequestLanguage(request, context);
  // The layout options a publisher's page may ask for, with the core's own ranges (absent:
  // the core's defaults, depth 6 and nothing collapsed).
  int64_t max_depth = 0;
  if (auto error = ReadBounded(request, "maxDepth", 1, 64, &max_depth)) return *error;
  int64_t collapse_after = -1;
  if (auto error = ReadBounded(request, "collapseAfter", 0, 1000000, &collapse_after)) return *error;

  nlohmann::json options = {{"sort", sort_name}, {"lang", lang}};
  if (page > 0) options["page"] = page;
  if (!cursor.empty()) options["cursor"] = cursor;
  if (max_depth > 0) options["maxDepth"] = max_depth;
  if (collapse_after >= 0) options["collapseAfter"] = collapse_after;
  std::string options_json = DumpJson(options);

  std::optional<storage::ThreadInfo> info = context.store->FindThread(thread);
  const int64_t revision = info ? info->revision : 0;
  std::string tag = RevisionTag(revision, "html\n" + options_json);
  if (MatchesTag(request, tag)) return NotModified(tag);
  const std::string cache_key = CacheKey("html", thread, revision, options_json);
  if (context.cache != nullptr) {
    if (std::optional<ApiResponse> cached = context.cache->Find(cache_key)) return *cached;
  }

  // The same public view the JSON API gives an anonymous reader, so this HTML is exactly what
  // the WebAssembly core renders from GET .../comments. The view has each body rendered
  // already (bodyHtml), which the thread takes as it is.
  std::string comments_json =
      info ? DumpJson(PublicView(context.store->ListThread(thread), "")) : std::string("[]");
  core_adapters::ThreadHtml rendered = core_adapters::RenderServedThread(comments_json, options_json);
  if (!rendered.ok()) return ErrorResponse(400, "invalid_parameter", rendered.error);

  ApiResponse response;
  response.body = std::move(rendered.html);
  response.content_type = "text/html; charset=utf-8";
  response.headers.emplace("ETag", tag);
  response.headers.emplace("Cache-Control", "public, no-cache");
  // Defence in depth for readers who open this URL directly: even if markup ever slipped
  // through, nothing in it could run.
  response.headers.emplace("Content-Security-Policy",
                           "default-src 'none'; style-src 'self'; img-src 'self'; "
                           "base-uri 'none'; form-action 'self'");
  return context.cache != nullptr ? context.cache->Store(cache_key, std::move(response)) : response;
}

ApiResponse WidgetConfig(const ApiRequest& request, const ApiContext& context) {
  (void)request;
  const config::ServerConfig& config = *context.config;
  nlohmann::json policy =
      nlohmann::json::parse(CurrentPolicy(context)->EffectiveJson(), nullptr, false);
  nlohmann::json body = {
      {"version", std::string(Version())},
      {"policy", policy.is_discarded() ? nlohmann::json::object() : policy},
      {"moderation", moderation::ModerationModeName(config.moderation)},
      {"editWindowSeconds", config.edit_window_seconds},
      {"signIn", !config.sign_in_secret.empty()},
      {"defaultSort", config.default_sort},
      {"defaultLanguage", config.default_language},
      {"limits",
       {{"bodyBytes", config.body_limit_bytes},
        {"nameCharacters", identity::kMaxNameCharacters},
        {"pageSize", kMaxPageSize}}},
      {"flagReasons", FlagReasons()},
  };
  ApiResponse response = JsonResponse(200, body);
  response.headers.emplace("Cache-Control", "public, max-age=300");
  return response;
}

ApiResponse Health(const ApiRequest& request, const ApiContext& context) {
  (void)request;
  // A read through the store proves the database is reachable, not only the process alive.
  context.store->FindThread("");
  ApiResponse response = JsonResponse(200, {{"status", "ok"}, {"version", std::string(Version())}});
  response.headers.emplace("Cache-Control", "no-store");
  return response;
}

}  // namespace parley::api
