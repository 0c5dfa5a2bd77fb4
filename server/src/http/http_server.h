#pragma once

#include <memory>
#include <string>

#include "api/api_context.h"
#include "logging/json_log.h"

namespace httplib {
class Server;
}

namespace parley::http {

// The HTTP side of `parley serve`: the routes of http/routes.h on cpp-httplib with a thread
// pool, plus everything that applies to every request: JSON errors for whatever goes wrong
// (never a 5xx for a client's mistake), the body limit (413), CORS and the Origin and
// Content-Type rules for state-changing requests, access logs and metrics.
class HttpServer {
 public:
  HttpServer(api::ApiContext context, logging::JsonLog* log);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds to host:port (port 0 picks a free one). Returns the port, or -1 on failure.
  int Bind(const std::string& host, int port);

  // Serves until Stop(); false if the listening socket failed.
  bool Run();

  // Ends event streams, stops accepting connections and lets requests in progress finish
  // (Run returns once they have). Safe to call from any thread, more than once.
  void Stop();

  // True between Run's start and its end.
  bool IsRunning() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::http
