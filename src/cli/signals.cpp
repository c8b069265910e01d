// Interrupts: the first SIGINT or SIGTERM stops new inputs; those under way finish and what is
// done is written (run prints the records of every input read), then protokoll exits 128 + the
// signal. A second one ends it at once. SIGXFSZ (a file-size limit) would kill the process
// mid-write; ignored, the write fails and is reported like a full disk.
#include <csignal>

#include "cli/common.hpp"

namespace protokoll::cli {
namespace {
std::atomic<bool> g_interrupted{false};
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_interrupt(int sig) {
  if (g_interrupted.load()) {
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_signal = sig;
  g_interrupted.store(true);
}
}  // namespace

const std::atomic<bool>& interrupted() { return g_interrupted; }

int interrupt_exit_code() { return g_interrupted.load() && g_signal ? 128 + static_cast<int>(g_signal) : 0; }

void interrupt_for_error() { g_interrupted.store(true); }

void watch_for_interrupts() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace protokoll::cli
