#include "text/text_util.hpp"

#include "text/chars.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace protokoll {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t stop = nl == std::string_view::npos ? text.size() : nl;
    std::size_t end = stop;
    if (end > start && text[end - 1] == '\r') --end;
    lines.push_back(text.substr(start, end - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  char32_t cp;
  int extra;
  if (c < 0x80) { cp = c; extra = 0; }
  else if ((c >> 5) == 6) { cp = c & 0x1f; extra = 1; }
  else if ((c >> 4) == 14) { cp = c & 0x0f; extra = 2; }
  else if ((c >> 3) == 30) { cp = c & 0x07; extra = 3; }
  else { ++i; return U'\uFFFD'; }
  bool ok = i + extra < s.size();  // a truncated sequence at the end is invalid
  for (int k = 1; ok && k <= extra; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc >> 6) != 2) ok = false;
    else cp = (cp << 6) | (cc & 0x3f);
  }
  if (!ok) { ++i; return U'\uFFFD'; }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out += decode_utf8(s, i);
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) out += static_cast<char>(c);
  else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
  return n;
}

std::string to_lower(std::string_view s) {
  // ASCII and the Latin-1 letters (Å Ä Ö É … are C3 80..9E) directly; anything else via ICU.
  bool latin1 = true;
  for (std::size_t i = 0; i < s.size() && latin1; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    if (c == 0xC3 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
    else latin1 = false;
  }
  std::string out(s);
  if (latin1) {
    for (std::size_t i = 0; i < out.size(); ++i) {
      auto& c = out[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      else if (static_cast<unsigned char>(c) == 0xC3) {
        auto& d = out[++i];
        const auto u = static_cast<unsigned char>(d);
        if (u >= 0x80 && u <= 0x9E && u != 0x97) d = static_cast<char>(u + 0x20);  // not × (U+00D7)
      }
    }
    return out;
  }
  std::u32string u = to_u32(s);
  for (char32_t& c : u) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return to_utf8(u);
}

std::string to_upper(std::string_view s) {
  std::u32string u = to_u32(s);
  for (char32_t& c : u) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  return to_utf8(u);
}

std::string capitalize(std::string_view s) {
  std::u32string u = to_u32(s);
  if (!u.empty()) u[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(u[0])));
  return to_utf8(u);
}

CasePattern case_pattern(std::string_view s) { return case_pattern(std::u32string_view(to_u32(s))); }

CasePattern case_pattern(std::u32string_view u) {
  std::size_t letters = 0, upper = 0;
  bool first_upper = false;
  for (std::size_t i = 0; i < u.size(); ++i) {
    const char32_t c = u[i];
    if (!is_letter(c)) continue;
    const bool up = is_upper(c);
    if (letters == 0) first_upper = up;
    ++letters;
    if (up) ++upper;
  }
  if (upper == 0) return CasePattern::lower;
  if (upper == letters && letters > 1) return CasePattern::upper;
  if (first_upper && upper == 1) return CasePattern::capitalized;
  if (letters == 1 && first_upper) return CasePattern::capitalized;
  return CasePattern::mixed;
}

std::string apply_case(std::string_view word, CasePattern pattern) {
  switch (pattern) {
    case CasePattern::lower: return to_lower(word);
    case CasePattern::upper: return to_upper(word);
    case CasePattern::capitalized: return capitalize(to_lower(word));
    case CasePattern::mixed: break;
  }
  return std::string(word);
}

std::string_view trim(std::string_view s) {
  auto is_space_at = [&](std::size_t i, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') { len = 1; return true; }
    if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xa0) { len = 2; return true; }
    return false;
  };
  std::size_t b = 0, len = 0;
  while (b < s.size() && is_space_at(b, len)) b += len;
  std::size_t e = s.size();
  while (e > b) {
    unsigned char c = static_cast<unsigned char>(s[e - 1]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') { --e; continue; }
    if (c == 0xa0 && e >= 2 && static_cast<unsigned char>(s[e - 2]) == 0xc2) { e -= 2; continue; }
    break;
  }
  return s.substr(b, e - b);
}

}  // namespace protokoll
