#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Time as the server uses it: whole seconds since the epoch, printed as RFC 3339 UTC
// ("2026-11-28T01:02:03Z", which also sorts correctly as text in the database). A Clock is
// passed in rather than read from the system so tests can move time past an edit window.
namespace parley::clock {

// The current time, in seconds since 1970-01-01T00:00:00Z.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t Now() const = 0;
};

// The system's real-time clock.
class SystemClock : public Clock {
 public:
  int64_t Now() const override;
};

// A clock that tests set by hand.
class ManualClock : public Clock {
 public:
  explicit ManualClock(int64_t now) : now_(now) {}
  int64_t Now() const override { return now_.load(); }
  void Set(int64_t now) { now_.store(now); }
  void Advance(int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> now_;
};

// "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatRfc3339(int64_t seconds);

// Parses an RFC 3339 date-time (fractional seconds dropped, offsets applied) into seconds
// since the epoch; nullopt for anything else, including impossible dates.
std::optional<int64_t> ParseRfc3339(std::string_view text);

}  // namespace parley::clock
