// Names in lists of people: "Tony Mufic, Marie Krantz (sekr), Anna Ek (S), ordförande".
#include <algorithm>
#include <regex>

#include "minutes/vocabulary.hpp"
#include "record/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {

using minutes::is_role_word;

// A plausible person name: one to five words, the first capitalized, no digits.
bool looks_like_name(std::string_view s) {
  std::string t = collapse_spaces(s);
  if (t.empty() || utf8_length(t) > 60) return false;
  std::size_t words = 1 + static_cast<std::size_t>(std::count(t.begin(), t.end(), ' '));
  if (words > 5) return false;
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (!(std::isupper(c) || c == 0xc3)) return false;
  return std::none_of(t.begin(), t.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
}

// "Tony Mufic, Marie Krantz (sekr), Anna Ek (S), ordförande" -> entries.
std::vector<NameEntry> parse_names(const std::string& text) {
  std::vector<NameEntry> out;
  // A list of names runs to a few hundred characters; more is running text read as a list.
  if (text.size() > 8 * minutes::kMaxFieldLine) return out;
  std::string s = text;
  // Split on commas and semicolons outside parentheses, and on " och " between names.
  std::vector<std::string> parts;
  std::string cur;
  int depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')') depth = std::max(0, depth - 1);
    if ((c == ',' || c == ';') && depth == 0) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  std::vector<std::string> split;
  for (auto& p : parts) {
    std::string t = collapse_spaces(p);
    std::size_t pos;
    while ((pos = t.find(" och ")) != std::string::npos) {
      split.push_back(t.substr(0, pos));
      t = t.substr(pos + 5);
    }
    split.push_back(t);
  }
  static const std::regex paren(R"(\(([^)]*)\))");
  for (auto& p : split) {
    std::string t = collapse_spaces(p);
    if (t.empty()) continue;
    NameEntry e;
    for (std::sregex_iterator it(t.begin(), t.end(), paren), end; it != end; ++it)
      e.notes.push_back(collapse_spaces(it->str(1)));
    std::string name = collapse_spaces(std::regex_replace(t, paren, " "));
    // "Anna Ek - ordförande", "Anna Ek ordf."
    std::string lower = to_lower(name);
    if (is_role_word(lower) || is_role_word(lower.substr(0, lower.size() - (lower.back() == '.' ? 1 : 0)))) {
      if (!out.empty()) out.back().notes.push_back(name);
      continue;
    }
    if (auto dash = name.find(" - "); dash != std::string::npos) {
      e.notes.push_back(collapse_spaces(name.substr(dash + 3)));
      name = collapse_spaces(name.substr(0, dash));
    }
    while (!name.empty() && (name.back() == '.' || name.back() == ':')) name.pop_back();
    // "Per-Erik Åkesson, kommundirektör": a lower-case entry is the previous person's role.
    if (!name.empty() && !out.empty() && std::islower(static_cast<unsigned char>(name[0])) &&
        std::count(name.begin(), name.end(), ' ') < 3) {
      out.back().notes.push_back(name);
      continue;
    }
    if (!looks_like_name(name)) continue;
    e.name = name;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace protokoll::record
