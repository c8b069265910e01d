// libFuzzer target: any bytes as a text input — detected, decoded (UTF-8, UTF-16, legacy
// charsets, per-line mixes), normalized, split into lines and repaired with the real models.
// The models load once (PROTOKOLL_DATA or the source tree's dictionaries/).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "protokoll/input.hpp"
#include "protokoll/repair.hpp"
#include "protokoll/resources.hpp"

namespace {
const protokoll::Repairer& repairer() {
  static const protokoll::Repairer r{[] {
    protokoll::RepairOptions o;
    o.data_dir = protokoll::data_dir();
    return o;
  }()};
  return r;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  repairer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (protokoll::detect_kind(bytes) != protokoll::SourceKind::text) return 0;
  protokoll::Document doc;
  try {
    protokoll::load_text(bytes, doc);
  } catch (const protokoll::InputError&) {
    return 0;  // a clear refusal is a right answer
  }
  repairer().repair(doc);
  return 0;
}
