// Debian's Tesseract uses OpenMP, and libgomp reads OMP_THREAD_LIMIT once, when it is loaded,
// before main() runs. Unlimited, its threads fight over 2 cores and a page takes ~10x longer.
// So when an input may need OCR the program sets the variable and starts itself again once (a
// value the user set is kept). Text files do not pay for starting twice (loading the libraries
// is most of a start).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "protokoll/input.hpp"
#include "protokoll/ocr.hpp"

namespace protokoll {
namespace {

// Whether an input may be a scan (an image or a PDF), by its first bytes, read without using
// them up: a regular file (or standard input redirected from one) is read at its current place.
// A pipe, a FIFO or a terminal cannot be read twice, so it counts as a scan (the program then
// starts once more, as it would have anyway).
bool may_need_ocr(const InputPath& p) {
  constexpr std::size_t kHead = 16;  // enough for every signature detect_kind() knows
  const bool from_stdin = p.path == "-";
  struct stat st {};
  // A file that cannot be looked at is reported when the pipeline opens it.
  if (from_stdin ? ::fstat(STDIN_FILENO, &st) != 0 : ::stat(p.path.c_str(), &st) != 0) return from_stdin;
  // Not even opened unless regular: opening a FIFO would let its writer start, and closing it
  // again would cut the writer off.
  if (!S_ISREG(st.st_mode)) return true;
  const int fd = from_stdin ? STDIN_FILENO : ::open(p.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const off_t at = from_stdin ? ::lseek(fd, 0, SEEK_CUR) : 0;
  std::string head(kHead, '\0');
  const ssize_t got = at < 0 ? -1 : ::pread(fd, head.data(), kHead, at);
  if (!from_stdin) ::close(fd);
  if (at < 0) return true;
  head.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
  const SourceKind kind = detect_kind(head);
  return kind == SourceKind::image || kind == SourceKind::tiff || kind == SourceKind::pdf;
}

bool any_input_needs_ocr(const std::vector<InputPath>& paths) {
  // Looking costs a few microseconds a file and saves one start of the program: past a few
  // thousand files starting again is cheaper (and nothing next to the batch's own time).
  constexpr std::size_t kLookedAt = 2000;
  if (paths.size() > kLookedAt) return true;
  return std::any_of(paths.begin(), paths.end(), [](const InputPath& p) { return p.error.empty() && may_need_ocr(p); });
}

}  // namespace

void limit_openmp_threads(char** argv, const std::vector<InputPath>& inputs, bool will_ocr) {
  if (std::getenv("OMP_THREAD_LIMIT")) return;
  if (!will_ocr && !any_input_needs_ocr(inputs)) return;
  ::setenv("OMP_THREAD_LIMIT", "1", 1);
  ::execv("/proc/self/exe", argv);
  // If starting again is impossible, carry on: slower OCR, same results.
}

}  // namespace protokoll
