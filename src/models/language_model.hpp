// Word unigram/bigram counts of Swedish running text (dictionaries/lm-*.tsv, built by
// tools/build-language-model from Swedish text that Debian packages ship), with Witten-Bell
// smoothing for context scoring in the repair stage, and a character trigram model of the
// vocabulary's spellings. Words are interned to integer ids so the hot path hashes integers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/text_util.hpp"

namespace protokoll {

class LanguageModel {
 public:
  static constexpr int kUnknown = -1;

  LanguageModel() = default;
  /// Load unigram and bigram tables ("word\tcount" and "w1 w2\tcount"). Throws on I/O errors.
  void load(const std::string& unigram_path, const std::string& bigram_path);

  /// The id of a lower-case word, kUnknown when the model never saw it.
  int id(std::string_view word) const;

  /// log10 P(word), smoothed. Words are lower-case.
  double log_unigram(int word) const;
  double log_unigram(std::string_view word) const { return log_unigram(id(word)); }
  /// log10 P(word | prev), Witten-Bell interpolated with the unigram estimate.
  double log_bigram(int prev, int word) const;
  /// log10 P(word | prev) - log10 P(word): how much more likely `word` is after `prev` than
  /// anywhere (0 without a history). The repair stage's context score; one table probe.
  double log_association(int prev, int word) const {
    if (prev < 0 || backoff_log_[static_cast<std::size_t>(prev)] == 0) return 0;
    if (word >= 0)
      if (const double* a = associations_.find(pair_key(prev, word))) return *a;
    return backoff_log_[static_cast<std::size_t>(prev)];
  }
  double log_bigram(std::string_view prev, std::string_view word) const { return log_bigram(id(prev), id(word)); }

  /// log10 probability of the spelling of a lower-case word under a character trigram model of
  /// the vocabulary: how Swedish a word unknown to every lexicon looks ("hjelmström" scores far
  /// above "hjelmstrém"). Used for names and compounds the lexicon lacks.
  double log_spelling(std::string_view word) const;

  std::uint64_t count(int word) const { return word < 0 ? 0 : counts_[static_cast<std::size_t>(word)]; }
  std::uint64_t count(std::string_view word) const { return count(id(word)); }
  std::uint64_t count(int prev, int word) const;
  std::size_t vocabulary() const { return words_.size(); }
  template <class F>
  void for_each_word(F&& f) const {
    for (std::size_t i = 0; i < words_.size(); ++i) f(words_[i], counts_[i]);
  }
  std::uint64_t total() const { return total_; }

 private:
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> ids_;  // looked up by string_view
  std::vector<std::string> words_;
  std::vector<std::uint32_t> counts_;
  std::vector<double> uni_log_, uni_prob_;  // log10 and plain smoothed unigram probabilities
  // Witten-Bell backoff mass per history: distinct followers plus the count of bigrams the
  // pruned table left out (mostly singletons, each a distinct follower).
  std::vector<double> backoff_;
  // A number per integer key in one open-addressing table (linear probing, at most 5/8 full),
  // built once at load, then read on the hot path of every repair decision. The keys are kept
  // apart from the values: a probe reads only keys, and the association table's (two 16-bit
  // word ids in 32 bits: 512 KB for the shipped model) stays in a core's L2 cache, where 64-bit
  // keys with the values beside them took 4 MB.
  template <class Key>
  class FlatTable {
   public:
    /// From (key, value) pairs; a key listed twice keeps its first value.
    void build(const std::vector<std::pair<Key, double>>& values) {
      std::size_t n = 2;
      while (n * 5 < values.size() * 8) n *= 2;
      keys_.assign(n, kEmpty);
      values_.assign(n, 0);
      for (const auto& [key, value] : values) {
        std::size_t i = slot(key);
        while (keys_[i] != kEmpty && keys_[i] != key) i = (i + 1) & (n - 1);
        if (keys_[i] == kEmpty) {
          keys_[i] = key;
          values_[i] = value;
        }
      }
    }
    const double* find(Key key) const {
      for (std::size_t i = slot(key);; i = (i + 1) & (keys_.size() - 1)) {
        if (keys_[i] == key) return &values_[i];
        if (keys_[i] == kEmpty) return nullptr;
      }
    }

   private:
    static constexpr Key kEmpty = static_cast<Key>(-1);
    std::size_t slot(Key key) const {
      return static_cast<std::size_t>((std::uint64_t(key) * 0x9E3779B97F4A7C15ull) >> 32) & (keys_.size() - 1);
    }
    std::vector<Key> keys_{kEmpty};
    std::vector<double> values_{0};
  };
  // A pair of word ids as a key: ids fit 16 bits each (load() refuses a larger vocabulary).
  static std::uint32_t pair_key(int prev, int word) {
    return (static_cast<std::uint32_t>(prev) << 16) | static_cast<std::uint32_t>(word);
  }
  static constexpr std::size_t kMaxVocabulary = 0xffff;
  FlatTable<std::uint32_t> associations_;  // per recorded bigram: log_association(), precomputed
  FlatTable<std::uint32_t> bigram_counts_;  // per recorded bigram: its count
  // log_association() of a word never seen after this history: log10 of the Witten-Bell
  // backoff weight (0 for a word with no recorded followers).
  std::vector<double> backoff_log_;
  std::uint64_t total_ = 0;
  double unknown_log_ = 0;
  // The spelling model: log10 P(c | a b) per character trigram seen in the vocabulary, and per
  // history (a b) the value for a character never seen after it (code points packed in keys).
  FlatTable<std::uint64_t> spelling_seen_, spelling_unseen_;
  double spelling_new_history_ = 0;
  void build_spelling_model();
};

}  // namespace protokoll
