#include "word_trie.hpp"

#include <algorithm>

namespace protokoll::detail {

void WordTrie::grow() {
  std::vector<Slot> old(slots_.size() * 2, Slot{kEmpty, 0});
  old.swap(slots_);
  for (const Slot& s : old)
    if (s.key != kEmpty)
      for (std::size_t i = slot(s.key);; i = (i + 1) & (slots_.size() - 1))
        if (slots_[i].key == kEmpty) {
          slots_[i] = s;
          break;
        }
}

void WordTrie::insert(std::u32string_view word, std::uint8_t tier) {
  std::uint32_t node = kRoot;
  for (char32_t c : word) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const std::uint64_t k = key(node, c);
    std::size_t i = slot(k);
    while (slots_[i].key != kEmpty && slots_[i].key != k) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i].key == kEmpty) {
      slots_[i] = Slot{k, static_cast<std::uint32_t>(tier_.size())};
      tier_.push_back(0);
      ++used_;
    }
    node = slots_[i].value;
  }
  tier_[node] = std::max(tier_[node], tier);
}

std::uint32_t WordTrie::find(std::u32string_view word) const {
  std::uint32_t node = kRoot;
  for (char32_t c : word) {
    node = child(node, c);
    if (node == kNone) return kNone;
  }
  return node;
}

}  // namespace protokoll::detail
