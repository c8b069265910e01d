#include "models/word_trie.hpp"

#include <algorithm>
#include <stdexcept>

#include <tbb/parallel_sort.h>

#include "text/text_util.hpp"

namespace protokoll::detail {

namespace {

// Sorted as bytes, which for UTF-8 is code point order: words under one prefix are together.
// Most of the lexicon comes already sorted (Tesseract's list is, the names are), and sorting it
// all again was a third of building the trie: long sorted runs are kept and merged, and only
// the rest (the language model's words, in order of frequency) is sorted.
void sort_entries(std::vector<WordTrie::Entry>& words) {
  constexpr std::size_t kLongRun = 1024;
  std::vector<WordTrie::Entry> sorted, rest;
  std::vector<std::size_t> runs;  // ends of the long runs in `sorted`
  for (std::size_t begin = 0; begin < words.size();) {
    std::size_t end = begin + 1;
    while (end < words.size() && !(words[end] < words[end - 1])) ++end;
    const bool long_run = end - begin >= kLongRun;
    auto& to = long_run ? sorted : rest;
    to.insert(to.end(), words.begin() + static_cast<long>(begin), words.begin() + static_cast<long>(end));
    if (long_run) runs.push_back(sorted.size());
    begin = end;
  }
  tbb::parallel_sort(rest.begin(), rest.end());
  sorted.insert(sorted.end(), rest.begin(), rest.end());
  runs.push_back(sorted.size());
  for (std::size_t k = 1; k < runs.size(); ++k)
    std::inplace_merge(sorted.begin(), sorted.begin() + static_cast<long>(runs[k - 1]), sorted.begin() + static_cast<long>(runs[k]));
  words = std::move(sorted);
}

}  // namespace

WordTrie::WordTrie(std::vector<Entry> words) {
  sort_entries(words);
  // Duplicates sort together, lower tier first: keep the last of each.
  std::vector<Entry> unique;
  unique.reserve(words.size());
  for (auto& w : words) {
    if (w.first.empty()) continue;
    if (!unique.empty() && unique.back().first == w.first) unique.back().second = w.second;
    else unique.push_back(std::move(w));
  }
  // Depth first over ranges of words that share a prefix (`offset` bytes); a node's children are
  // laid out together when the node is reached. In sorted order a word that ends here comes
  // first in its range, and the words under one child are consecutive.
  struct Pending {
    std::uint32_t node;
    std::size_t lo, hi, offset;
  };
  nodes_.assign(1, Node{});
  labels_.assign(1, 0);
  nodes_.reserve(unique.size() * 4);
  labels_.reserve(unique.size() * 4);
  std::vector<Pending> stack{{kRoot, 0, unique.size(), 0}};
  while (!stack.empty()) {
    auto [node, lo, hi, offset] = stack.back();
    stack.pop_back();
    if (lo < hi && unique[lo].first.size() == offset) {
      nodes_[node].tier = unique[lo].second;
      ++lo;
    }
    const auto first = static_cast<std::uint32_t>(nodes_.size());
    const std::size_t mark = stack.size();
    for (std::size_t i = lo; i < hi;) {
      std::size_t next = offset;
      const char32_t c = decode_utf8(unique[i].first, next);
      const std::size_t length = next - offset;
      std::size_t j = i + 1;
      while (j < hi && unique[j].first.compare(offset, length, unique[i].first, offset, length) == 0) ++j;
      nodes_.push_back(Node{});
      labels_.push_back(c);
      stack.push_back({static_cast<std::uint32_t>(nodes_.size() - 1), i, j, offset + length});
      i = j;
    }
    const std::size_t count = nodes_.size() - first;
    if (count > UINT16_MAX) throw std::length_error("word trie: a node with too many children");
    nodes_[node].first = first;
    nodes_[node].count = static_cast<std::uint16_t>(count);
    std::reverse(stack.begin() + static_cast<long>(mark), stack.end());  // visit children in order
  }
  nodes_.shrink_to_fit();
  labels_.shrink_to_fit();
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
