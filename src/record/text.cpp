// Small text helpers of the record readers: spaces, sentences, slugs, dates without a year.
#include <regex>

#include "record/parts.hpp"
#include "text/chars.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {

bool is_url_line(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty() || !(t[0] == 'h' || t[0] == 'H' || t[0] == 'w' || t[0] == 'W')) return false;
  std::string l = to_lower(t.substr(0, std::min<std::size_t>(t.size(), 8)));
  return l.rfind("http", 0) == 0 || l.rfind("www.", 0) == 0;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string slug(std::string_view s) {
  std::string out;
  for (char32_t c : to_u32(to_lower(s))) {
    const char32_t m = ascii_letter(c);
    if ((m >= U'a' && m <= U'z') || (m >= U'0' && m <= U'9')) out += static_cast<char>(m);
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 48);
}

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      if (!cur.empty() && cur.back() != ' ') cur += ' ';
      // A paragraph break ends a sentence.
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        if (!collapse_spaces(cur).empty()) out.push_back(collapse_spaces(cur));
        cur.clear();
      }
      continue;
    }
    cur += c;
    // A stop followed by a space and a capital (or the end) ends a sentence; "kl. 13" and
    // "1,2 mkr." inside a sentence do not.
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\n')) ++j;
      std::size_t k = j;
      const bool capital = j >= text.size() || is_upper(decode_utf8(text, k));
      auto ends_with = [&](std::string_view a) {  // ASCII, any case
        if (cur.size() < a.size()) return false;
        for (std::size_t k = 0; k < a.size(); ++k)
          if ((cur[cur.size() - a.size() + k] | 0x20) != a[k] && a[k] != '.') return false;
        return cur.size() == a.size() || cur[cur.size() - a.size() - 1] == ' ';
      };
      const bool abbreviation = ends_with("kl.") || ends_with("nr.") || ends_with("ca.") || ends_with("t.ex.");
      if (capital && !abbreviation) {
        out.push_back(collapse_spaces(cur));
        cur.clear();
      }
    }
  }
  if (!collapse_spaces(cur).empty()) out.push_back(collapse_spaces(cur));
  return out;
}

std::optional<DateMatch> find_coming_date(std::string_view text, const Date& after) {
  if (text.size() > minutes::kMaxFieldLine) return std::nullopt;
  if (auto d = find_date(text); d && !(d->date == after)) return d;
  static const std::regex day_month(
      R"((?:([A-Za-zÅÄÖåäö]+dag(?:en)?)\s+(?:den\s+)?|den\s+)?(\d{1,2})(?:\s*:e)?\s+([A-Za-zÅÄÖåäö]{3,9})\b)",
      std::regex::icase);
  const std::string s(text);
  for (std::sregex_iterator it(s.begin(), s.end(), day_month), end; it != end; ++it) {
    const auto& m = *it;
    const int month = parse_month(m.str(3));
    if (!month) continue;
    Date d{after.year, month, std::stoi(m.str(2))};
    if (d.month < after.month || (d.month == after.month && d.day < after.day)) ++d.year;
    if (!valid_date(d.year, d.month, d.day)) continue;
    DateMatch match;
    match.date = d;
    match.begin = static_cast<std::size_t>(m.position(0));
    match.end = static_cast<std::size_t>(m.position(0) + m.length(0));
    if (m[1].matched && parse_weekday(m.str(1)) >= 0) match.weekday = m.str(1);
    return match;
  }
  return std::nullopt;
}

}  // namespace protokoll::record
