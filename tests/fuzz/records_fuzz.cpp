// libFuzzer target: any UTF-8 text as minutes — split into meetings, each meeting's record
// extracted and written as JSON (which throws on text that is not valid UTF-8: it must not).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "protokoll/input.hpp"
#include "protokoll/record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<protokoll::Document> docs(1);
  try {
    protokoll::load_text(bytes, docs[0]);
  } catch (const protokoll::InputError&) {
    return 0;
  }
  for (const protokoll::Record& r : protokoll::meeting_records(docs)) (void)r.to_json().dump();
  return 0;
}
