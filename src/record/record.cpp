#include "protokoll/record.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <set>

#include "minutes/dates.hpp"
#include "text/text_util.hpp"
#include "minutes/vocabulary.hpp"

namespace protokoll {
namespace detail {
namespace {

struct LabelWord {
  const char* text;
  Label label;
  bool needs_colon;  // words that also start ordinary sentences need "Label:" to count
};

// Longest first, so that "Övriga närvarande" wins over "Närvarande".
const std::vector<LabelWord>& label_words() {
  static const std::vector<LabelWord> words = [] {
    std::vector<LabelWord> w = {
        {"sammanträdesdatum", Label::date, false}, {"mötesdatum", Label::date, false},
        {"datum", Label::date, false},             {"plats och tid", Label::place_and_time, false},
        {"tid och plats", Label::place_and_time, false}, {"tid", Label::time, true},
        {"tidpunkt", Label::time, true},           {"plats", Label::place, true},
        {"lokal", Label::place, true},             {"mötesplats", Label::place, true},
        {"övriga närvarande", Label::others_present, false}, {"övriga deltagare", Label::others_present, false},
        {"närvarande tjänstepersoner", Label::others_present, false},
        {"tjänstepersoner", Label::others_present, true}, {"tjänstemän", Label::others_present, true},
        {"övriga", Label::others_present, true},
        {"tjänstgörande ersättare", Label::substitutes, false}, {"närvarande ersättare", Label::substitutes, false},
        {"ersättare", Label::substitutes, true},
        {"ej närvarande", Label::absent, false},   {"frånvarande", Label::absent, false},
        {"anmält förhinder", Label::absent, false}, {"förhinder", Label::absent, true},
        {"ej tjänstgörande", Label::absent, true},
        {"beslutande ledamöter", Label::participants, false}, {"närvarande ledamöter", Label::participants, false},
        {"beslutande", Label::participants, false}, {"närvarande", Label::participants, true},
        {"deltagare", Label::participants, false}, {"deltagande", Label::participants, true},
        {"ledamöter", Label::participants, true},  {"styrgrupp", Label::participants, true},
        {"ledningsgrupp", Label::participants, true},
        {"vid protokollet", Label::secretary, false}, {"vid anteckningarna", Label::secretary, false},
        {"protokollförare", Label::secretary, true}, {"sekreterare", Label::secretary, true},
        {"antecknat av", Label::secretary, false}, {"antecknare", Label::secretary, true},
        {"mötesordförande", Label::chair, true},   {"ordförande", Label::chair, true},
        {"utses att justera", Label::adjusters, false}, {"protokollsjusterare", Label::adjusters, true},
        {"justerare", Label::adjusters, true},     {"justerande", Label::adjusters, true},
        {"tema", Label::theme, true},              {"föredragande", Label::presenter, true},
        {"beslut", Label::decision, true},         {"dagordning", Label::agenda, true},
        {"föredragningslista", Label::agenda, true},
    };
    std::stable_sort(w.begin(), w.end(), [](const LabelWord& a, const LabelWord& b) {
      return std::string_view(a.text).size() > std::string_view(b.text).size();
    });
    return w;
  }();
  return words;
}

bool is_group_token(std::string_view t) {
  // "LG", "SG", "AU": a short capital abbreviation naming a group ("Deltagare LG:").
  if (t.empty() || t.size() > 5) return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

LabelMatch match_label(std::string_view raw) {
  if (raw.size() > kMaxFieldLine) return {};
  std::string_view line = trim(raw);
  std::string lower = to_lower(line);
  for (const auto& lw : label_words()) {
    std::string_view word(lw.text);
    if (lower.rfind(word, 0) != 0) continue;
    std::size_t pos = word.size();
    if (pos < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[pos])) ||
                               static_cast<unsigned char>(lower[pos]) >= 0x80))
      continue;  // "Platsen", "Tidigare": a longer word
    LabelMatch m;
    m.label = lw.label;
    std::string_view rest = line.substr(pos);
    // "Deltagare LG:" names a group between the label and its colon.
    std::string_view after = trim(rest);
    std::size_t colon = after.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon <= 6 && is_group_token(trim(after.substr(0, colon)))) {
      m.group = std::string(trim(after.substr(0, colon)));
      after = after.substr(colon);
    }
    const bool list_label = lw.label == Label::participants || lw.label == Label::absent ||
                            lw.label == Label::secretary || lw.label == Label::adjusters ||
                            lw.label == Label::others_present || lw.label == Label::substitutes;
    if (!after.empty() && after[0] == ':') {
      after = trim(after.substr(1));
    } else if (after.empty()) {
      // the label alone on its line: the value follows on the next lines
    } else if (lw.needs_colon) {
      continue;
    } else if (lw.label == Label::date || lw.label == Label::place_and_time) {
      // "Sammanträdesdatum 2023-03-14", "Plats och tid Kommunhuset, kl. 18.30"
    } else if (after[0] == '/' && list_label) {
      after = trim(after.substr(1));  // "Vid anteckningarna/Marie Krantz"
    } else if (list_label && (std::isupper(static_cast<unsigned char>(after[0])) ||
                              static_cast<unsigned char>(after[0]) == 0xc3)) {
      // "Närvarande Anna Ek, Per Lund": names without a colon (a table layout)
    } else {
      continue;
    }
    m.rest = std::string(after);
    return m;
  }
  return {};
}

std::optional<std::string> closing_secretary(std::string_view raw) {
  if (raw.size() > kMaxFieldLine) return std::nullopt;
  std::string_view line = trim(raw);
  std::string lower = to_lower(line);
  for (std::string_view p : {"vid anteckningarna", "vid protokollet", "antecknat av", "antecknare"}) {
    if (lower.rfind(p, 0) != 0) continue;
    std::string_view rest = trim(line.substr(p.size()));
    while (!rest.empty() && (rest[0] == '/' || rest[0] == ':' || rest[0] == ',')) rest = trim(rest.substr(1));
    return std::string(rest);
  }
  return std::nullopt;
}

std::optional<ItemLine> match_item(std::string_view raw) {
  if (raw.size() > kMaxFieldLine) return std::nullopt;
  std::string s(trim(raw));
  // Each form below starts with "§", a misread "§" (8 & $), a digit, "." or ",": most lines
  // start otherwise and need no regex.
  if (s.empty() || !(s.rfind("§", 0) == 0 || std::string_view("8&$.,").find(s[0]) != std::string_view::npos ||
                     (s[0] >= '0' && s[0] <= '9')))
    return std::nullopt;
  static const std::regex paragraph(R"(^§\s*(\d{1,4})\s*[.:]?\s*(\S.*)?$)");
  // OCR reads "§" as "8", "&" or "$": "8 31 Val av justerare".
  static const std::regex misread(R"(^[8&$]\s+(\d{1,4})\s+([A-ZÅÄÖ].*)$)");
  static const std::regex numbered(R"(^(\d{1,2})\s*[.)]\s*([^\d\s].*)$)");
  static const std::regex lost(R"(^[.,]\s+([A-ZÅÄÖ].*)$)");
  std::smatch m;
  if (std::regex_match(s, m, paragraph) || std::regex_match(s, m, misread))
    return ItemLine{std::stoi(m.str(1)), m[2].matched ? m.str(2) : "", true};
  if (std::regex_match(s, m, numbered)) {
    // "3. Title" but not "1 (2021)" or "85,4 %": a title starts with a letter or a quote.
    std::string title = m.str(2);
    unsigned char c = static_cast<unsigned char>(title[0]);
    if (!(std::isalpha(c) || c >= 0xc3 || c == '"')) return std::nullopt;
    return ItemLine{std::stoi(m.str(1)), title, false};
  }
  if (std::regex_match(s, m, lost)) return ItemLine{std::nullopt, m.str(1), false};
  return std::nullopt;
}

std::optional<std::string> match_section(std::string_view raw) {
  if (raw.size() > kMaxFieldLine) return std::nullopt;
  std::string s = to_lower(trim(raw));
  while (!s.empty() && (s.back() == ':' || s.back() == '.')) s.pop_back();
  static const std::array<std::pair<const char*, const char*>, 10> sections = {{
      {"beslut", "beslut"}, {"beslutsärenden", "beslut"}, {"beslutspunkter", "beslut"},
      {"beslutsfrågor", "beslut"}, {"information", "information"}, {"informationsärenden", "information"},
      {"informationspunkter", "information"}, {"dialog", ""}, {"diskussion", ""}, {"diskussionsfrågor", ""}}};
  for (auto [word, section] : sections)
    if (s == word) return std::string(section);
  return std::nullopt;
}

}  // namespace detail

namespace {

using detail::Label;

bool is_url_line(std::string_view line) {
  std::string l = to_lower(trim(line));
  return l.rfind("http", 0) == 0 || l.rfind("www.", 0) == 0;
}

bool is_furniture(std::string_view raw) {
  if (raw.size() > detail::kMaxFieldLine) return false;
  std::string l = to_lower(trim(raw));
  static const std::regex page(R"(^(sida|sid|s\.)?\s*\d+\s*(\(|av|/)\s*\d+\)?$)");
  if (std::regex_match(l, page)) return true;
  if (is_url_line(l)) return true;
  static const std::regex site(R"(^[a-z0-9.-]+\.(se|nu|com|org)$)");
  return std::regex_match(l, site);
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

const std::set<std::string>& party_letters() {
  static const std::set<std::string> p = {"S", "M", "C", "L", "KD", "V", "MP", "SD", "FP", "FI", "SPI", "LPO"};
  return p;
}

bool is_role_word(const std::string& lower) {
  static const std::set<std::string> roles = {
      "sekr", "sekreterare", "ordf", "ordförande", "vice ordförande", "vice ordf", "2:e vice ordförande",
      "1:e vice ordförande", "justerare", "ersättare", "adjungerad", "tjänstgörande ersättare", "föredragande"};
  return roles.count(lower) > 0;
}

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

struct NameEntry {
  std::string name;
  std::vector<std::string> notes;  // parentheses and trailing ", role"
};

// "Tony Mufic, Marie Krantz (sekr), Anna Ek (S), ordförande" -> entries.
std::vector<NameEntry> parse_names(const std::string& text) {
  std::vector<NameEntry> out;
  // A list of names runs to a few hundred characters; more is running text read as a list.
  if (text.size() > 8 * detail::kMaxFieldLine) return out;
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

bool is_secretary_note(const std::string& n) {
  std::string l = to_lower(n);
  return l == "sekr" || l == "sekr." || l == "sekreterare" || l == "protokollförare";
}
bool is_chair_note(const std::string& n) {
  std::string l = to_lower(n);
  return l == "ordf" || l == "ordf." || l == "ordförande";
}

std::string slug(std::string_view s) {
  std::string out;
  for (char32_t c : to_u32(to_lower(s))) {
    char32_t m = c;
    if (c == U'å' || c == U'ä') m = U'a';
    else if (c == U'ö') m = U'o';
    else if (c == U'é') m = U'e';
    if ((m >= U'a' && m <= U'z') || (m >= U'0' && m <= U'9')) out += static_cast<char>(m);
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 48);
}

// Where a second label starts inside a line ("Marie Krantz (sekr) Frånvarande: Christian Olsson").
std::size_t embedded_label(const std::string& line) {
  for (std::string_view word : {"Frånvarande:", "Ej närvarande:", "Sekreterare:", "Ordförande:", "Justerare:",
                                "Plats:", "Tid:", "Övriga närvarande:", "Ersättare:", "Förhinder:"}) {
    auto pos = line.find(word);
    if (pos != std::string::npos && pos > 0) return pos;
  }
  return std::string::npos;
}

}  // namespace

Record extract_record(std::string_view meeting_text) {
  std::vector<StreamLine> stream;
  for (std::string_view l : split_lines(meeting_text)) {
    StreamLine line;
    line.text = l;
    stream.push_back(line);
  }
  return extract_record(stream);
}

Record extract_record(std::span<const StreamLine> meeting) {
  Record r;
  // The meeting's text as the record gives it: its lines, a form feed where a page or file
  // begins.
  auto new_page = [&](std::size_t i) {
    return meeting[i].document != meeting[i - 1].document || meeting[i].page != meeting[i - 1].page;
  };
  for (std::size_t i = 0; i < meeting.size(); ++i) {
    if (i) r.text += new_page(i) ? "\n\f" : "\n";
    r.text += meeting[i].text;
  }
  // A last blank line on the same page carries nothing (a page break does: a blank line).
  std::size_t count = meeting.size();
  if (count > 0 && meeting[count - 1].text.empty() && (count == 1 || !new_page(count - 1))) --count;
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < count; ++i) {
    std::string s(meeting[i].text);
    // A line carrying two fields is read as two lines.
    for (std::size_t pos; (pos = embedded_label(s)) != std::string::npos;) {
      lines.push_back(s.substr(0, pos));
      s = s.substr(pos);
    }
    lines.push_back(s);
  }

  // Where the body (sections and items) begins: the first section heading or numbered item.
  std::size_t body = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (detail::match_section(lines[i]) || detail::match_item(lines[i])) {
      body = i;
      break;
    }
  }

  // Date, weekday and time: the first meeting-date in the header, else anywhere.
  std::optional<DateMatch> date;
  std::size_t date_line = 0;
  for (std::size_t i = 0; i < lines.size() && !date; ++i) {
    auto m = find_date(lines[i]);
    if (!m) continue;
    if (i >= body && i > 40) break;
    // Prefer a date with a weekday a few lines further down over a bare page-header date.
    for (std::size_t j = i + 1; j < std::min(lines.size(), i + 8); ++j) {
      auto m2 = find_date(lines[j]);
      if (m2 && m2->date == m->date && !m2->weekday.empty() && m->weekday.empty()) {
        m = m2;
        i = j;
        break;
      }
    }
    date = m;
    date_line = i;
  }
  if (date) {
    r.date = date->date.iso();
    if (!date->weekday.empty()) {
      r.weekday = date->weekday;
      int written = parse_weekday(date->weekday);
      int actual = day_of_week(date->date);
      if (written >= 0 && written != actual) {
        static const char* names[] = {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"};
        r.warnings.push_back({"weekday-mismatch", "the minutes say " + date->weekday + " but " + date->date.iso() +
                                                      " is a " + names[actual]});
      }
    }
    if (date->ambiguous) r.warnings.push_back({"date-ambiguous", "the date " + date->date.iso() + " could be read another way"});
    // Time: on the date line after the date, else on the next lines or a "Tid" label.
    std::string after = lines[date_line].substr(std::min(lines[date_line].size(), date->end));
    auto t = find_time_range(after);
    for (std::size_t j = date_line + 1; !t && j < std::min(lines.size(), date_line + 4); ++j) t = find_time_range(lines[j]);
    if (t) {
      r.start = t->start;
      if (!t->end.empty()) r.end = t->end;
    }
  } else {
    r.warnings.push_back({"no-date", "no meeting date was found"});
  }

  // Header block: organisation and body are the short lines above the date.
  {
    std::vector<std::string> header;
    for (std::size_t i = 0; i < std::min(date ? date_line : body, lines.size()); ++i) {
      std::string t = collapse_spaces(lines[i]);
      // A field ("Plats: …") is not a header line; a label word alone ("Ledningsgrupp") is.
      if (t.empty() || (detail::match_label(t).label != Label::none && t.find(':') != std::string::npos)) continue;
      if (auto d = find_date(t)) t = collapse_spaces(t.substr(0, d->begin) + t.substr(d->end));
      while (!t.empty() && (t.back() == '-' || t.back() == ',')) t = collapse_spaces(t.substr(0, t.size() - 1));
      if (t.size() >= 3 && utf8_length(t) <= 80) header.push_back(t);
    }
    static const std::regex body_words(R"((grupp|nämnd|styrelse|utskott|råd|fullmäktige|kommitté|möte|arbetsplatsträff|APT))",
                                       std::regex::icase);
    static const std::regex org_words(R"((förvaltning|kommun|stad|region|skola|skolor|landsting|bolag))", std::regex::icase);
    for (const auto& h : header) {
      if (!r.body && std::regex_search(h, body_words)) r.body = h;
      if (!r.organization && std::regex_search(h, org_words) && (!r.body || *r.body != h)) r.organization = h;
    }
    if (!r.organization && !header.empty() && (!r.body || *r.body != header.front())) r.organization = header.front();
  }

  // Labelled fields.
  std::vector<NameEntry> participants_raw;
  std::size_t fields_end = 0;  // the line after the last header field
  auto list_line = [&](const std::string& l) {
    return !trim(l).empty() && detail::match_label(l).label == Label::none && !detail::match_item(l) &&
           !detail::match_section(l) && !find_date(l);
  };
  auto collect = [&](std::size_t& i, const std::string& first) {
    // A list runs from the label over following lines until a blank line or another field;
    // OCR puts blank lines between one-name lines, so a blank line followed by a name goes on.
    std::string text = first;
    while (i + 1 < lines.size()) {
      std::size_t next_i = i + 1;
      if (trim(lines[next_i]).empty() && next_i + 1 < lines.size() && list_line(lines[next_i + 1]) &&
          !text.empty() && !parse_names(collapse_spaces(lines[next_i + 1])).empty() &&
          utf8_length(collapse_spaces(lines[next_i + 1])) <= 40)
        ++next_i;
      const std::string& next = lines[next_i];
      if (!list_line(next)) break;
      // One name a line ("Göran Sjöström (M)"), or a name that wraps ("Karin" / "Gerken")?
      std::string_view last = text;
      if (auto comma = last.rfind(','); comma != std::string_view::npos) last = last.substr(comma + 1);
      last = trim(last);
      bool complete = !last.empty() && (last.back() == ')' || last.find(' ') != std::string_view::npos ||
                                        !(std::isupper(static_cast<unsigned char>(last[0])) ||
                                          static_cast<unsigned char>(last[0]) == 0xc3));
      // "vice" / "ordförande" is one role that wraps.
      const std::string tail = to_lower(last.substr(last.rfind(' ') == std::string_view::npos ? 0 : last.rfind(' ') + 1));
      if (tail == "vice" || tail == "1:e" || tail == "2:e" || tail == "förste" || tail == "andre") complete = false;
      if (!text.empty() && text.back() != ',' && complete) text += ',';
      text += ' ';
      text += std::string(trim(next));
      i = next_i;
    }
    fields_end = std::max(fields_end, i + 1);
    return text;
  };
  std::optional<std::string> closing;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto lm = detail::match_label(lines[i]);
    if (lm.label == Label::none) continue;
    const bool in_header = i < body;
    switch (lm.label) {
      case Label::place:
      case Label::place_and_time:
        fields_end = std::max(fields_end, i + 1);
        if (in_header && !r.location) {
          std::string place = lm.rest;
          if (place.empty() && i + 1 < lines.size()) place = collapse_spaces(lines[i + 1]);
          if (lm.label == Label::place_and_time || find_time_range(place)) {
            if (auto t = find_time_range(place)) {
              if (!r.start) r.start = t->start;
              if (!r.end && !t->end.empty()) r.end = t->end;
              std::string rest = collapse_spaces(place.substr(0, t->begin));
              // "Kommunhuset, kl. 18.30": the place is before the time.
              while (!rest.empty() && (rest.back() == ',' || rest.back() == '-')) rest.pop_back();
              static const std::regex kl(R"(\s*(kl\.?|klockan)\s*$)", std::regex::icase);
              place = collapse_spaces(std::regex_replace(rest, kl, ""));
              while (!place.empty() && (place.back() == ',' || place.back() == '-')) place.pop_back();
            }
            if (auto d = find_date(place)) place = collapse_spaces(place.substr(0, d->begin));
            while (!place.empty() && (place.back() == ',' || place.back() == ' ')) place.pop_back();
          }
          if (!place.empty()) r.location = collapse_spaces(place);
        }
        break;
      case Label::time:
        fields_end = std::max(fields_end, i + 1);
        if (in_header) {
          if (auto t = find_time_range(lm.rest)) {
            if (!r.start) r.start = t->start;
            if (!r.end && !t->end.empty()) r.end = t->end;
          }
        }
        break;
      case Label::date:
        if (in_header && !r.start) {
          if (auto t = find_time_range(lm.rest)) {
            r.start = t->start;
            if (!t->end.empty()) r.end = t->end;
          }
        }
        break;
      case Label::participants:
      case Label::others_present:
      case Label::substitutes: {
        if (!in_header) break;
        std::string text = collect(i, lm.rest);
        std::string group = lm.group;
        for (auto& e : parse_names(text)) {
          Participant p;
          p.name = e.name;
          if (!group.empty()) p.group = group;
          else if (lm.label == Label::others_present) p.group = "övriga";
          else if (lm.label == Label::substitutes) p.group = "ersättare";
          for (const auto& n : e.notes) {
            if (party_letters().count(to_upper(n))) p.party = to_upper(n);
            else if (is_secretary_note(n)) {
              p.role = "sekreterare";
              if (!r.secretary) r.secretary = e.name;
            } else if (is_chair_note(n)) {
              p.role = "ordförande";
              if (!r.chair) r.chair = e.name;
            } else if (!p.role) p.role = n;
          }
          // The same person listed twice (two groups) is one participant.
          bool dup = std::any_of(r.participants.begin(), r.participants.end(),
                                 [&](const Participant& q) { return q.name == p.name; });
          if (!dup) r.participants.push_back(std::move(p));
        }
        break;
      }
      case Label::absent: {
        if (!in_header) break;
        std::string text = collect(i, lm.rest);
        for (auto& e : parse_names(text)) {
          Absent a;
          a.name = e.name;
          if (!e.notes.empty()) a.note = e.notes.front();
          r.absent.push_back(std::move(a));
        }
        break;
      }
      case Label::secretary: {
        if (in_header) fields_end = std::max(fields_end, i + 1);
        std::string text = lm.rest.empty() && i + 1 < lines.size() ? collapse_spaces(lines[i + 1]) : lm.rest;
        auto names = parse_names(text);
        if (!names.empty()) closing = names.front().name;
        break;
      }
      case Label::chair:
        if (!r.chair) {
          auto names = parse_names(lm.rest);
          if (!names.empty()) r.chair = names.front().name;
        }
        break;
      case Label::adjusters: {
        std::string text = collect(i, lm.rest);
        for (auto& e : parse_names(text)) r.adjusters.push_back(e.name);
        break;
      }
      case Label::theme:
        if (!r.theme && !lm.rest.empty()) r.theme = collapse_spaces(lm.rest);
        break;
      default:
        break;
    }
  }
  if (closing) r.secretary = closing;  // the one who signed the minutes

  // Items.
  std::optional<std::string> section;
  // The lines above the date are the header; repeated on later pages they are furniture.
  std::vector<std::string> header_lines;
  for (std::size_t i = 0; i < std::min({date ? date_line : std::size_t(3), body, lines.size()}); ++i)
    if (!trim(lines[i]).empty()) header_lines.push_back(collapse_spaces(lines[i]));
  auto furniture = [&](const std::string& l) {
    if (is_furniture(l)) return true;
    std::string c = collapse_spaces(l);
    return std::find(header_lines.begin(), header_lines.end(), c) != header_lines.end() && !c.empty();
  };
  bool paragraphs = false;  // "§ 12" style: only § lines are items
  for (std::size_t i = body; i < lines.size(); ++i)
    if (auto it = detail::match_item(lines[i]); it && it->paragraph) paragraphs = true;
  int last_number = 0;
  Item* current = nullptr;
  bool in_decision = false;
  for (std::size_t i = body; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    std::string t = collapse_spaces(line);
    if (auto sec = detail::match_section(t)) {
      section = sec->empty() ? std::nullopt : std::optional<std::string>(*sec);
      current = nullptr;
      continue;
    }
    auto item = detail::match_item(t);
    if (item && paragraphs && !item->paragraph) item.reset();
    if (item && item->number && !paragraphs && last_number > 0 && *item->number != last_number + 1 &&
        !(*item->number > last_number && *item->number <= last_number + 3))
      item.reset();  // a numbered list inside an item, not the next agenda item
    if (item && !item->title.empty()) {
      Item it;
      it.order = static_cast<int>(r.items.size()) + 1;
      it.number = item->number ? item->number : std::optional<int>(last_number + 1);
      if (item->number && *item->number > last_number + 1 && last_number > 0)
        r.warnings.push_back({"items-numbering-gap", "item " + std::to_string(*item->number) + " follows item " +
                                                         std::to_string(last_number)});
      last_number = *it.number;
      it.section = section;
      it.title = collapse_spaces(item->title);
      // A title that wraps: the next line continues it in lower case.
      while (i + 1 < lines.size()) {
        const std::string& next = lines[i + 1];
        std::string nt = collapse_spaces(next);
        bool continues = !nt.empty() && (std::islower(static_cast<unsigned char>(nt[0])) ||
                                         (static_cast<unsigned char>(nt[0]) == 0xc3 &&
                                          nt.size() > 1 && static_cast<unsigned char>(nt[1]) >= 0xa0)) &&
                         !is_url_line(nt) && !(next.size() > 1 && next[0] == ' ' && next[1] != ' ') &&
                         utf8_length(nt) < 90 && !(it.title.back() == '.' || it.title.back() == ':');
        if (!continues) break;
        it.title += ' ' + nt;
        ++i;
      }
      r.items.push_back(std::move(it));
      current = &r.items.back();
      in_decision = false;
      continue;
    }
    if (!current || furniture(t)) continue;
    auto lm = detail::match_label(t);
    if (lm.label == Label::presenter && !current->presenter) {
      auto names = parse_names(lm.rest);
      current->presenter = names.empty() ? collapse_spaces(lm.rest) : names.front().name;
      continue;
    }
    if (lm.label == Label::decision && !lm.rest.empty()) {
      current->decisions.push_back(collapse_spaces(lm.rest));
      in_decision = true;
      continue;
    }
    if (t.empty()) {
      in_decision = false;
      if (!current->text.empty() && current->text.back() != '\n') current->text += '\n';
      continue;
    }
    if (detail::closing_secretary(t)) {
      current = nullptr;
      continue;
    }
    if (in_decision) {
      current->decisions.back() += ' ' + t;
      continue;
    }
    if (!current->text.empty() && current->text.back() != '\n') current->text += ' ';
    current->text += t;
  }
  for (auto& it : r.items)
    while (!it.text.empty() && (it.text.back() == '\n' || it.text.back() == ' ')) it.text.pop_back();

  // Unnumbered headings are the items of a meeting that numbers none.
  if (r.items.empty()) {
    std::size_t first = std::max(fields_end, date ? date_line + 1 : 0);
    if (body < lines.size()) first = std::max(first, body);
    for (std::size_t i = first; i + 1 < lines.size(); ++i) {
      std::string t = collapse_spaces(lines[i]);
      bool blank_before = i == 0 || trim(lines[i - 1]).empty();
      if (!blank_before || t.empty() || utf8_length(t) > 60 || trim(lines[i + 1]).empty()) continue;
      unsigned char c = static_cast<unsigned char>(t[0]);
      if (!(std::isupper(c) || c == 0xc3)) continue;
      if (t.back() == '.' || t.back() == ',' || t.back() == ':' || furniture(t)) continue;
      if (detail::match_label(t).label != Label::none || detail::match_section(t) || find_date(t)) continue;
      Item it;
      it.order = static_cast<int>(r.items.size()) + 1;
      it.title = t;
      it.section = section;
      r.items.push_back(std::move(it));
    }
  }

  // Stable id: date + body slug.
  std::string who = r.body ? *r.body : r.organization ? *r.organization : "meeting";
  r.id = (r.date ? *r.date : std::string("undated")) + "-" + slug(who);
  return r;
}

nlohmann::ordered_json Record::to_json() const {
  using J = nlohmann::ordered_json;
  auto opt = [](const std::optional<std::string>& v) { return v ? J(*v) : J(nullptr); };
  J j;
  j["schema"] = kRecordSchema;
  j["id"] = id;
  J src = J::array();
  for (const auto& s : source) src.push_back({{"file", s.file}, {"sha256", s.sha256}, {"pages", s.pages}});
  j["source"] = src;
  j["organization"] = opt(organization);
  j["body"] = opt(body);
  j["date"] = opt(date);
  j["weekday"] = opt(weekday);
  j["start"] = opt(start);
  j["end"] = opt(end);
  j["location"] = opt(location);
  J parts = J::array();
  for (const auto& p : participants)
    parts.push_back({{"name", p.name}, {"group", opt(p.group)}, {"role", opt(p.role)}, {"party", opt(p.party)}});
  j["participants"] = parts;
  J abs = J::array();
  for (const auto& a : absent) abs.push_back({{"name", a.name}, {"note", opt(a.note)}});
  j["absent"] = abs;
  j["secretary"] = opt(secretary);
  j["chair"] = opt(chair);
  j["adjusters"] = adjusters;
  j["theme"] = opt(theme);
  J its = J::array();
  for (const auto& it : items)
    its.push_back({{"number", it.number ? J(*it.number) : J(nullptr)},
                   {"order", it.order},
                   {"section", opt(it.section)},
                   {"title", it.title},
                   {"presenter", opt(it.presenter)},
                   {"text", it.text},
                   {"decisions", it.decisions}});
  j["items"] = its;
  j["text"] = text;
  J warns = J::array();
  for (const auto& w : warnings) warns.push_back({{"code", w.code}, {"message", w.message}});
  j["warnings"] = warns;
  j["quality"] = {{"ocr_confidence", ocr_confidence ? J(*ocr_confidence) : J(nullptr)},
                  {"repaired_words", repaired_words},
                  {"unknown_words", unknown_words}};
  return j;
}

}  // namespace protokoll
