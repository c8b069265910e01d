// Character classes, case and the folding of å/ä/ö, one copy for every stage (internal).
// ASCII is answered here (most of any text; the same answers as ICU's), the rest by ICU.
#pragma once

#include <string>
#include <string_view>

#include <unicode/uchar.h>

#include "text/text_util.hpp"

namespace protokoll {

inline bool is_swedish_diacritic(char32_t c) {
  switch (c) {
    case U'å': case U'ä': case U'ö': case U'Å': case U'Ä': case U'Ö': return true;
    default: return false;
  }
}
inline bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= U'a' && (c | 0x20) <= U'z';
  return u_isalpha(static_cast<UChar32>(c));
}
inline bool is_digit(char32_t c) { return c < 0x80 ? c >= U'0' && c <= U'9' : u_isdigit(static_cast<UChar32>(c)); }
inline bool is_upper(char32_t c) { return c < 0x80 ? c >= U'A' && c <= U'Z' : u_isupper(static_cast<UChar32>(c)); }
inline bool is_space(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return u_isspace(static_cast<UChar32>(c));
}
inline char32_t lower_cp(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z' ? c + 0x20 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}
inline char32_t upper_cp(char32_t c) { return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))); }

/// Letters a Swedish word is spelled with (a-z, å, ä, ö, and the hyphen of compounds). A token
/// with anything else (é, 6, 0, @) inside a word is an OCR misreading unless the lexicon knows
/// it ("idé", "kommitté").
inline bool swedish_spelling(std::u32string_view s) {
  for (char32_t c : s) {
    const char32_t l = lower_cp(c);
    if ((l >= U'a' && l <= U'z') || l == U'å' || l == U'ä' || l == U'ö' || l == U'-') continue;
    return false;
  }
  return true;
}

/// Some letters, and every letter upper case ("LG", "FÖRSLAG").
inline bool all_upper(std::u32string_view s) {
  std::size_t letters = 0;
  for (char32_t c : s)
    if (is_letter(c)) {
      ++letters;
      if (!is_upper(c)) return false;
    }
  return letters > 0;
}

inline std::u32string lower32(std::u32string_view s) {
  std::u32string out(s);
  for (auto& c : out) c = lower_cp(c);
  return out;
}
/// to_utf8(lower32(s)) written into `out` (a buffer kept between calls: no allocation).
inline std::string_view lower_utf8(std::u32string_view s, std::string& out) {
  out.clear();
  for (char32_t c : s) append_utf8(out, lower_cp(c));
  return out;
}

/// The plain letter an English OCR model leaves of a lower-case å, ä and ö (a, a, o).
inline char32_t stripped_letter(char32_t c) { return c == U'å' || c == U'ä' ? U'a' : c == U'ö' ? U'o' : c; }
/// A lower-case letter as plain ASCII where Swedish writing has it with a mark: å ä ö é.
inline char32_t ascii_letter(char32_t c) { return c == U'é' ? U'e' : stripped_letter(c); }

}  // namespace protokoll
