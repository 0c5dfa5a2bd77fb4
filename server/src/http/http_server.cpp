#include "http/http_server.h"

#include <httplib.h>

#include <chrono>
#include <regex>

#include "api/mod_session.h"
#include "api/request_checks.h"
#include "api/submission.h"
#include "identity/crypto.h"
#include "encoding/gzip.h"
#include "http/event_stream.h"
#include "http/origin_policy.h"
#include "http/routes.h"
#include "http/static_files.h"
#include "storage/store.h"

namespace parley::http {

namespace {

// What the access log and the metrics need to know about the request a worker thread is
// answering. Set by the pre-routing handler and the route wrapper, read by the logger: all
// three run on the same thread for one request.
struct RequestTrace {
  std::chrono::steady_clock::time_point start;
  std::string_view route = "unmatched";
};
thread_local RequestTrace current_trace;

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PATCH" || method == "DELETE" || method == "PUT";
}

bool IsJsonContentType(const std::string& value) {
  std::string media = value.substr(0, value.find(';'));
  while (!media.empty() && media.back() == ' ') media.pop_back();
  for (char& c : media) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return media == "application/json";
}

// Sends a shared body with a known length: the library compresses only plain bodies and
// chunked streams, so bytes that are already gzipped are never compressed twice.
void SendShared(std::shared_ptr<const std::string> body, const std::string& content_type,
                httplib::Response& to) {
  to.set_content_provider(body->size(), content_type,
                          [body](size_t offset, size_t length, httplib::DataSink& sink) {
                            return sink.write(body->data() + offset, length);
                          });
}

void Write(const api::ApiResponse& from, httplib::Response& to, bool accepts_gzip = false) {
  to.status = from.status;
  for (const auto& [name, value] : from.headers) to.set_header(name, value);
  if (from.shared_body != nullptr) {
    if (accepts_gzip && from.shared_gzip != nullptr) {
      to.set_header("Content-Encoding", "gzip");
      SendShared(from.shared_gzip, from.content_type, to);
    } else {
      SendShared(from.shared_body, from.content_type, to);
    }
  } else if (!from.body.empty()) {
    to.set_content(from.body, from.content_type);
  }
}

// The JSON error for a status the HTTP library set itself (unknown path, body too large,
// unreadable request), so that every error has the API's shape.
api::ApiResponse LibraryError(int status, int64_t body_limit) {
  switch (status) {
    case 400:
      return api::ErrorResponse(400, "bad_request", "The request could not be read as HTTP.");
    case 404:
      return api::ErrorResponse(404, "not_found", "There is nothing at this address.");
    case 413:
      return api::ErrorResponse(
          413, "body_too_large",
          "The request body is larger than the limit of " + std::to_string(body_limit) + " bytes.");
    case 414:
      return api::ErrorResponse(414, "uri_too_long", "The request's address is too long.");
    case 416:
      return api::ErrorResponse(416, "range_not_satisfiable", "The requested range is invalid.");
    default:
      break;
  }
  if (status >= 500) {
    return api::ErrorResponse(status, "internal", "The server failed; it has been logged.");
  }
  return api::ErrorResponse(status, "bad_request", "The request was refused.");
}

// Debian's cpp-httplib 0.11 is compiled with a listen backlog of 5: a burst of new
// connections (a page of readers arriving at once, a load test) overflows it, and each
// overflowing client waits a second or more for its SYN to be retried. Calling listen() again
// on the bound socket raises the backlog (Linux updates it in place).
class BacklogServer : public httplib::Server {
 public:
  void RaiseBacklog(int backlog) {
    socket_t socket = svr_sock_;
    if (socket != INVALID_SOCKET) ::listen(socket, backlog);
  }
};

constexpr int kListenBacklog = 1024;

}  // namespace

class HttpServer::Impl {
 public:
  Impl(api::ApiContext context, logging::JsonLog* log)
      : context_(std::move(context)),
        log_(log),
        origins_(context_.config->origins),
        own_origin_only_({}),
        static_files_(context_.config->static_dirs) {
    const int threads = context_.config->threads;
    server_.new_task_queue = [threads] {
      return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    server_.set_payload_max_length(static_cast<size_t>(context_.config->body_limit_bytes));
    // Headers and body leave in separate writes; with Nagle's algorithm the body's last
    // segment would wait for the client's delayed ACK (40 ms on Linux) on every response.
    server_.set_tcp_nodelay(true);
    // Widgets make a few requests in a row and proxies reuse connections: keep them open
    // (the library's default of 5 requests per connection would reconnect constantly). But a
    // worker thread waits on each idle connection, so idle ones are let go after 2 seconds.
    server_.set_keep_alive_max_count(1000);
    server_.set_keep_alive_timeout(2);
    server_.set_read_timeout(10);
    server_.set_write_timeout(10);
    InstallHooks();
    RegisterRoutes();
  }

  BacklogServer& server() { return server_; }

  void Stop() {
    // Streams first: they hold worker threads that the server waits for when it stops.
    context_.events->Close();
    server_.stop();
  }

 private:
  api::ApiRequest ToApiRequest(const httplib::Request& request) const {
    api::ApiRequest out;
    out.method = request.method;
    for (size_t i = 1; i < request.matches.size(); ++i)
      out.path_params.push_back(request.matches[i]);
    for (const auto& [name, value] : request.params) out.query.emplace(name, value);
    for (const auto& [name, value] : request.headers) out.headers.emplace(name, value);
    out.body = request.body;
    out.client_ip = ClientIp(request);
    return out;
  }

  // The client's address: the peer's, or behind a trusted proxy the last X-Forwarded-For
  // entry (the one the proxy itself appended; earlier entries are the client's to forge).
  std::string ClientIp(const httplib::Request& request) const {
    if (context_.config->trust_proxy) {
      std::string forwarded = request.get_header_value("X-Forwarded-For");
      size_t comma = forwarded.rfind(',');
      std::string last = comma == std::string::npos ? forwarded : forwarded.substr(comma + 1);
      while (!last.empty() && last.front() == ' ') last.erase(0, 1);
      while (!last.empty() && last.back() == ' ') last.pop_back();
      if (!last.empty()) return last;
    }
    return request.remote_addr;
  }

  // The checks every state-changing request passes before its handler runs.
  std::optional<api::ApiResponse> CheckStateChange(const httplib::Request& request) const {
    std::string origin = request.get_header_value("Origin");
    if (!origin.empty() && !origins_.Allows(origin, request.get_header_value("Host"))) {
      return api::ErrorResponse(403, "origin_not_allowed",
                                "This site is not allowed to post to this comment server.");
    }
    if (origin.empty() && context_.config->require_origin) {
      return api::ErrorResponse(403, "origin_required",
                                "State-changing requests must come from a browser page.");
    }
    // JSON only: a cross-site HTML form cannot send it without a CORS preflight, which the
    // origin allowlist then refuses.
    if (!request.body.empty() && !IsJsonContentType(request.get_header_value("Content-Type"))) {
      return api::ErrorResponse(415, "unsupported_media_type",
                                "Send the request body as JSON (Content-Type: application/json).");
    }
    return std::nullopt;
  }

  // The moderation API's own gate, before anything else: only the server's own pages (no
  // CORS: publishers' origins do not count), a session where the route needs one, and the
  // session's CSRF token on every state change. Fills in the request's moderator.
  std::optional<api::ApiResponse> CheckModerator(const Route& route,
                                                 const httplib::Request& request,
                                                 api::ApiRequest* api_request) const {
    std::string origin = request.get_header_value("Origin");
    if (!origin.empty() && !own_origin_only_.Allows(origin, request.get_header_value("Host"))) {
      return api::ErrorResponse(403, "origin_not_allowed",
                                "The moderation API answers only the server's own pages.");
    }
    if (!route.needs_session) return std::nullopt;
    std::optional<storage::ModeratorSession> session =
        api::FindModeratorSession(*api_request, context_);
    if (!session) {
      return api::ErrorResponse(401, "not_signed_in", "Sign in as a moderator first.");
    }
    if (route.changes_state &&
        !identity::ConstantTimeEquals(request.get_header_value("X-Parley-CSRF"),
                                      session->csrf_token)) {
      return api::ErrorResponse(403, "csrf_failed",
                                "Send the session's CSRF token in X-Parley-CSRF.");
    }
    api_request->moderator = session->moderator;
    api_request->csrf_token = session->csrf_token;
    return std::nullopt;
  }

  httplib::Server::Handler WrapApi(const Route& route) {
    return [this, &route](const httplib::Request& request, httplib::Response& response) {
      current_trace.route = route.path;
      api::ApiResponse answer;
      try {
        api::ApiRequest api_request = ToApiRequest(request);
        std::optional<api::ApiResponse> refused;
        if (IsModeratorPath(route.path)) refused = CheckModerator(route, request, &api_request);
        if (!refused && ChangesState(request.method)) refused = CheckStateChange(request);
        if (refused) {
          answer = *refused;
        } else if (auto limited = ReadLimit(request)) {
          answer = *limited;
        } else {
          answer = route.handler(api_request, context_);
        }
      } catch (const storage::StoreError& error) {
        log_->Log(logging::LogLevel::kError, "storage failed",
                  {{"route", route.path}, {"error", error.what()}});
        answer = api::ErrorResponse(503, "storage_unavailable",
                                    "The comment store is unavailable; try again shortly.");
        answer.headers.emplace("Retry-After", "5");
      }
      // Bodies may be gzipped by the library according to Accept-Encoding.
      if (!answer.body.empty() || answer.shared_body != nullptr) {
        auto vary = answer.headers.find("Vary");
        if (vary == answer.headers.end()) {
          answer.headers.emplace("Vary", "Accept-Encoding");
        } else {
          vary->second += ", Accept-Encoding";
        }
      }
      Write(answer, response, encoding::AcceptsGzip(request.get_header_value("Accept-Encoding")));
    };
  }

  std::optional<api::ApiResponse> ReadLimit(const httplib::Request& request) const {
    if (request.method != "GET" || context_.config->reads_per_ip.unlimited()) return std::nullopt;
    return api::TakeRateLimit(context_, "read-ip:" + api::HashIp(context_, ClientIp(request)),
                              context_.config->reads_per_ip);
  }

  void ServeStatic(const httplib::Request& request, httplib::Response& response) {
    current_trace.route = "/{file}";
    // The moderation dashboard: nothing but its own files may run, load or frame it.
    if (request.path == "/admin" || request.path.compare(0, 7, "/admin/") == 0) {
      response.set_header("Content-Security-Policy",
                          "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
                          "style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                          "base-uri 'none'; form-action 'self'");
      response.set_header("X-Frame-Options", "DENY");
      response.set_header("Referrer-Policy", "no-referrer");
    }
    std::optional<StaticResponse> file =
        static_files_.Find(request.path, request.get_header_value("Accept-Encoding"),
                           request.get_header_value("If-None-Match"));
    if (!file) {
      Write(LibraryError(404, 0), response);
      return;
    }
    response.status = file->status;
    response.set_header("ETag", file->etag);
    response.set_header("Cache-Control", std::string(StaticFiles::kCacheControl));
    response.set_header("Vary", "Accept-Encoding");
    if (file->status == 304) return;
    if (file->gzip) response.set_header("Content-Encoding", "gzip");
    SendShared(file->body, file->content_type, response);
  }

  // Answers a path the API does not know, or knows for other methods only (405 + Allow).
  void ServeUnknownApiPath(const httplib::Request& request, httplib::Response& response) {
    std::string allowed;
    for (const Route& route : Routes()) {
      if (route.kind == RouteKind::kStaticFiles) continue;
      if (std::regex_match(request.path, std::regex(std::string(route.pattern)))) {
        if (!allowed.empty()) allowed += ", ";
        allowed += route.method;
      }
    }
    if (allowed.empty()) {
      Write(api::ErrorResponse(404, "not_found", "The API has no such endpoint."), response);
      return;
    }
    api::ApiResponse answer = api::ErrorResponse(
        405, "method_not_allowed", request.method + " is not allowed here; use " + allowed + ".");
    answer.headers.emplace("Allow", allowed);
    Write(answer, response);
  }

  void Register(std::string_view method, const std::string& pattern,
                httplib::Server::Handler handler) {
    if (method == "GET") server_.Get(pattern, std::move(handler));
    if (method == "POST") server_.Post(pattern, std::move(handler));
    if (method == "PATCH") server_.Patch(pattern, std::move(handler));
    if (method == "DELETE") server_.Delete(pattern, std::move(handler));
    if (method == "PUT") server_.Put(pattern, std::move(handler));
  }

  void RegisterRoutes() {
    for (const Route& route : Routes()) {
      const std::string pattern(route.pattern);
      httplib::Server::Handler handler;
      switch (route.kind) {
        case RouteKind::kApi:
          handler = WrapApi(route);
          break;
        case RouteKind::kEventStream:
          handler = [this, &route](const httplib::Request& request, httplib::Response& response) {
            current_trace.route = route.path;
            ServeEventStream(request, response, context_);
          };
          break;
        case RouteKind::kModeratorEvents:
          handler = [this, &route](const httplib::Request& request, httplib::Response& response) {
            current_trace.route = route.path;
            api::ApiRequest api_request = ToApiRequest(request);
            std::optional<api::ApiResponse> refused;
            try {
              refused = CheckModerator(route, request, &api_request);
            } catch (const storage::StoreError&) {
              refused = api::ErrorResponse(503, "storage_unavailable",
                                           "The comment store is unavailable; try again shortly.");
            }
            if (refused) {
              Write(*refused, response);
              return;
            }
            ServeChannelStream(request, response, context_, std::string(api::kModeratorChannel));
          };
          break;
        case RouteKind::kMetrics:
          handler = [this, &route](const httplib::Request&, httplib::Response& response) {
            current_trace.route = route.path;
            response.set_content(context_.metrics->Render(context_.events->OpenStreams()),
                                 "text/plain; version=0.0.4; charset=utf-8");
          };
          break;
        case RouteKind::kStaticFiles:
          // Unknown API paths must get JSON 404/405, not a static-file lookup: their
          // catch-all goes in before the static files' own.
          for (std::string_view method : {"GET", "POST", "PATCH", "DELETE", "PUT"}) {
            Register(method, R"(/api/.*)",
                     [this](const httplib::Request& request, httplib::Response& response) {
                       ServeUnknownApiPath(request, response);
                     });
          }
          handler = [this](const httplib::Request& request, httplib::Response& response) {
            ServeStatic(request, response);
          };
          break;
      }
      Register(route.method, pattern, std::move(handler));
    }
    // CORS preflight for every API path.
    server_.Options(
        R"(/api/.*)", [this](const httplib::Request& request, httplib::Response& response) {
          current_trace.route = "preflight";
          std::string origin = request.get_header_value("Origin");
          // Moderator routes are same-origin only: a preflight means another origin asks.
          if (IsModeratorPath(request.path) ||
              !origins_.Allows(origin, request.get_header_value("Host"))) {
            Write(api::ErrorResponse(403, "origin_not_allowed",
                                     "This site is not allowed to use this comment server."),
                  response);
            return;
          }
          response.status = 204;
          response.set_header("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
          response.set_header("Access-Control-Allow-Headers",
                              "Content-Type, Authorization, X-Parley-Author, X-Parley-Edit-Token, "
                              "Last-Event-ID");
          response.set_header("Access-Control-Max-Age", "600");
        });
  }

  void InstallHooks() {
    server_.set_pre_routing_handler(
        [](const httplib::Request& request, httplib::Response& response) {
          current_trace = RequestTrace{std::chrono::steady_clock::now(), "unmatched"};
          // cpp-httplib 0.11 applies the body limit to Content-Length bodies only; a chunked body
          // would be read whole into memory. No browser sends one for JSON, so it is refused
          // before a byte of it is read.
          if (request.has_header("Transfer-Encoding")) {
            Write(api::ErrorResponse(411, "length_required",
                                     "Send the request body with a Content-Length header."),
                  response);
            response.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
          }
          return httplib::Server::HandlerResponse::Unhandled;
        });
    // Runs for every response, errors from the library included.
    server_.set_post_routing_handler([this](const httplib::Request& request,
                                            httplib::Response& response) {
      response.set_header("X-Content-Type-Options", "nosniff");
      std::string origin = request.get_header_value("Origin");
      if (!origin.empty() && !IsModeratorPath(request.path) &&
          origins_.Allows(origin, request.get_header_value("Host"))) {
        response.set_header("Access-Control-Allow-Origin", origin);
        response.set_header("Access-Control-Expose-Headers", "X-Parley-Author, Retry-After, ETag");
      }
      // Every answer varies by Origin, also those to requests without one: otherwise a cache
      // keeps an answer without CORS headers and serves it to a publisher's page later.
      // set_header adds a header line; one Vary line is clearer to caches and tools.
      std::string vary = response.has_header("Vary")
                             ? response.get_header_value("Vary") + ", Origin"
                             : std::string("Origin");
      response.headers.erase("Vary");
      response.set_header("Vary", vary);
    });
    server_.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request&, httplib::Response& response) {
          // The library calls this for every status >= 400, also for the API's own JSON
          // errors: only empty ones (the library's) get a body here.
          if (!response.body.empty() || response.content_provider_) {
            return httplib::Server::HandlerResponse::Unhandled;
          }
          Write(LibraryError(response.status, context_.config->body_limit_bytes), response);
          return httplib::Server::HandlerResponse::Handled;
        }));
    server_.set_exception_handler([this](const httplib::Request& request,
                                         httplib::Response& response, std::exception_ptr thrown) {
      std::string what = "unknown exception";
      try {
        if (thrown) std::rethrow_exception(thrown);
      } catch (const std::exception& error) {
        what = error.what();
      } catch (...) {
      }
      log_->Log(logging::LogLevel::kError, "handler failed",
                {{"path", request.path}, {"error", what}});
      Write(api::ErrorResponse(500, "internal", "The server failed; it has been logged."),
            response);
    });
    server_.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - current_trace.start)
              .count();
      context_.metrics->RecordRequest(request.method, current_trace.route, response.status,
                                      seconds);
      if (context_.config->log_requests && log_->Enabled(logging::LogLevel::kInfo)) {
        log_->Log(logging::LogLevel::kInfo, "request",
                  {{"method", request.method},
                   {"path", request.path.substr(0, 300)},
                   {"route", current_trace.route},
                   {"status", response.status},
                   {"ms", static_cast<double>(static_cast<int64_t>(seconds * 1e5)) / 100.0}});
      }
    });
  }

  api::ApiContext context_;
  logging::JsonLog* log_;
  OriginPolicy origins_;
  OriginPolicy own_origin_only_;  // no configured origins: only the server's own
  StaticFiles static_files_;
  BacklogServer server_;
};

HttpServer::HttpServer(api::ApiContext context, logging::JsonLog* log)
    : impl_(std::make_unique<Impl>(std::move(context), log)) {}

HttpServer::~HttpServer() = default;

int HttpServer::Bind(const std::string& host, int port) {
  int bound = port == 0 ? impl_->server().bind_to_any_port(host)
                        : (impl_->server().bind_to_port(host, port) ? port : -1);
  if (bound > 0) impl_->server().RaiseBacklog(kListenBacklog);
  return bound;
}

bool HttpServer::Run() { return impl_->server().listen_after_bind(); }

void HttpServer::Stop() { impl_->Stop(); }

bool HttpServer::IsRunning() const { return impl_->server().is_running(); }

}  // namespace parley::http
