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
  s.wer = static_cast<double>(edit_distance(oh, gh)) / n;
  std::u32string oc = join(ow), gc = join(gw);
  s.cer = static_cast<double>(edit_distance(std::vector<char32_t>(oc.begin(), oc.end()),
                                            std::vector<char32_t>(gc.begin(), gc.end()))) /
          static_cast<double>(std::max<std::size_t>(1, gc.size()));
  if (input) {
    auto iw = eval_words(*input);
    auto ih = encode(iw);
    s.input_wer = static_cast<double>(edit_distance(ih, gh)) / n;
    auto in_hit = gold_hits(ih, gh), out_hit = gold_hits(oh, gh);
    for (std::size_t j = 0; j < gh.size(); ++j) {
      if (in_hit[j]) {
        ++s.intact;
        if (!out_hit[j]) ++s.broken;
      } else {
        ++s.damaged;
        if (out_hit[j]) ++s.fixed;
      }
    }
    s.fix_rate = static_cast<double>(s.fixed) / static_cast<double>(std::max<std::size_t>(1, s.damaged));
    s.break_rate = static_cast<double>(s.broken) / static_cast<double>(std::max<std::size_t>(1, s.intact));
  }
  return s;
}

}  // namespace protokoll
