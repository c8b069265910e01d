// Word-at-a-time scans over UTF-8 text (internal). Decoding and normalizing a text check every
// byte, and almost all bytes of OCR'd Swedish are ASCII: eight at a time, the checks skip them.
#pragma once

#include <cstdint>
#include <cstring>

namespace protokoll::detail {

/// The first byte at or after `p` (before `end`) of an 8-byte block that is not all ASCII (or
/// the start of the last, shorter block): every byte before it is below 0x80.
inline const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end) {
  std::uint64_t w;
  while (end - p >= 8) {
    std::memcpy(&w, p, 8);
    if (w & 0x8080808080808080ull) break;
    p += 8;
  }
  return p;
}

/// The same for printable ASCII (0x20..0x7e): every byte before the result is one.
inline const unsigned char* skip_printable_ascii(const unsigned char* p, const unsigned char* end) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  std::uint64_t w;
  while (end - p >= 8) {
    std::memcpy(&w, p, 8);
    const std::uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHigh;  // a byte < 0x20 (or >= 0x80)
    const std::uint64_t x = w ^ (0x7f * kOnes);
    const std::uint64_t del = (x - kOnes) & ~x & kHigh;  // a byte == 0x7f
    if ((w & kHigh) | below_space | del) break;
    p += 8;
  }
  return p;
}

}  // namespace protokoll::detail
