// Word unigram/bigram counts of Swedish running text (dictionaries/lm-*.tsv, built by
// tools/build-language-model from Swedish text that Debian packages ship), with a simple
// interpolated estimate for context scoring in the repair stage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace protokoll {

class LanguageModel {
 public:
  LanguageModel() = default;
  /// Load unigram and bigram tables ("word\tcount" and "w1 w2\tcount"). Throws on I/O errors.
  void load(const std::string& unigram_path, const std::string& bigram_path);

  /// log10 P(word), add-one smoothed over the vocabulary. Words are lower-case.
  double log_unigram(std::string_view word) const;
  /// log10 P(word | prev), interpolated with the unigram estimate.
  double log_bigram(std::string_view prev, std::string_view word) const;

  /// log10 probability of the spelling of a lower-case word under a character trigram model of
  /// the vocabulary: how Swedish a word unknown to every lexicon looks ("hjelmström" scores far
  /// above "hjelmstrém"). Used for names and compounds the lexicon lacks.
  double log_spelling(std::string_view word) const;

  std::uint64_t count(std::string_view word) const;
  std::uint64_t count(std::string_view prev, std::string_view word) const;
  std::size_t vocabulary() const { return unigrams_.size(); }
  std::uint64_t total() const { return total_; }

 private:
  std::unordered_map<std::string, std::uint32_t> unigrams_;
  std::unordered_map<std::string, std::uint32_t> bigrams_;  // key "w1 w2"
  // Witten-Bell backoff mass per history: distinct followers plus the count of bigrams the
  // pruned table left out (mostly singletons, each a distinct follower).
  std::unordered_map<std::string, double> backoff_;
  std::uint64_t total_ = 0;
  // Character trigram counts over the vocabulary's spellings (code points packed in a key).
  std::unordered_map<std::uint64_t, std::uint32_t> char_trigrams_;
  std::unordered_map<std::uint64_t, std::uint32_t> char_bigrams_;
  void build_spelling_model();
};

}  // namespace protokoll
