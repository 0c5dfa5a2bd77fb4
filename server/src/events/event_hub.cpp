#include "events/event_hub.h"

namespace parley::events {

EventHub::EventHub(int64_t first_id, size_t history)
    : history_(history == 0 ? 1 : history), first_id_(first_id), last_id_(first_id) {}

void EventHub::Publish(std::string_view thread, std::string_view type, std::string data) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.push_back(
        ThreadEvent{++last_id_, std::string(thread), std::string(type), std::move(data)});
    while (events_.size() > history_) events_.pop_front();
  }
  changed_.notify_all();
}

std::optional<WaitResult> EventHub::Wait(std::string_view thread, int64_t after,
                                         std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (closed_) return std::nullopt;
    WaitResult result;
    result.latest_id = last_id_;
    // Ids are consecutive within a process: an id from before this process started, from
    // the future, or older than the oldest kept event means events may have been missed.
    const int64_t oldest_kept = events_.empty() ? last_id_ + 1 : events_.front().id;
    result.missed_events = after < first_id_ || after > last_id_ || after + 1 < oldest_kept;
    for (const ThreadEvent& event : events_) {
      if (event.id > after && event.thread == thread) result.events.push_back(event);
    }
    if (result.missed_events || !result.events.empty()) return result;
    const int64_t seen = last_id_;
    if (!changed_.wait_until(lock, deadline, [&] { return closed_ || last_id_ != seen; })) {
      WaitResult timed_out;
      timed_out.latest_id = last_id_;
      return timed_out;
    }
  }
}

int64_t EventHub::LastId() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return last_id_;
}

void EventHub::Close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool EventHub::BeginStream(int max) {
  int open = open_streams_.load();
  do {
    if (open >= max) return false;
  } while (!open_streams_.compare_exchange_weak(open, open + 1));
  return true;
}

void EventHub::EndStream() { open_streams_.fetch_sub(1); }

}  // namespace parley::events
