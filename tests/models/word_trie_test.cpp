// The repair stage's word trie, built from the real word lists in dictionaries/.
#include "models/word_trie.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>

#include "text/text_util.hpp"
#include "test_util.hpp"

namespace {
using protokoll::detail::WordTrie;

std::vector<std::string> tesseract_words() {
  std::ifstream in(protokoll::testing::source_path("dictionaries/tesseract-swe-words.txt"));
  std::vector<std::string> words;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') words.push_back(protokoll::to_lower(line));
  return words;
}

TEST(WordTrie, FindsEveryListedWordAndNothingElse) {
  auto words = tesseract_words();
  ASSERT_GT(words.size(), 100000u);
  std::vector<WordTrie::Entry> entries;
  for (const auto& w : words) entries.emplace_back(w, 1);
  const WordTrie trie(std::move(entries));
  std::set<std::u32string> listed;
  for (const auto& w : words) listed.insert(protokoll::to_u32(w));
  for (const auto& w : listed) ASSERT_EQ(trie.tier(trie.find(w)), 1) << protokoll::to_utf8(w);
  // Proper prefixes that are not words are nodes without a tier; strings off the list are no node.
  std::size_t prefixes = 0;
  for (const auto& w : listed) {
    std::u32string prefix = w.substr(0, w.size() / 2);
    if (prefix.empty() || listed.count(prefix)) continue;
    ASSERT_NE(trie.find(prefix), WordTrie::kNone);
    EXPECT_EQ(trie.tier(trie.find(prefix)), 0);
    ++prefixes;
  }
  EXPECT_GT(prefixes, 1000u);
  for (std::u32string w : {U"förvaltningenxq", U"qqq", U"zzzzå", U"férvaltningen"}) EXPECT_EQ(trie.find(w), WordTrie::kNone);
  EXPECT_EQ(trie.tier(WordTrie::kNone), 0);
}

TEST(WordTrie, WalksCharacterByCharacterThroughWideAndNarrowNodes) {
  // The root has a child for every initial letter (binary search); deep nodes have few (scan).
  const WordTrie trie({{"förslag", 2}, {"forslag", 1}, {"för", 2}, {"år", 2}, {"är", 2}, {"ökad", 2},
                       {"a", 2}, {"b", 2}, {"c", 2}, {"d", 2}, {"e", 2}, {"f", 2}, {"g", 2}, {"h", 2},
                       {"i", 2}, {"j", 2}, {"€uro", 2}, {"z", 1}});
  std::uint32_t node = WordTrie::kRoot;
  for (char32_t c : std::u32string(U"för")) node = trie.child(node, c);
  EXPECT_EQ(trie.tier(node), 2);
  EXPECT_EQ(trie.tier(trie.child(node, U's')), 0);  // "förs" is only a prefix
  EXPECT_EQ(trie.child(node, U'x'), WordTrie::kNone);
  for (std::u32string w : {U"år", U"är", U"ökad", U"a", U"j", U"forslag", U"€uro", U"z"}) EXPECT_GT(trie.tier(trie.find(w)), 0);
  EXPECT_EQ(trie.find(U"k"), WordTrie::kNone);
  EXPECT_EQ(trie.child(WordTrie::kNone, U'a'), WordTrie::kNone);
}

TEST(WordTrie, AWordListedTwiceKeepsItsHighestTier) {
  const WordTrie trie({{"forslag", 1}, {"möte", 1}, {"forslag", 2}, {"", 2}, {"möte", 1}});
  EXPECT_EQ(trie.tier(trie.find(U"forslag")), 2);
  EXPECT_EQ(trie.tier(trie.find(U"möte")), 1);
  EXPECT_EQ(trie.tier(WordTrie::kRoot), 0);  // the empty word is not a word
}

TEST(WordTrie, SortedListsAndShuffledWordsBuildTheSameTrie) {
  // The lexicon hands over long sorted lists and a few unsorted ones; the trie keeps the sorted
  // runs and merges. Two sorted halves of Tesseract's list, some of their words again with a
  // higher tier in no order, must give the trie that the same entries fully shuffled give.
  auto words = tesseract_words();
  std::sort(words.begin(), words.end());
  std::vector<WordTrie::Entry> runs, repeats;
  for (std::size_t i = 0; i < words.size(); i += 2) runs.emplace_back(words[i], 1);
  for (std::size_t i = 1; i < words.size(); i += 2) runs.emplace_back(words[i], 1);
  for (std::size_t i = 0; i < words.size(); i += 37) repeats.emplace_back(words[i], 2);
  std::mt19937 random(11);
  std::shuffle(repeats.begin(), repeats.end(), random);
  std::vector<WordTrie::Entry> mixed = runs;
  mixed.insert(mixed.begin() + static_cast<long>(mixed.size() / 2), repeats.begin(), repeats.end());
  std::vector<WordTrie::Entry> shuffled = mixed;
  std::shuffle(shuffled.begin(), shuffled.end(), random);
  const WordTrie from_runs(std::move(mixed)), from_shuffled(std::move(shuffled));
  ASSERT_EQ(from_runs.nodes(), from_shuffled.nodes());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::u32string w = protokoll::to_u32(words[i]);
    ASSERT_EQ(from_runs.tier(from_runs.find(w)), i % 37 == 0 ? 2 : 1) << words[i];
    ASSERT_EQ(from_runs.find(w), from_shuffled.find(w)) << words[i];
  }
}

}  // namespace
