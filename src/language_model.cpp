#include "protokoll/resources.hpp"
#include "protokoll/language_model.hpp"

#include <charconv>
#include <cmath>
#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "protokoll/text_util.hpp"

namespace protokoll {
namespace {

template <class F>
void read_table(const std::string& path, F&& add) {
  std::ifstream in(path);
  if (!in) throw SetupError("language model table " + path + " cannot be read");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.rfind('\t');
    if (tab == std::string::npos) continue;
    std::uint32_t count = 0;
    std::from_chars(line.data() + tab + 1, line.data() + line.size(), count);
    line.resize(tab);
    add(std::move(line), count);
  }
}

}  // namespace

void LanguageModel::load(const std::string& unigram_path, const std::string& bigram_path) {
  read_table(unigram_path, [&](std::string w, std::uint32_t c) {
    total_ += c;
    unigrams_.emplace(std::move(w), c);
  });
  std::unordered_map<std::string, double> kept;
  read_table(bigram_path, [&](std::string w, std::uint32_t c) {
    std::string prev = w.substr(0, w.find(' '));
    backoff_[prev] += 1;
    kept[prev] += c;
    bigrams_.emplace(std::move(w), c);
  });
  for (auto& [prev, b] : backoff_) b += std::max(0.0, static_cast<double>(count(prev)) - kept[prev]);
  build_spelling_model();
}

namespace {
constexpr char32_t kBoundary = 0x2;  // start and end of a word
// 21 bits per code point: (a, b) and (a, b, c) packed into one key.
std::uint64_t key2(char32_t a, char32_t b) { return (std::uint64_t(a) << 21) | b; }
std::uint64_t key3(char32_t a, char32_t b, char32_t c) { return (std::uint64_t(a) << 42) | (std::uint64_t(b) << 21) | c; }
}  // namespace

void LanguageModel::build_spelling_model() {
  char_trigrams_.clear();
  char_bigrams_.clear();
  for (const auto& [word, count] : unigrams_) {
    (void)count;  // every spelling counts once: frequent function words must not dominate
    std::u32string w = to_u32(word);
    char32_t a = kBoundary, b = kBoundary;
    for (std::size_t i = 0; i <= w.size(); ++i) {
      char32_t c = i < w.size() ? w[i] : kBoundary;
      ++char_trigrams_[key3(a, b, c)];
      ++char_bigrams_[key2(a, b)];
      a = b;
      b = c;
    }
  }
}

double LanguageModel::log_spelling(std::string_view word) const {
  std::u32string w = to_u32(word);
  constexpr double kAlphabet = 40.0, kAdd = 0.1;
  double lp = 0;
  char32_t a = kBoundary, b = kBoundary;
  for (std::size_t i = 0; i <= w.size(); ++i) {
    char32_t c = i < w.size() ? w[i] : kBoundary;
    auto t = char_trigrams_.find(key3(a, b, c));
    auto h = char_bigrams_.find(key2(a, b));
    double num = (t == char_trigrams_.end() ? 0.0 : t->second) + kAdd;
    double den = (h == char_bigrams_.end() ? 0.0 : h->second) + kAdd * kAlphabet;
    lp += std::log10(num / den);
    a = b;
    b = c;
  }
  return lp;
}

std::uint64_t LanguageModel::count(std::string_view word) const {
  auto it = unigrams_.find(std::string(word));
  return it == unigrams_.end() ? 0 : it->second;
}

std::uint64_t LanguageModel::count(std::string_view prev, std::string_view word) const {
  std::string key;
  key.reserve(prev.size() + word.size() + 1);
  key.append(prev).push_back(' ');
  key.append(word);
  auto it = bigrams_.find(key);
  return it == bigrams_.end() ? 0 : it->second;
}

double LanguageModel::log_unigram(std::string_view word) const {
  const double v = static_cast<double>(unigrams_.size()) + 1;
  return std::log10((static_cast<double>(count(word)) + 0.5) / (static_cast<double>(total_) + 0.5 * v));
}

double LanguageModel::log_bigram(std::string_view prev, std::string_view word) const {
  const double cp = static_cast<double>(count(prev));
  const double uni = std::pow(10.0, log_unigram(word));
  if (cp <= 0) return std::log10(uni);
  // Witten-Bell: a history followed by many different words leaves much mass to the unigram,
  // so "för" + an unseen word is not punished for "för" being well known.
  auto it = backoff_.find(std::string(prev));
  const double b = it == backoff_.end() ? cp : std::max(1.0, it->second);
  return std::log10((static_cast<double>(count(prev, word)) + b * uni) / (cp + b));
}

}  // namespace protokoll
