#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::events {

// A change to a thread that open pages should see: "created", "edited" or "removed".
struct ThreadEvent {
  int64_t id = 0;  // increasing; browsers send the last one back to resume (Last-Event-ID)
  std::string thread;
  std::string type;
  std::string data;  // JSON
};

// What a waiting stream gets: new events, or word that it cannot resume where it asked to
// (the events it missed are gone from the history) and should reload the thread.
struct WaitResult {
  std::vector<ThreadEvent> events;
  bool missed_events = false;
  int64_t latest_id = 0;  // the hub's latest id when this was collected: where to go on from
};

// Live updates within one server process: handlers publish, server-sent-event streams wait.
// A bounded history lets a reconnecting browser resume without losing events. Thread-safe.
class EventHub {
 public:
  // `first_id` is where this process's ids start. Passing a value from the clock (e.g. the
  // start time in microseconds) keeps ids increasing across restarts, so a browser resuming
  // with an id from an earlier process is told it missed events rather than skipping new ones.
  explicit EventHub(int64_t first_id = 0, size_t history = 1024);

  // Records an event and wakes the streams waiting on its thread.
  void Publish(std::string_view thread, std::string_view type, std::string data);

  // Waits up to `timeout` for events on `thread` after id `after`. Returns nullopt once the
  // hub is closed (the server is shutting down), so streams end promptly.
  std::optional<WaitResult> Wait(std::string_view thread, int64_t after,
                                 std::chrono::milliseconds timeout);

  // The id of the latest event (0 before any): where a new stream starts.
  int64_t LastId() const;

  // Wakes every waiting stream and makes Wait return nullopt from now on.
  void Close();

  // Admits one more stream if fewer than `max` are open; each admitted stream must call
  // EndStream. Caps how many worker threads live updates may hold.
  bool BeginStream(int max);
  void EndStream();
  int OpenStreams() const { return open_streams_.load(); }

 private:
  size_t history_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ThreadEvent> events_;
  int64_t first_id_;
  int64_t last_id_;
  bool closed_ = false;
  std::atomic<int> open_streams_{0};
};

}  // namespace parley::events
