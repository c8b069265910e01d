#include "protokoll/eval.hpp"

#include <algorithm>
#include <unordered_map>

#include <unicode/uchar.h>

#include "text/normalize.hpp"
#include "text/text_util.hpp"

namespace protokoll {
namespace {

bool word_char(char32_t c) {
  // Python's \w: letters, digits (any script), underscore, and combining marks.
  return u_isalnum(static_cast<UChar32>(c)) || c == U'_' || u_getCombiningClass(static_cast<UChar32>(c)) > 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

// For each gold word: whether the hypothesis has that very word aligned to it (an "equal"
// step of a minimal edit alignment).
std::vector<bool> gold_hits(const std::vector<int>& hyp, const std::vector<int>& gold) {
  const std::size_t n = hyp.size(), m = gold.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j)
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (hyp[i - 1] == gold[j - 1] ? 0 : 1)});
  std::vector<bool> hit(m, false);
  std::size_t i = n, j = m;
  while (i > 0 && j > 0) {
    if (hyp[i - 1] == gold[j - 1] && d[i][j] == d[i - 1][j - 1]) {
      hit[j - 1] = true;
      --i;
      --j;
    } else if (d[i][j] == d[i - 1][j - 1] + 1) {
      --i;
      --j;
    } else if (d[i][j] == d[i - 1][j] + 1) {
      --i;
    } else {
      --j;
    }
  }
  return hit;
}

// The yardstick's [åäöÅÄÖéÉ].
bool has_diacritic(const std::string& w) {
  for (const char* d : {"å", "ä", "ö", "Å", "Ä", "Ö", "é", "É"})
    if (w.find(d) != std::string::npos) return true;
  return false;
}

void finish_rates(TextScores& s) {
  s.fix_rate = static_cast<double>(s.fixed) / static_cast<double>(std::max<std::size_t>(1, s.damaged));
  s.break_rate = static_cast<double>(s.broken) / static_cast<double>(std::max<std::size_t>(1, s.intact));
  s.error_reduction = *s.input_wer > 0 ? 1.0 - s.wer / *s.input_wer : 0.0;
}

}  // namespace

std::vector<std::string> eval_words(std::string_view text) {
  std::vector<std::string> out;
  std::u32string u = to_u32(nfc(text));
  std::u32string cur;
  for (char32_t c : u) {
    if (word_char(c)) cur += c;
    else if (!cur.empty()) {
      out.push_back(to_utf8(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(to_utf8(cur));
  return out;
}

TextScores score_text(std::string_view output, std::string_view gold, std::optional<std::string_view> input) {
  std::unordered_map<std::string, int> ids;
  auto encode = [&](const std::vector<std::string>& words) {
    std::vector<int> v;
    v.reserve(words.size());
    for (const auto& w : words) v.push_back(ids.emplace(w, static_cast<int>(ids.size())).first->second);
    return v;
  };
  auto join = [](const std::vector<std::string>& words) {
    std::string s;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i) s += ' ';
      s += words[i];
    }
    return to_u32(s);
  };
  auto ow = eval_words(output), gw = eval_words(gold);
  auto oh = encode(ow), gh = encode(gw);
  TextScores s;
  s.gold_words = gw.size();
  const double n = static_cast<double>(std::max<std::size_t>(1, gw.size()));
  s.word_errors = edit_distance(oh, gh);
  s.wer = static_cast<double>(s.word_errors) / n;
  std::u32string oc = join(ow), gc = join(gw);
  s.gold_chars = gc.size();
  s.char_errors = edit_distance(std::vector<char32_t>(oc.begin(), oc.end()), std::vector<char32_t>(gc.begin(), gc.end()));
  s.cer = static_cast<double>(s.char_errors) / static_cast<double>(std::max<std::size_t>(1, gc.size()));
  const auto out_hit = gold_hits(oh, gh);
  for (std::size_t j = 0; j < gw.size(); ++j)
    if (has_diacritic(gw[j])) {
      ++s.diacritic_words;
      s.diacritic_hits += out_hit[j];
    }
  s.diacritic_acc = static_cast<double>(s.diacritic_hits) / static_cast<double>(std::max<std::size_t>(1, s.diacritic_words));
  if (input) {
    auto iw = eval_words(*input);
    auto ih = encode(iw);
    s.input_word_errors = edit_distance(ih, gh);
    s.input_wer = static_cast<double>(s.input_word_errors) / n;
    const auto in_hit = gold_hits(ih, gh);
    for (std::size_t j = 0; j < gh.size(); ++j) {
      if (in_hit[j]) {
        ++s.intact;
        if (!out_hit[j]) ++s.broken;
      } else {
        ++s.damaged;
        if (out_hit[j]) ++s.fixed;
      }
    }
    finish_rates(s);
  }
  return s;
}

TextScores pool_text_scores(const std::vector<TextScores>& parts) {
  TextScores s;
  bool all_inputs = !parts.empty();
  for (const auto& p : parts) {
    s.gold_words += p.gold_words;
    s.gold_chars += p.gold_chars;
    s.word_errors += p.word_errors;
    s.char_errors += p.char_errors;
    s.diacritic_words += p.diacritic_words;
    s.diacritic_hits += p.diacritic_hits;
    all_inputs = all_inputs && p.input_wer.has_value();
    s.input_word_errors += p.input_word_errors;
    s.damaged += p.damaged;
    s.fixed += p.fixed;
    s.intact += p.intact;
    s.broken += p.broken;
  }
  const auto ratio = [](std::size_t a, std::size_t b) { return static_cast<double>(a) / static_cast<double>(std::max<std::size_t>(1, b)); };
  s.wer = ratio(s.word_errors, s.gold_words);
  s.cer = ratio(s.char_errors, s.gold_chars);
  s.diacritic_acc = ratio(s.diacritic_hits, s.diacritic_words);
  if (all_inputs) {  // rates before and after only where every part had its input
    s.input_wer = ratio(s.input_word_errors, s.gold_words);
    finish_rates(s);
  }
  return s;
}

nlohmann::ordered_json to_json(const TextScores& s) {
  nlohmann::ordered_json j;
  j["gold_words"] = s.gold_words;
  j["wer"] = s.wer;
  j["cer"] = s.cer;
  j["diacritic_words"] = s.diacritic_words;
  j["diacritic_acc"] = s.diacritic_acc;
  if (s.input_wer) {
    j["input_wer"] = *s.input_wer;
    j["damaged"] = s.damaged;
    j["fixed"] = s.fixed;
    j["broken"] = s.broken;
    j["fix_rate"] = *s.fix_rate;
    j["break_rate"] = *s.break_rate;
    j["error_reduction"] = *s.error_reduction;
    j["intact"] = s.intact;  // not the yardstick's, but the break rate's denominator
  }
  return j;
}

}  // namespace protokoll
