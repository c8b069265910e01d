// People in minutes: lists of names with their parties, roles, classes and notes, deputies and
// whom they replace, and the names in a sentence.
#include <algorithm>
#include <cctype>

#include "record/parts.hpp"
#include "text/chars.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {
namespace {

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to && k < words.size(); ++k) {
    if (!out.empty()) out += ' ';
    out += words[k];
  }
  return out;
}

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  std::size_t i = 0;
  const char32_t c = decode_utf8(w, i);
  return is_upper(c);
}

bool particle(const std::string& w) {
  static const std::set<std::string> p = {"af", "von", "van", "de", "da", "la", "du", "el", "al", "bin", "der", "den", "di", "le"};
  return p.count(w) > 0;
}

bool all_caps_word(std::string_view w) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < w.size();) {
    const char32_t c = decode_utf8(w, i);
    if (is_letter(c)) {
      if (!is_upper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

// "9A", "NA22", "TE21", "7B": a class written after a pupil's name.
bool is_class(std::string_view w) {
  if (w.size() < 2 || w.size() > 5) return false;
  const bool digits_first = std::isdigit(static_cast<unsigned char>(w[0]));
  if (digits_first) return w.size() <= 3 && std::isupper(static_cast<unsigned char>(w.back()));
  std::size_t k = 0;
  while (k < w.size() && std::isupper(static_cast<unsigned char>(w[k]))) ++k;
  return k >= 2 && k < w.size() && std::all_of(w.begin() + static_cast<long>(k), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// A lower-case word or phrase that says what someone is: a role ("ordförande", "kassör") or a
// title ("rektor"), or a word that ends like one ("ekonomichef", "nämndsekreterare").
bool role_like(const std::string& lower) {
  if (minutes::is_role_word(lower) || minutes::is_title_word(lower)) return true;
  for (std::string_view end : {"chef", "sekreterare", "direktör", "ordförande", "samordnare", "handläggare", "strateg",
                               "ansvarig", "representant", "ledamot", "ersättare", "pedagog", "lärare", "konsult"})
    if (lower.size() >= end.size() && lower.compare(lower.size() - end.size(), end.size(), end) == 0) return true;
  return false;
}

void add_note(PersonEntry& e, const std::string& raw) {
  std::string n = collapse_spaces(raw);
  while (!n.empty() && (n.back() == '.' || n.back() == ',')) n.pop_back();
  if (n.empty()) return;
  const std::string upper = to_upper(n), lower = to_lower(n);
  if (minutes::party_letters().count(upper) && n.size() <= 4) {
    e.party = upper;
  } else if (minutes::is_chair_note(n) || minutes::is_secretary_note(n) || role_like(lower) || lower == "ordf" ||
             lower.rfind("ordf", 0) == 0) {
    if (!e.role) e.role = minutes::is_chair_note(n) || lower.rfind("ordf", 0) == 0 && lower.size() <= 5 ? "ordförande"
                          : minutes::is_secretary_note(n)                                          ? "sekreterare"
                                                                                                   : lower;
  } else if (is_class(n)) {
    e.group = n;
  } else if (!e.note) {
    e.note = n;
  }
}

// Split at commas and semicolons outside parentheses, and at " och " / " samt " / " & ".
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> parts;
  std::string cur;
  int depth = 0;
  for (char c : text) {
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
  std::vector<std::string> out;
  for (auto& p : parts) {
    std::string t = collapse_spaces(p);
    for (std::string_view sep : {" och ", " samt ", " & "}) {
      std::size_t pos;
      while ((pos = t.find(sep)) != std::string::npos) {
        out.push_back(t.substr(0, pos));
        t = t.substr(pos + sep.size());
      }
    }
    out.push_back(t);
  }
  return out;
}

// Take out the parenthesized notes of a part.
std::string take_parentheses(const std::string& part, std::vector<std::string>& notes) {
  std::string out;
  for (std::size_t i = 0; i < part.size();) {
    if (part[i] == '(') {
      const std::size_t close = part.find(')', i);
      const std::string inner = part.substr(i + 1, (close == std::string::npos ? part.size() : close) - i - 1);
      for (const auto& n : split_list(inner)) notes.push_back(n);
      out += ' ';
      i = close == std::string::npos ? part.size() : close + 1;
    } else {
      out += part[i++];
    }
  }
  return collapse_spaces(out);
}

// The words of `s` from `from` on that make a name, and how many there are (0: none).
std::size_t name_length(const std::vector<std::string>& w, std::size_t from) {
  std::size_t k = from;
  while (k < w.size() && k - from < 5) {
    std::string word = w[k];
    while (!word.empty() && (word.back() == '.' || word.back() == ':')) word.pop_back();
    if (starts_upper(word) && !role_like(to_lower(word)) && !all_caps_word(word) &&
        std::none_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      ++k;
    } else if (k > from && particle(word) && k + 1 < w.size() && starts_upper(w[k + 1])) {
      ++k;
    } else {
      break;
    }
  }
  return k - from >= 2 ? k - from : 0;
}

}  // namespace

bool looks_like_name(std::string_view s) {
  const std::string t = collapse_spaces(s);
  if (t.empty() || utf8_length(t) > 60) return false;
  const auto w = words_of(t);
  if (w.size() < 2 || w.size() > 5) return false;
  // A name all in capitals is a name; otherwise no word of it is ("SPF Seniorerna").
  const bool caps = std::all_of(w.begin(), w.end(), [](const std::string& x) { return all_caps_word(x) || x.size() < 2; });
  for (std::size_t k = 0; k < w.size(); ++k) {
    const std::string& word = w[k];
    if (std::any_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return false;
    if (particle(word) && k > 0 && k + 1 < w.size()) continue;
    if (!starts_upper(word)) return false;
    if (!caps && all_caps_word(word)) return false;
    if (role_like(to_lower(word))) return false;
  }
  return true;
}

std::vector<PersonEntry> parse_people(const std::string& text) {
  std::vector<PersonEntry> out;
  // A list of names runs to a few hundred characters; more is running text read as a list.
  if (text.size() > 8 * minutes::kMaxFieldLine) return out;
  for (std::string part : split_list(text)) {
    part = collapse_spaces(part);
    // Bullets, and a sub-label inside a list ("Vårdnadshavare: Emma Lind", "Ordförande: Birgitta Nyström").
    while (!part.empty() && (part[0] == '-' || part[0] == '*')) part = collapse_spaces(part.substr(1));
    for (std::string_view b : {"•", "–", "◦"})
      if (part.rfind(b, 0) == 0) part = collapse_spaces(part.substr(b.size()));
    std::optional<std::string> sublabel;
    if (auto colon = part.find(':'); colon != std::string::npos && colon < 30 && part.find(' ', 0) != 0) {
      const std::string head = collapse_spaces(part.substr(0, colon));
      if (!looks_like_name(head)) {
        sublabel = to_lower(head);
        part = collapse_spaces(part.substr(colon + 1));
      }
    }
    if (part.empty()) continue;
    std::vector<std::string> notes;
    std::string plain = take_parentheses(part, notes);
    auto w = words_of(plain);
    // Lower-case words first: the role of the person before ("ordförande Mikael Svärd"), or this
    // person's title ("rektor Anneli Wahlström", "föräldrarna Viktor Hallberg").
    std::size_t lead = 0;
    while (lead < w.size() && lead < 4 && !starts_upper(w[lead])) ++lead;
    std::string leading = to_lower(join(w, 0, lead));
    if (lead == 0 && !w.empty() && w.size() > 2 && minutes::is_title_word(to_lower(w[0]))) {
      leading = to_lower(w[0]);  // "Rektor Anneli Wahlström"
      lead = 1;
    } else if (lead == 0 && w.size() > 3 && minutes::is_title_word(to_lower(join(w, 0, 2)))) {
      leading = to_lower(join(w, 0, 2));  // "Biträdande rektor Jörgen Fredén"
      lead = 2;
    }
    const std::size_t len = name_length(w, lead);
    if (len == 0) {
      // No name: a role or a note of the person before ("ordförande", "kommundirektör", "PRO").
      if (!out.empty() && !plain.empty() && w.size() <= 4) {
        const std::string lower = to_lower(plain);
        // "tjänstgörande för Sven Grahn": the deputy's note, handled below; other notes.
        if (lower.rfind("tjänstgörande för ", 0) != 0) add_note(out.back(), plain);
        for (const auto& n : notes) add_note(out.back(), n);
      }
      continue;
    }
    // "Nadia Karimi (L), tjänstgörande för Sven Grahn (L)": whom the deputy before serves for.
    if (!out.empty() && (leading == "tjänstgörande för" || leading == "ersätter" || leading == "för" ||
                         leading == "i stället för" || leading == "istället för")) {
      out.back().replaces = join(w, lead, lead + len);
      for (const auto& n : notes)
        if (minutes::party_letters().count(to_upper(collapse_spaces(n)))) out.back().replaces_party = to_upper(collapse_spaces(n));
      continue;
    }
    PersonEntry e;
    e.name = join(w, lead, lead + len);
    // "… och Siv Hedlund.": the sentence's stop, not an initial ("Karl J.").
    if (e.name.size() > 3 && e.name.back() == '.' && e.name[e.name.size() - 3] != ' ') e.name.pop_back();
    if (!leading.empty()) {
      if (lead > 0 && !out.empty() && role_like(leading) && !minutes::is_title_word(leading)) add_note(out.back(), leading);
      else if (role_like(leading)) e.role = leading;
    }
    if (sublabel) {
      if (minutes::is_chair_note(*sublabel)) e.role = "ordförande";
      else if (*sublabel == "vice ordförande") e.role = "vice ordförande";
      else if (minutes::is_secretary_note(*sublabel)) e.role = "sekreterare";
      else e.group = *sublabel;
    }
    // What follows the name: a class ("9A"), a role ("ordförande"), or a deputy's "ersätter
    // Y" / "för Y".
    std::size_t k = lead + len;
    std::vector<std::string> rest(w.begin() + static_cast<long>(k), w.end());
    if (!rest.empty() && is_class(rest.front())) {
      e.group = rest.front();
      rest.erase(rest.begin());
    }
    for (std::size_t r = 0; r < rest.size(); ++r) {
      const std::string lw = to_lower(rest[r]);
      if ((lw == "ersätter" || lw == "för") && r + 1 < rest.size()) {
        const std::size_t n = name_length(rest, r + 1);
        if (n) {
          e.replaces = join(rest, r + 1, r + 1 + n);
          rest.erase(rest.begin() + static_cast<long>(r), rest.begin() + static_cast<long>(r + 1 + n));
          break;
        }
      }
    }
    if (!rest.empty()) add_note(e, join(rest, 0, rest.size()));
    // Parentheses: a party, a role, a class, a note; after a deputy's "ersätter Y (S)" the last
    // party is Y's.
    for (std::size_t n = 0; n < notes.size(); ++n) {
      if (e.replaces && e.party && n + 1 == notes.size() && minutes::party_letters().count(to_upper(collapse_spaces(notes[n])))) {
        e.replaces_party = to_upper(collapse_spaces(notes[n]));
        continue;
      }
      add_note(e, notes[n]);
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> names_in(std::string_view sentence) {
  std::vector<std::string> names;
  std::string s = collapse_spaces(sentence);
  // Parentheses hold parties: "Lars-Göran Nyström (M) och Elin Bergqvist (S)".
  std::vector<std::string> notes;
  s = take_parentheses(s, notes);
  for (char& c : s)
    if (c == ',' || c == '.' || c == ';' || c == ':') c = ' ';
  const auto w = words_of(s);
  for (std::size_t k = 1; k < w.size();) {  // a sentence's first word is capitalized anyway
    const std::size_t n = name_length(w, k);
    if (n >= 2) {
      names.push_back(join(w, k, k + n));
      k += n;
    } else {
      ++k;
    }
  }
  return names;
}

std::vector<std::string> split_names(std::string_view text, std::size_t n) {
  std::vector<std::string> notes;
  const std::string plain = take_parentheses(collapse_spaces(text), notes);
  const auto w = words_of(plain);
  if (n == 0 || w.size() < 2 * n) return {};
  if (n == 1) return {join(w, 0, w.size())};
  // Names of two words each, unless the count says otherwise: share the words out evenly.
  std::vector<std::string> out;
  if (w.size() == 2 * n) {
    for (std::size_t k = 0; k < n; ++k) out.push_back(join(w, 2 * k, 2 * k + 2));
    return out;
  }
  // Parentheses split names best: "Lars-Göran Nyström (M) Elin Bergqvist (S)".
  std::vector<std::string> by_party;
  std::string cur;
  for (char c : std::string(collapse_spaces(text))) {
    if (c == ')') {
      by_party.push_back(collapse_spaces(take_parentheses(cur + ")", notes)));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (by_party.size() == n) return by_party;
  return {};
}

}  // namespace protokoll::record
