#include "protokoll/resources.hpp"
#include "models/language_model.hpp"

#include <charconv>
#include <cmath>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "text/text_util.hpp"

namespace protokoll {
namespace {

template <class F>
void read_table(const std::string& path, F&& add) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SetupError("language model table " + path + " cannot be read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = std::move(buffer).str();
  for (std::string_view line : split_lines(text)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.rfind('\t');
    if (tab == std::string_view::npos) continue;
    std::uint32_t count = 0;
    std::from_chars(line.data() + tab + 1, line.data() + line.size(), count);
    add(line.substr(0, tab), count);
  }
}

}  // namespace

void LanguageModel::load(const std::string& unigram_path, const std::string& bigram_path) {
  read_table(unigram_path, [&](std::string_view w, std::uint32_t c) {
    total_ += c;
    ids_.emplace(std::string(w), static_cast<int>(words_.size()));
    words_.emplace_back(w);
    counts_.push_back(c);
  });
  if (words_.size() > kMaxVocabulary)
    throw SetupError("language model table " + unigram_path + " has " + std::to_string(words_.size()) +
                     " words; at most " + std::to_string(kMaxVocabulary) + " are supported");
  backoff_.assign(words_.size(), 0.0);
  std::vector<double> kept(words_.size(), 0.0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // pair_key(prev id, word id), count
  pairs.reserve(1 << 17);
  read_table(bigram_path, [&](std::string_view w, std::uint32_t c) {
    auto space = w.find(' ');
    if (space == std::string_view::npos) return;
    int a = id(w.substr(0, space)), b = id(w.substr(space + 1));
    if (a < 0 || b < 0) return;
    backoff_[static_cast<std::size_t>(a)] += 1;
    kept[static_cast<std::size_t>(a)] += c;
    pairs.emplace_back(pair_key(a, b), c);
  });
  for (std::size_t i = 0; i < words_.size(); ++i) backoff_[i] += std::max(0.0, counts_[i] - kept[i]);
  const double v = static_cast<double>(words_.size()) + 1;
  const double denominator = static_cast<double>(total_) + 0.5 * v;
  unknown_log_ = std::log10(0.5 / denominator);
  uni_prob_.resize(words_.size());
  uni_log_.resize(words_.size());
  for (std::size_t i = 0; i < words_.size(); ++i) {
    uni_prob_[i] = (static_cast<double>(counts_[i]) + 0.5) / denominator;
    uni_log_[i] = std::log10(uni_prob_[i]);
  }
  // The association table: every recorded bigram, and the backoff of each history.
  backoff_log_.assign(words_.size(), 0.0);
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const double cp = counts_[i];
    if (cp <= 0) continue;
    const double b = std::max(1.0, backoff_[i]);
    backoff_log_[i] = std::log10(b / (cp + b));
  }
  std::vector<std::pair<std::uint32_t, double>> associations, counts;
  associations.reserve(pairs.size());
  counts.reserve(pairs.size());
  for (const auto& [key, c] : pairs) {
    const auto prev = static_cast<std::size_t>(key >> 16), word = static_cast<std::size_t>(key & 0xffffu);
    // log_bigram(prev, word) - log_unigram(word), with the pair's own count.
    const double b = std::max(1.0, backoff_[prev]);
    const double log_p = std::log10((static_cast<double>(c) + b * uni_prob_[word]) / (counts_[prev] + b));
    associations.emplace_back(key, log_p - uni_log_[word]);
    counts.emplace_back(key, c);
  }
  associations_.build(associations);
  bigram_counts_.build(counts);
  build_spelling_model();
}

int LanguageModel::id(std::string_view word) const {
  auto it = ids_.find(word);
  return it == ids_.end() ? kUnknown : it->second;
}

std::uint64_t LanguageModel::count(int prev, int word) const {
  if (prev < 0 || word < 0) return 0;
  const double* c = bigram_counts_.find(pair_key(prev, word));
  return c ? static_cast<std::uint64_t>(*c) : 0;
}

double LanguageModel::log_unigram(int word) const {
  return word < 0 ? unknown_log_ : uni_log_[static_cast<std::size_t>(word)];
}

double LanguageModel::log_bigram(int prev, int word) const {
  const double cp = static_cast<double>(count(prev));
  if (cp <= 0) return log_unigram(word);
  const double uni = word < 0 ? std::pow(10.0, unknown_log_) : uni_prob_[static_cast<std::size_t>(word)];
  // Witten-Bell: a history followed by many different words leaves much mass to the unigram,
  // so "för" + an unseen word is not punished for "för" being well known.
  const double b = std::max(1.0, backoff_[static_cast<std::size_t>(prev)]);
  return std::log10((static_cast<double>(count(prev, word)) + b * uni) / (cp + b));
}

namespace {
constexpr char32_t kBoundary = 0x2;  // start and end of a word
// 21 bits per code point: (a, b) and (a, b, c) packed into one key.
std::uint64_t key2(char32_t a, char32_t b) { return (std::uint64_t(a) << 21) | b; }
std::uint64_t key3(char32_t a, char32_t b, char32_t c) { return (std::uint64_t(a) << 42) | (std::uint64_t(b) << 21) | c; }
}  // namespace

namespace {
constexpr double kAlphabet = 40.0, kAdd = 0.1;  // add-k smoothing over about 40 letters
}  // namespace

void LanguageModel::build_spelling_model() {
  std::unordered_map<std::uint64_t, std::uint32_t> trigrams, bigrams;
  for (const auto& word : words_) {
    // every spelling counts once: frequent function words must not dominate
    std::u32string w = to_u32(word);
    char32_t a = kBoundary, b = kBoundary;
    for (std::size_t i = 0; i <= w.size(); ++i) {
      char32_t c = i < w.size() ? w[i] : kBoundary;
      ++trigrams[key3(a, b, c)];
      ++bigrams[key2(a, b)];
      a = b;
      b = c;
    }
  }
  std::vector<std::pair<std::uint64_t, double>> seen, unseen;
  for (const auto& [k, n] : bigrams) unseen.emplace_back(k, std::log10(kAdd / (n + kAdd * kAlphabet)));
  for (const auto& [k, n] : trigrams) {
    const std::uint64_t history = ((k >> 42) << 21) | ((k >> 21) & 0x1FFFFF);
    seen.emplace_back(k, std::log10((n + kAdd) / (bigrams[history] + kAdd * kAlphabet)));
  }
  spelling_seen_.build(seen);
  spelling_unseen_.build(unseen);
  spelling_new_history_ = std::log10(kAdd / (kAdd * kAlphabet));
}

double LanguageModel::log_spelling(std::string_view word) const {
  std::u32string w = to_u32(word);
  double lp = 0;
  char32_t a = kBoundary, b = kBoundary;
  for (std::size_t i = 0; i <= w.size(); ++i) {
    char32_t c = i < w.size() ? w[i] : kBoundary;
    if (const double* v = spelling_seen_.find(key3(a, b, c))) lp += *v;
    else if (const double* u = spelling_unseen_.find(key2(a, b))) lp += *u;
    else lp += spelling_new_history_;
    a = b;
    b = c;
  }
  return lp;
}

}  // namespace protokoll
