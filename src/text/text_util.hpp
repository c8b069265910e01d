// Small UTF-8 and case helpers shared by the text stages.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace protokoll {

/// Hash for unordered containers of std::string that are searched by string_view without
/// building a string (heterogeneous lookup: pair it with std::equal_to<>).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// Split on '\n' (a trailing '\r' is kept out of the line). A final newline does not add a line.
std::vector<std::string_view> split_lines(std::string_view text);

std::string to_lower(std::string_view utf8);
std::string to_upper(std::string_view utf8);
/// First letter upper, the rest as given.
std::string capitalize(std::string_view utf8);

enum class CasePattern { lower, capitalized, upper, mixed };
CasePattern case_pattern(std::string_view utf8);
CasePattern case_pattern(std::u32string_view text);
/// Give `word` the case pattern `pattern` (used to keep FÖRSLAG / Förslag / förslag).
std::string apply_case(std::string_view word, CasePattern pattern);

/// Number of code points.
std::size_t utf8_length(std::string_view utf8);
/// The code point at byte `i` of `utf8`; `i` moves past it. A broken sequence is U+FFFD and
/// one byte long.
char32_t decode_utf8(std::string_view utf8, std::size_t& i);
/// Decode to code points / encode back.
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);
/// Append one code point to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

/// Levenshtein distance between two sequences (strings, vectors of word ids).
template <class Seq>
std::size_t edit_distance(const Seq& a, const Seq& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

/// Trim ASCII and Unicode white space at both ends.
std::string_view trim(std::string_view s);

}  // namespace protokoll
