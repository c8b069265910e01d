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
    if (word >= 0) {
      const std::uint64_t k = bigram_key(prev, word);
      for (std::size_t i = bigram_slot(k);; i = (i + 1) & (bigram_slots_.size() - 1)) {
        const BigramSlot& s = bigram_slots_[i];
        if (s.key == k) return s.association;
        if (s.key == kEmptySlot) break;
      }
    }
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
  // Looked up by string_view without building a string (heterogeneous lookup).
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, WordHash, std::equal_to<>> ids_;
  std::vector<std::string> words_;
  std::vector<std::uint32_t> counts_;
  std::vector<double> uni_log_, uni_prob_;  // log10 and plain smoothed unigram probabilities
  // Witten-Bell backoff mass per history: distinct followers plus the count of bigrams the
  // pruned table left out (mostly singletons, each a distinct follower).
  std::vector<double> backoff_;
  // Bigrams in one open-addressing table (linear probing, at most half full), read on the hot
  // path of every repair decision: the key, and log_association() precomputed.
  struct BigramSlot {
    std::uint64_t key;
    double association;
  };
  static constexpr std::uint64_t kEmptySlot = UINT64_MAX;
  static std::uint64_t bigram_key(int prev, int word) {
    return (std::uint64_t(static_cast<std::uint32_t>(prev)) << 32) | static_cast<std::uint32_t>(word);
  }
  std::size_t bigram_slot(std::uint64_t k) const {
    return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> 32) & (bigram_slots_.size() - 1);
  }
  std::vector<BigramSlot> bigram_slots_{1, BigramSlot{kEmptySlot, 0}};
  std::vector<std::uint32_t> bigram_counts_;  // the pair's count, by slot
  // log_association() of a word never seen after this history: log10 of the Witten-Bell
  // backoff weight (0 for a word with no recorded followers).
  std::vector<double> backoff_log_;
  std::uint64_t total_ = 0;
  double unknown_log_ = 0;
  // The spelling model: log10 P(c | a b) per character trigram seen in the vocabulary, and per
  // history (a b) the value for a character never seen after it (code points packed in keys).
  struct LogTable {
    struct Slot {
      std::uint64_t key;
      double value;
    };
    std::vector<Slot> slots{1, Slot{kEmptySlot, 0}};
    void build(const std::unordered_map<std::uint64_t, double>& values);
    const double* find(std::uint64_t key) const {
      for (std::size_t i = (key * 0x9E3779B97F4A7C15ull >> 32) & (slots.size() - 1);; i = (i + 1) & (slots.size() - 1)) {
        if (slots[i].key == key) return &slots[i].value;
        if (slots[i].key == kEmptySlot) return nullptr;
      }
    }
  };
  LogTable spelling_seen_, spelling_unseen_;
  double spelling_new_history_ = 0;
  void build_spelling_model();
};

}  // namespace protokoll
