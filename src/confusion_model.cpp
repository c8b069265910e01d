#include "protokoll/resources.hpp"
#include "protokoll/confusion_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <stdexcept>

#include <unicode/uchar.h>

#include "protokoll/text_util.hpp"

namespace protokoll {

void ConfusionModel::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw SetupError("confusion table " + path + " cannot be read");
  std::string line;
  std::map<std::pair<std::u32string, std::u32string>, std::pair<double, double>> rows;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      f.push_back(line.substr(start, tab - start));
    f.push_back(line.substr(start));
    if (f.size() != 4) continue;
    double count = std::stod(f[2]), total = std::stod(f[3]);
    if (count <= 0 || total <= 0) continue;
    rows[{to_u32(f[0]), to_u32(f[1])}] = {count, total};
  }
  // The renderer sees few capitals; where a capital's confusion is missing, borrow the
  // lower-case letter's (OCR confuses "Ö" like "ö" far more often than not).
  auto upper = [](std::u32string s) {
    for (auto& c : s) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
    return s;
  };
  auto snapshot = rows;
  for (const auto& [key, value] : snapshot) {
    const auto& [truth, seen] = key;
    if (truth.size() != 1 || !u_islower(static_cast<UChar32>(truth[0]))) continue;
    auto ut = upper(truth), us = upper(seen);
    if (us == seen && truth != seen) continue;  // "ö" -> "6": no capital form to borrow
    if (!rows.count({ut, us})) rows[{ut, us}] = value;
  }
  for (const auto& [key, value] : rows) {
    const auto& [truth, seen] = key;
    double lp = std::log10(value.first / value.second);
    if (truth == seen && truth.size() == 1) keep_[truth[0]] = lp;
    else add(truth, seen, lp);
  }
  index();
}

void ConfusionModel::add(std::u32string truth, std::u32string seen, double log_prob) {
  rules_.push_back(Confusion{std::move(seen), std::move(truth), log_prob});
}

void ConfusionModel::index() {
  by_first_.clear();
  for (const auto& r : rules_)
    if (!r.seen.empty()) by_first_[r.seen[0]].push_back(&r);
  for (auto& [c, list] : by_first_)
    std::stable_sort(list.begin(), list.end(),
                     [](const Confusion* a, const Confusion* b) { return a->seen.size() > b->seen.size(); });
}

const std::vector<const Confusion*>& ConfusionModel::starting_with(char32_t c) const {
  auto it = by_first_.find(c);
  return it == by_first_.end() ? none_ : it->second;
}

double ConfusionModel::log_keep(char32_t c) const {
  auto it = keep_.find(c);
  return it == keep_.end() ? -0.002 : it->second;
}

}  // namespace protokoll
