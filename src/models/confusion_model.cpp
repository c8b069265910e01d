#include "protokoll/resources.hpp"
#include "models/confusion_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <stdexcept>

#include <unicode/uchar.h>

#include "text/text_util.hpp"

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
  // A two-character truth ("äl" -> "ai") was counted only where it was misread: its total is
  // how often its first character was seen.
  std::map<char32_t, double> single_totals;
  for (const auto& [key, value] : rows)
    if (key.first.size() == 1) single_totals[key.first[0]] = std::max(single_totals[key.first[0]], value.second);
  for (auto& [key, value] : rows)
    if (key.first.size() > 1) value.second = std::max(value.second, single_totals[key.first[0]]);
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
  // å, ä and ö lose their marks the same ways: a reading seen for one (ö -> é, ä -> ad) is
  // possible for the others, at a twentieth of its rate. Base letters are not shared: ä is
  // never read as "o".
  for (const std::u32string& group : {std::u32string(U"åäö"), std::u32string(U"ÅÄÖ")}) {
    std::map<std::u32string, double> pooled;  // seen -> highest P(seen | any of the group)
    for (const auto& [key, value] : rows) {
      const auto& [truth, seen] = key;
      if (truth.size() != 1 || group.find(truth[0]) == std::u32string::npos || seen.empty() || seen == truth) continue;
      if (seen == U"a" || seen == U"o" || seen == U"A" || seen == U"O") continue;
      pooled[seen] = std::max(pooled[seen], value.first / value.second);
    }
    for (char32_t t : group)
      for (const auto& [seen, p] : pooled)
        if (!rows.count({std::u32string(1, t), seen})) rows[{std::u32string(1, t), seen}] = {p / 20.0, 1.0};
  }
  // P(c | c) for every character the renderer saw; a character OCR never printed as itself
  // (the English model has no "ö") keeps with a tiny probability, not the default.
  for (const auto& [key, value] : snapshot) {
    const auto& [truth, seen] = key;
    if (truth.size() == 1 && !keep_.count(truth[0])) keep_[truth[0]] = std::log10(0.5 / value.second);
  }
  for (const auto& [key, value] : rows) {
    const auto& [truth, seen] = key;
    double lp = std::log10(value.first / value.second);
    if (truth == seen && truth.size() == 1) keep_[truth[0]] = lp;
    else rules_.push_back(Confusion{seen, truth, lp});
  }
  index();
}

void ConfusionModel::index() {
  by_first_.clear();
  for (std::size_t i = 0; i < rules_.size(); ++i) rules_[i].index = i;
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
