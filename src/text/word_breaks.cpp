#include "text/word_breaks.hpp"

namespace protokoll::detail {
namespace {

// The UAX #29 classes the plain set needs.
enum class Cls : std::uint8_t { none, letter, digit, mid_num_letter, mid_num, mid_letter, space, other };

Cls cls(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return Cls::letter;
  if (c >= U'0' && c <= U'9') return Cls::digit;
  if (c >= 0xC0 && c <= 0xFF) return c == 0xD7 || c == 0xF7 ? Cls::none : Cls::letter;  // not × ÷
  switch (c) {
    case U' ':
      return Cls::space;
    case U'.':
    case U'\'':
    case U'\u2018':  // ‘
    case U'\u2019':  // ’
      return Cls::mid_num_letter;  // joins letters to letters and digits to digits
    case U',':
    case U';':
      return Cls::mid_num;  // joins digits to digits
    case U':':
      return Cls::mid_letter;  // between letters: Swedish "S:t"; ICU's (see below)
    case U'!': case U'"': case U'#': case U'$': case U'%': case U'&': case U'(': case U')':
    case U'*': case U'+': case U'-': case U'/': case U'<': case U'=': case U'>': case U'?':
    case U'[': case U'\\': case U']': case U'^': case U'`': case U'{': case U'|':
    case U'}': case U'~':
    case U'\t': case U'\f':  // a control character or a page break: a segment of its own
    case U'\u00A2': case U'\u00A7': case U'\u00AB': case U'\u00BB':  // ¢ § « »
    case U'\u2013': case U'\u2014': case U'\u2022': case U'\u20AC': case U'\u25E6':  // – — • € ◦
      return Cls::other;
    default:
      return Cls::none;  // ICU counts '@' a letter, '_' joins words, NBSP and soft hyphen differ
  }
}

}  // namespace

bool plain_word_breaks(std::u32string_view text, std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  thread_local std::vector<Cls> classes;
  classes.resize(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((classes[i] = cls(text[i])) == Cls::none) return false;
  // Whether a colon joins two letters is a matter of Unicode version and locale tailoring (UAX
  // #29 moved it; CLDR gives it back to Swedish): that rare case is left to ICU.
  for (std::size_t i = 1; i + 1 < text.size(); ++i)
    if (classes[i] == Cls::mid_letter && classes[i - 1] == Cls::letter && classes[i + 1] == Cls::letter) return false;
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const std::size_t begin = i;
    const Cls c = classes[i++];
    if (c == Cls::space) {
      while (i < n && classes[i] == Cls::space) ++i;  // WB3d: horizontal space stays together
    } else if (c == Cls::letter || c == Cls::digit) {
      Cls last = c;
      while (i < n) {
        const Cls next = classes[i];
        if (next == Cls::letter || next == Cls::digit) {  // WB5, WB8, WB9, WB10
          last = next;
          ++i;
        } else if (i + 1 < n && ((last == Cls::letter && next == Cls::mid_num_letter && classes[i + 1] == Cls::letter) ||
                                 (last == Cls::digit && (next == Cls::mid_num_letter || next == Cls::mid_num) &&
                                  classes[i + 1] == Cls::digit))) {  // WB6/7 "t.ex", WB11/12 "13.00", "85,4"
          last = classes[i + 1];
          i += 2;
        } else {
          break;
        }
      }
    }  // anything else stands alone (WB999)
    out.emplace_back(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i));
  }
  return true;
}

}  // namespace protokoll::detail
