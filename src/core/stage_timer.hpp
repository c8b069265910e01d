// Wall time of a stage's phases, printed to stderr when PROTOKOLL_TIMING is set (internal):
// `PROTOKOLL_TIMING=1 protokoll repair big.txt > /dev/null` shows where the time goes.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace protokoll::detail {

// When the program started (near enough: static initialization), for the "at" column.
inline const std::chrono::steady_clock::time_point kStart = std::chrono::steady_clock::now();

class StageTimer {
 public:
  explicit StageTimer(const char* stage) : stage_(stage), last_(std::chrono::steady_clock::now()) {}
  void lap(const char* phase) {
    if (!enabled()) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "protokoll: timing: %s %s %.6f s (at %.3f s)\n", stage_, phase,
                 std::chrono::duration<double>(now - last_).count(),
                 std::chrono::duration<double>(now - kStart).count());
    last_ = now;
  }

 private:
  static bool enabled() {
    static const bool on = std::getenv("PROTOKOLL_TIMING") != nullptr;
    return on;
  }
  const char* stage_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace protokoll::detail
