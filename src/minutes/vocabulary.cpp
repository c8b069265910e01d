// The vocabulary of Swedish minutes: the labels that open fields, the ways agenda items are
// numbered, section headings, parties and roles. Segmentation and records read the same words.
#include "minutes/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <set>

#include "text/text_util.hpp"

namespace protokoll {
namespace minutes {
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

bool is_secretary_note(const std::string& n) {
  std::string l = to_lower(n);
  return l == "sekr" || l == "sekr." || l == "sekreterare" || l == "protokollförare";
}
bool is_chair_note(const std::string& n) {
  std::string l = to_lower(n);
  return l == "ordf" || l == "ordf." || l == "ordförande";
}

}  // namespace minutes
}  // namespace protokoll
