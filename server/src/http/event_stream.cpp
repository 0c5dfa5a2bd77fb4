#include "http/event_stream.h"

#include <chrono>
#include <memory>

#include "api/request_checks.h"

namespace parley::http {

namespace {

// Where a stream resumes: Last-Event-ID (sent by browsers on reconnect) or ?lastEventId=.
std::optional<int64_t> ResumeId(const httplib::Request& request) {
  std::string text = request.get_header_value("Last-Event-ID");
  if (text.empty() && request.has_param("lastEventId"))
    text = request.get_param_value("lastEventId");
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string FormatEvent(const events::ThreadEvent& event) {
  // Data is one line of JSON (no raw newlines), so a single "data:" field carries it.
  return "id: " + std::to_string(event.id) + "\nevent: " + event.type + "\ndata: " + event.data +
         "\n\n";
}

void WriteError(httplib::Response& response, const api::ApiResponse& error) {
  response.status = error.status;
  for (const auto& [name, value] : error.headers) response.set_header(name, value);
  response.set_content(error.body, error.content_type);
}

// What one stream remembers between calls of its content provider.
struct StreamState {
  std::string thread;
  int64_t after = 0;
  bool greeted = false;
  std::chrono::steady_clock::time_point ends;
};

}  // namespace

void ServeEventStream(const httplib::Request& request, httplib::Response& response,
                      const api::ApiContext& context) {
  const std::string thread = request.matches[1];
  if (auto error = api::CheckThreadKey(thread)) return WriteError(response, *error);
  ServeChannelStream(request, response, context, thread);
}

void ServeChannelStream(const httplib::Request& request, httplib::Response& response,
                        const api::ApiContext& context, const std::string& thread) {
  if (!context.events->BeginStream(context.config->events_max_streams)) {
    api::ApiResponse busy = api::ErrorResponse(
        503, "too_many_streams", "Live updates are at capacity; poll the comments instead.");
    busy.headers.emplace("Retry-After", "30");
    return WriteError(response, busy);
  }
  auto state = std::make_shared<StreamState>();
  state->thread = thread;
  state->after = ResumeId(request).value_or(context.events->LastId());
  state->ends = std::chrono::steady_clock::now() +
                std::chrono::seconds(context.config->events_max_stream_seconds);
  const auto keep_alive = std::chrono::seconds(context.config->events_keep_alive_seconds);
  events::EventHub* hub = context.events;

  response.set_header("Cache-Control", "no-cache");
  // Tells nginx and similar proxies not to buffer the stream.
  response.set_header("X-Accel-Buffering", "no");
  response.set_chunked_content_provider(
      // Exactly this type, no charset (event streams are always UTF-8): the HTTP library
      // gzips every other text/* stream, and a gzipped stream would sit in the compressor's
      // buffer instead of reaching the browser.
      "text/event-stream",
      [state, hub, keep_alive](size_t /*offset*/, httplib::DataSink& sink) {
        if (!state->greeted) {
          state->greeted = true;
          // retry: how long browsers wait before reconnecting after the stream ends.
          std::string hello = "retry: 3000\n: connected\n\n";
          return sink.write(hello.data(), hello.size());
        }
        auto now = std::chrono::steady_clock::now();
        if (now >= state->ends) {
          sink.done();
          return true;
        }
        auto wait = std::min<std::chrono::steady_clock::duration>(keep_alive, state->ends - now);
        std::optional<events::WaitResult> result =
            hub->Wait(state->thread, state->after,
                      std::chrono::duration_cast<std::chrono::milliseconds>(wait));
        if (!result) {  // shutting down
          sink.done();
          return true;
        }
        std::string out;
        if (result->missed_events) {
          // The browser was away longer than the history reaches: tell it to reload.
          out += "id: " + std::to_string(result->latest_id) + "\nevent: reset\ndata: {}\n\n";
        }
        for (const events::ThreadEvent& event : result->events) out += FormatEvent(event);
        state->after = std::max(state->after, result->latest_id);
        if (!result->events.empty())
          state->after = std::max(state->after, result->events.back().id);
        if (out.empty()) out = ": keep-alive\n\n";
        return sink.write(out.data(), out.size());
      },
      [hub](bool /*success*/) { hub->EndStream(); });
}

}  // namespace parley::http
