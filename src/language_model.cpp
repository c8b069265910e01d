#include "protokoll/resources.hpp"
#include "protokoll/language_model.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <stdexcept>

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
  read_table(bigram_path, [&](std::string w, std::uint32_t c) { bigrams_.emplace(std::move(w), c); });
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
  // Interpolation weight grows with how much we know of `prev` (Witten-Bell in spirit).
  const double lambda = cp / (cp + 20.0);
  const double bi = static_cast<double>(count(prev, word)) / cp;
  return std::log10(lambda * bi + (1 - lambda) * uni);
}

}  // namespace protokoll
