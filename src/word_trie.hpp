// A character trie of the lexicon's listed words (internal to the repair stage). Candidate
// generation walks it while undoing OCR confusions, so it only ever builds strings that are
// words, or compounds of words, instead of generating every variant and looking each up.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace protokoll::detail {

class WordTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  WordTrie() : tier_(1, 0), slots_(std::size_t(1) << 20, Slot{kEmpty, 0}) {}
  /// Add a lower-case word; `tier` 1 = weak evidence, 2 = strong. The higher tier wins.
  void insert(std::u32string_view word, std::uint8_t tier);
  std::uint32_t child(std::uint32_t node, char32_t c) const {
    if (node == kNone) return kNone;
    const std::uint64_t k = key(node, c);
    for (std::size_t i = slot(k);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.key == k) return s.value;
      if (s.key == kEmpty) return kNone;
    }
  }
  /// 0 when no word ends at this node.
  std::uint8_t tier(std::uint32_t node) const { return node == kNone ? 0 : tier_[node]; }
  std::uint32_t find(std::u32string_view word) const;
  std::size_t nodes() const { return tier_.size(); }

 private:
  // Edges in one open-addressing table (linear probing, at most half full): the trie is built
  // once at start-up and then only read, on the hot path of candidate generation.
  struct Slot {
    std::uint64_t key;
    std::uint32_t value;
  };
  static constexpr std::uint64_t kEmpty = UINT64_MAX;
  static std::uint64_t key(std::uint32_t node, char32_t c) { return (std::uint64_t(node) << 21) | c; }
  std::size_t slot(std::uint64_t k) const { return (k * 0x9E3779B97F4A7C15ull >> 20) & (slots_.size() - 1); }
  void grow();
  std::vector<std::uint8_t> tier_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace protokoll::detail
