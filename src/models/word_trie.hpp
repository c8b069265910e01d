// A character trie of the lexicon's listed words (internal to the repair stage). Candidate
// generation walks it while undoing OCR confusions, so it only ever builds strings that are
// words, or compounds of words, instead of generating every variant and looking each up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace protokoll::detail {

class WordTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = UINT32_MAX;

  /// A lower-case word (UTF-8; it need only live through the constructor) and its tier:
  /// 1 = weak evidence, 2 = strong. A word listed twice keeps the higher tier.
  using Entry = std::pair<std::string_view, std::uint8_t>;

  WordTrie() : nodes_(1) {}
  /// Build from any number of entries, in any order (replaces what was there).
  explicit WordTrie(std::vector<Entry> words);

  std::uint32_t child(std::uint32_t node, char32_t c) const {
    if (node == kNone) return kNone;
    const Node& n = nodes_[node];
    const char32_t* first = labels_.data() + n.first;
    const char32_t* last = first + n.count;
    if (n.count > 8) {  // the few wide nodes (the root, common prefixes): binary search
      while (first < last) {
        const char32_t* mid = first + (last - first) / 2;
        if (*mid < c) first = mid + 1;
        else last = mid;
      }
      return first != labels_.data() + n.first + n.count && *first == c
                 ? static_cast<std::uint32_t>(first - labels_.data())
                 : kNone;
    }
    for (const char32_t* p = first; p != last; ++p)
      if (*p == c) return static_cast<std::uint32_t>(p - labels_.data());
    return kNone;
  }
  /// Start loading what tier() and child() read of a node (a hint; no effect on results).
  void prefetch(std::uint32_t node) const { __builtin_prefetch(nodes_.data() + node); }
  /// 0 when no word ends at this node.
  std::uint8_t tier(std::uint32_t node) const { return node == kNone ? 0 : nodes_[node].tier; }
  std::uint32_t find(std::u32string_view word) const;
  std::size_t nodes() const { return nodes_.size(); }

 private:
  // Built once from the sorted word list and then only read, on the hot path of candidate
  // generation: a node's children are consecutive nodes, so a lookup scans a few adjacent
  // labels instead of chasing pointers or hashing. labels_[i] is the character leading to node i.
  struct Node {
    std::uint32_t first = 0;  // index of the first child
    std::uint16_t count = 0;  // number of children
    std::uint8_t tier = 0;
  };
  std::vector<Node> nodes_;
  std::vector<char32_t> labels_{0};
};

}  // namespace protokoll::detail
