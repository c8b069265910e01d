// The vocabulary of Swedish minutes: the labels that open fields, the ways agenda items are
// numbered, section headings, parties and roles. Segmentation and records read the same words.
#include "minutes/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <set>
#include <vector>

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
        {"datum", Label::date, false},             {"sammanträde", Label::date, true},
        {"plats och tid", Label::place_and_time, false}, {"tid och plats", Label::place_and_time, false},
        {"tid", Label::time, true},                {"tidpunkt", Label::time, true},
        {"plats", Label::place, true},             {"lokal", Label::place, true},
        {"mötesplats", Label::place, true},
        {"justeringens plats och tid", Label::adjustment, false}, {"justeringens tid och plats", Label::adjustment, false},
        {"justeringsdatum", Label::adjustment, false}, {"justering", Label::adjustment, true},
        {"paragrafer", Label::paragraphs, false},  {"paragraf", Label::paragraphs, true},
        {"nämnd", Label::body, true},              {"organ", Label::body, true},
        {"övriga närvarande", Label::others_present, false}, {"övriga deltagare", Label::others_present, false},
        {"dessutom närvarande", Label::others_present, false}, {"närvarande tjänstepersoner", Label::others_present, false},
        {"närvarande tjänstemän", Label::others_present, false}, {"från förvaltningen", Label::others_present, true},
        {"tjänstepersoner", Label::others_present, false}, {"tjänstemän", Label::others_present, false},
        {"övriga", Label::others_present, true},   {"personal", Label::others_present, true},
        {"adjungerade", Label::others_present, false}, {"adjungerad", Label::others_present, true},
        {"personalrepresentanter", Label::others_present, true}, {"personalrepresentant", Label::others_present, true},
        {"tjänstgörande ersättare", Label::substitutes, false}, {"närvarande ersättare", Label::substitutes, false},
        {"ej tjänstgörande ersättare", Label::substitutes, false}, {"ersättare", Label::substitutes, false},
        {"suppleanter", Label::substitutes, true},
        {"ej närvarande", Label::absent, false},   {"frånvarande", Label::absent, false},
        {"anmält förhinder", Label::absent, false}, {"förhinder", Label::absent, true},
        {"frånvarande ledamöter", Label::absent, false}, {"anmält frånvaro", Label::absent, false},
        {"anmäld frånvaro", Label::absent, false}, {"anmälda förhinder", Label::absent, false},
        {"beslutande ledamöter", Label::participants, false}, {"närvarande ledamöter", Label::participants, false},
        {"närvarande styrelseledamöter", Label::participants, false}, {"ordinarie ledamöter", Label::participants, false},
        {"styrelseledamöter", Label::participants, false},
        {"beslutande", Label::participants, false}, {"närvarande", Label::participants, false},
        {"deltagare", Label::participants, false}, {"deltagande", Label::participants, true},
        {"ledamöter", Label::participants, false}, {"styrgrupp", Label::participants, true},
        {"ledningsgrupp", Label::participants, true},
        {"vid protokollet", Label::secretary, false}, {"vid anteckningarna", Label::secretary, false},
        {"vid pennan", Label::secretary, false},   {"protokollförare", Label::secretary, true},
        {"sekreterare", Label::secretary, true},   {"mötessekreterare", Label::secretary, true},
        {"antecknat av", Label::secretary, false}, {"antecknare", Label::secretary, true},
        {"anteckningar", Label::secretary, true},  {"anteckningar av", Label::secretary, false},
        {"mötesordförande", Label::chair, true},   {"ordförande", Label::chair, true},
        {"stämmoordförande", Label::chair, true},
        {"utses att justera", Label::adjusters, false}, {"protokollsjusterare", Label::adjusters, true},
        {"justerare", Label::adjusters, true},     {"justerande", Label::adjusters, true},
        {"justeringsperson", Label::adjusters, true}, {"justeringspersoner", Label::adjusters, true},
        {"justeras", Label::adjusters, true},
        {"tema", Label::theme, true},              {"föredragande", Label::presenter, true},
        {"beslut", Label::decision, true},         {"dagordning", Label::agenda, true},
        {"föredragningslista", Label::agenda, true}, {"agenda", Label::agenda, true},
    };
    std::stable_sort(w.begin(), w.end(), [](const LabelWord& a, const LabelWord& b) {
      return std::string_view(a.text).size() > std::string_view(b.text).size();
    });
    return w;
  }();
  return words;
}

// Runs of spaces made one (column layouts put several between a label and its value).
std::string collapse_words(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
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
  // Labels are short: the longest is some thirty letters, so only the head needs lower case,
  // and only labels that begin with the line's first letter are tried.
  if (line.empty()) return {};
  std::string_view head = line.substr(0, std::min<std::size_t>(line.size(), 48));
  while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) head.remove_suffix(1);
  if (!head.empty() && static_cast<unsigned char>(head.back()) >= 0xC0) head.remove_suffix(1);
  const std::string lower = to_lower(head);
  for (const auto& lw : label_words()) {
    if (lw.text[0] != lower[0]) continue;
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
    const bool list_label = lists_people(lw.label) || lw.label == Label::secretary || lw.label == Label::adjusters;
    if (!after.empty() && after[0] == ':') {
      after = trim(after.substr(1));
      m.colon = true;
    } else if (after.empty()) {
      // the label alone on its line: the value follows on the next lines
    } else if (lw.needs_colon) {
      continue;
    } else if (lw.label == Label::date || lw.label == Label::place_and_time || lw.label == Label::adjustment ||
               lw.label == Label::paragraphs) {
      // "Sammanträdesdatum 2023-03-14", "Plats och tid Kommunhuset, kl. 18.30", "Paragrafer 1–4"
    } else if (after[0] == '/' && list_label) {
      after = trim(after.substr(1));  // "Vid anteckningarna/Marie Krantz"
    } else if (list_label && (std::isupper(static_cast<unsigned char>(after[0])) ||
                              static_cast<unsigned char>(after[0]) == 0xc3) &&
               (lw.label != Label::secretary || (rest.size() > 1 && rest[0] == ' ' && rest[1] == ' '))) {
      // "Närvarande Anna Ek, Per Lund": names without a colon (a table layout); "Sekreterare
      // Anna Ek" only in a column layout, since a sentence may begin so.
    } else {
      continue;
    }
    m.rest = std::string(after);
    return m;
  }
  return {};
}

bool lists_people(Label label) {
  return label == Label::participants || label == Label::others_present || label == Label::substitutes ||
         label == Label::absent;
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
  if (s.empty()) return std::nullopt;
  // "Punkt 3. Title", "Ärende 4 Title", "Punkt 3" alone.
  const std::string lower = to_lower(s.substr(0, 8));
  if (lower.rfind("punkt ", 0) == 0 || lower.rfind("ärende ", 0) == 0) {
    static const std::regex keyword(R"(^(?:[Pp]unkt|Ärende|ärende|Arende|arende)\s+(\d{1,3})\s*[.:)]?\s*(.*)$)");
    std::smatch m;
    if (std::regex_match(s, m, keyword)) return ItemLine{std::stoi(m.str(1)), m.str(2), false, true};
    return std::nullopt;
  }
  // Each form below starts with "§", a misread "§" (8 & $), a digit, "." or ",": most lines
  // start otherwise and need no regex.
  if (!(s.rfind("§", 0) == 0 || std::string_view("8&$.,").find(s[0]) != std::string_view::npos ||
        (s[0] >= '0' && s[0] <= '9')))
    return std::nullopt;
  static const std::regex paragraph(R"(^§\s*(\d{1,4})\s*[.:]?\s*(\S.*)?$)");
  // OCR reads "§" as "8", "&" or "$": "8 31 Val av justerare".
  static const std::regex misread(R"(^[8&$]\s+(\d{1,4})\s+([A-ZÅÄÖ].*)$)");
  // "3." and "3)", and "3," where OCR read the stop as a comma.
  static const std::regex numbered(R"(^(\d{1,2})\s*[.),]\s*([^\d\s].*)$)");
  static const std::regex lost(R"(^[.,]\s+([A-ZÅÄÖ].*)$)");
  std::smatch m;
  if (std::regex_match(s, m, paragraph) || std::regex_match(s, m, misread)) {
    // "§ 88        Dnr MBN 2022/311": the case number in the right column is not the title.
    std::string title = m[2].matched ? m.str(2) : "";
    if (title.size() >= 4 && to_lower(title.substr(0, 4)) == "dnr ") title.clear();
    return ItemLine{std::stoi(m.str(1)), title, true, false};
  }
  if (std::regex_match(s, m, numbered)) {
    // "3. Title" but not "1 (2021)" or "85,4 %": a title starts with a letter or a quote.
    std::string title = m.str(2);
    unsigned char c = static_cast<unsigned char>(title[0]);
    if (!(std::isalpha(c) || c >= 0xc3 || c == '"')) return std::nullopt;
    return ItemLine{std::stoi(m.str(1)), title, false, false};
  }
  if (std::regex_match(s, m, lost)) return ItemLine{std::nullopt, m.str(1), false, false};
  return std::nullopt;
}

bool is_case_number(std::string_view raw) {
  const std::string_view s = trim(raw);
  if (s.size() > 40) return false;
  const std::string lower = to_lower(s.substr(0, std::min<std::size_t>(s.size(), 14)));
  for (std::string_view p : {"dnr ", "dnr.", "dnr:", "diarienr", "diarienummer"})
    if (lower.rfind(p, 0) == 0) return true;
  return false;
}

std::optional<ItemLine> match_bare_item(std::string_view raw) {
  const std::string_view s = trim(raw);
  if (s.empty() || s.size() > 90 || !(s[0] >= '1' && s[0] <= '9') || s.back() == '.' || s.back() == ',') return std::nullopt;
  static const std::regex bare(R"(^(\d{1,2}) +([A-ZÅÄÖ][^\d].*)$)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(s.begin(), s.end(), m, bare)) return std::nullopt;
  return ItemLine{std::stoi(m.str(1)), m.str(2), false, false};
}

std::optional<std::string> match_section(std::string_view raw) {
  if (trim(raw).size() > 24) return std::nullopt;  // "informationspunkter:" is the longest
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

Subheading match_subheading(std::string_view raw) {
  if (trim(raw).size() > 48) return Subheading::none;
  std::string s = to_lower(trim(raw));
  while (!s.empty() && (s.back() == ':' || s.back() == '.')) s.pop_back();
  if (s.empty()) return Subheading::none;
  // A heading starts with a capital: "förslag." on its own line ends the sentence above it.
  const unsigned char first = static_cast<unsigned char>(trim(raw)[0]);
  if (first >= 'a' && first <= 'z') return Subheading::none;
  if (s == "beslut" || s == "beslutet" || s == "beslutade" || s == "beslutades")
    return Subheading::decision;
  // "Kommunfullmäktiges beslut", "Socialnämndens beslut", "Miljö- och byggnadsnämndens beslut".
  if (s.size() > 8 && s.compare(s.size() - 7, 7, " beslut") == 0 && s[s.size() - 8] == 's' &&
      std::count(s.begin(), s.end(), ' ') <= 3)
    return Subheading::decision;
  if (s == "förslag till beslut" || s == "förvaltningens förslag till beslut" || s == "förslag till beslut på sammanträdet" ||
      s == "yrkande" || s == "yrkanden" || s == "förslag")
    return Subheading::proposal;
  if (s == "reservation" || s == "reservationer") return Subheading::reservation;
  static const std::set<std::string> other = {
      "ärendebeskrivning", "beskrivning av ärendet", "ärendet", "bakgrund", "sammanfattning", "beslutsunderlag",
      "underlag", "omröstning", "omröstningsresultat", "propositionsordning", "proposition", "protokollsanteckning",
      "jäv", "expediering", "beslutet skickas till", "skickas till", "paragrafen justeras omedelbart",
      "handlingar", "bilagor", "bilaga", "yttrande", "särskilt yttrande", "föredragning", "diskussion"};
  if (other.count(s)) return Subheading::other;
  // "Innehåll i dialog på huvudmannanivå": what a part of an item holds, not an item of its own.
  for (std::string_view head : {"innehåll i ", "innehåll på ", "innehållet i "})
    if (s.rfind(head, 0) == 0 && std::count(s.begin(), s.end(), ' ') <= 6) return Subheading::other;
  return Subheading::none;
}

namespace {
// The first `n` words of a sentence, lower case.
std::vector<std::string> first_words(std::string_view sentence, std::size_t n) {
  std::vector<std::string> words;
  std::string lower = to_lower(sentence.substr(0, std::min<std::size_t>(sentence.size(), 200)));
  std::size_t i = 0;
  while (i < lower.size() && words.size() < n) {
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == ',' || lower[i] == '"')) ++i;
    std::size_t j = i;
    while (j < lower.size() && lower[j] != ' ' && lower[j] != ',') ++j;
    if (j > i) words.push_back(lower.substr(i, j - i));
    i = j;
  }
  for (auto& w : words)
    while (!w.empty() && (w.back() == '.' || w.back() == ':' || w.back() == ';')) w.pop_back();
  return words;
}
}  // namespace

bool is_decision_sentence(std::string_view raw) {
  const std::string_view sentence = trim(raw);
  if (sentence.size() < 8 || sentence.size() > 2000) return false;
  // "beslutar", "beslutade", "beslöt", "beslutades", "beslutas", "tog beslut", "fattade beslut"
  // anywhere near the start; then a verb of deciding as one of the first words.
  static const std::set<std::string> decide = {"beslutar", "beslutade", "beslöt", "beslutades", "beslutas",
                                               "beslutat", "beslutat,", "besluta"};
  static const std::set<std::string> verbs = {
      "fastställer", "fastställde", "fastställs", "fastställdes", "godkänner", "godkände", "godkänns", "godkändes",
      "beviljar", "beviljade", "beviljas", "beviljades", "antar", "antog", "antas", "antogs", "bifaller", "biföll",
      "bifalls", "bifölls", "avslår", "avslog", "avslås", "avslogs", "noterar", "noterade", "noteras", "noterades",
      "utser", "utsåg", "utses", "utsågs", "väljer", "valde", "väljs", "valdes", "omvaldes", "omväljs", "föreslår",
      "föreslog", "överlämnar", "överlämnas", "överlämnades", "uppdrar", "uppdrog", "tillstyrker", "tillstyrkte",
      "avstyrker", "avstyrkte", "återremitterar", "återremitteras", "anses", "ansågs", "läggs", "lades", "lägger",
      "utsett", "utsetts", "valts",
      "tackar", "ställs", "får", "förklarades", "förklaras", "blir"};
  const std::vector<std::string> words = first_words(sentence, 12);
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (decide.count(words[k])) return true;
    if (words[k] == "beslut" && k > 0 && (words[k - 1] == "tog" || words[k - 1] == "fattade" || words[k - 1] == "fattades"))
      return true;
  }
  // A verb of deciding among the first words, after a subject: "Nämnden godkänner …",
  // "Dagordningen godkändes.", "Kristina Nord valdes att …", "Att justera … utses X".
  for (std::size_t k = 1; k < words.size() && k < 7; ++k) {
    if (!verbs.count(words[k])) continue;
    const std::string& w = words[k];
    // Weak verbs count only with what makes them a decision.
    if (w == "läggs" || w == "lades" || w == "lägger")
      return sentence.find("till handlingarna") != std::string_view::npos;
    if (w == "tackar") return sentence.find("informationen") != std::string_view::npos;
    if (w == "får" || w == "blir" || w == "förklarades" || w == "förklaras" || w == "anses" || w == "ansågs" || w == "ställs")
      return k == 1 && words[0] != "vi" && words[0] != "det" && words[0] != "man" && words[0] != "alla";
    if (w == "föreslår" || w == "föreslog") return sentence.find(" att ") != std::string_view::npos;
    return true;
  }
  return false;
}

bool is_reservation_sentence(std::string_view sentence) {
  return sentence.size() < 2000 && (sentence.find("reserverar sig") != std::string_view::npos ||
                                    sentence.find("reserverade sig") != std::string_view::npos);
}

bool is_attestation(std::string_view raw) {
  const std::string_view t = trim(raw);
  if (t.size() > 200 || t.empty()) return false;
  switch (t[0]) {  // every form begins with one of these letters
    case 'a': case 'A': case 'b': case 'B': case 'p': case 'P': case 'j': case 'J': case 'd': case 'D': case 'f': case 'F':
      break;
    default:
      return false;
  }
  const std::string l = to_lower(t.substr(0, std::min<std::size_t>(t.size(), 40)));
  for (std::string_view p : {"anslagsbevis", "anslag/bevis", "anslag / bevis", "bevis om anslag", "bevis om justering",
                             "protokollet är justerat", "justeringen har tillkännagivits", "justeringen har",
                             "datum då anslaget", "datum för anslags", "anslaget sätts upp", "anslaget tas ned",
                             "förvaringsplats för protokollet", "förvaringsplats", "anslagsdatum"})
    if (l.rfind(p, 0) == 0) return true;
  return false;
}

bool is_signature_line(std::string_view raw) {
  const std::string_view t = trim(raw);
  if (t.size() > 200 || t.empty()) return false;
  // Every form begins with a role or a signing word: look at the first word before anything else.
  {
    const std::size_t space = t.find(' ');
    std::string first = to_lower(t.substr(0, std::min(space == std::string_view::npos ? t.size() : space, std::size_t(24))));
    while (!first.empty() && (first.back() == ':' || first.back() == ',' || first.back() == '.')) first.pop_back();
    static const std::set<std::string> firsts = {"justeras", "underskrifter", "underskrift", "sekreterare", "ordförande",
                                                 "justerande", "justerare", "mötesordförande", "mötessekreterare",
                                                 "stämmoordförande", "protokollförare", "vid", "ordf", "sekr", "mötets"};
    if (!firsts.count(first)) return false;
  }
  const std::string l = collapse_words(to_lower(t));
  if (l == "justeras" || l == "justeras:" || l.rfind("underskrifter", 0) == 0 || l.rfind("underskrift ", 0) == 0)
    return true;
  // "Sekreterare ......", "Ordförande ______": a role and the line to sign on.
  if (raw.find("....") != std::string_view::npos || raw.find("____") != std::string_view::npos) {
    for (std::string_view role : {"sekreterare", "ordförande", "justerande", "justerare", "underskrift"})
      if (l.rfind(role, 0) == 0) return true;
  }
  // A row of roles under the signatures: "Ordförande Justerare", "Mötessekreterare Mötesordförande".
  std::size_t roles = 0, words = 0;
  for (std::size_t i = 0; i <= l.size();) {
    std::size_t j = l.find(' ', i);
    if (j == std::string::npos) j = l.size();
    std::string w = l.substr(i, j - i);
    while (!w.empty() && (w.back() == ',' || w.back() == ':')) w.pop_back();
    if (!w.empty()) {
      ++words;
      roles += w == "ordförande" || w == "sekreterare" || w == "justerare" || w == "justerande" ||
               w == "mötesordförande" || w == "mötessekreterare" || w == "stämmoordförande" ||
               w == "protokollförare" || w == "vid" || w == "protokollet" || w == "justeras" ||
               w == "mötets" || w == "ordf" || w == "ordf." || w == "sekr" || w == "sekr.";
    }
    i = j + 1;
  }
  return (words >= 2 && roles == words) || (words == 1 && roles == 1 && l != "vid" && l != "mötets" && l != "protokollet");
}

bool is_page_furniture(std::string_view raw) {
  const std::string_view t = trim(raw);
  if (t.size() > 120) return false;
  // Rules, page numbers, and lines that begin "Justerandes" or "Utdrags…" (any case).
  const char c0 = t.empty() ? '\0' : t[0];
  const bool one_word = t.find(' ') == std::string_view::npos && t.find('.') != std::string_view::npos;
  if (!(c0 == '_' || c0 == '-' || c0 == '.' || c0 == '=' || c0 == 'j' || c0 == 'J' || c0 == 'u' || c0 == 'U' ||
        c0 == 's' || c0 == 'S' || c0 == 'p' || c0 == 'P' || (c0 >= '0' && c0 <= '9') || one_word))
    return false;
  const std::string l = to_lower(t);
  if (l.empty()) return false;
  if (std::all_of(l.begin(), l.end(), [](char c) { return c == '_' || c == '-' || c == '.' || c == ' ' || c == '='; }))
    return l.size() >= 5;
  if (l.rfind("justerandes sign", 0) == 0 || l.rfind("justerandes signatur", 0) == 0 || l == "utdragsbestyrkande" ||
      l.rfind("utdragsbestyrkande", 0) == 0)
    return true;
  if (l.find("justerandes sign") != std::string::npos && l.find("utdragsbestyrkande") != std::string::npos) return true;
  static const std::regex page(R"(^(sida|sid|s\.|page)?\s*\d+\s*(\(|av|/|of)\s*\d+\)?$)");
  if (l.size() < 30 && std::regex_match(l, page)) return true;
  // A web address standing alone in a page's header or footer ("helsingborg.se").
  static const std::regex site(R"(^(www\.)?[a-z0-9.-]+\.(se|nu|com|org|net|eu)$)");
  return l.size() < 60 && l.find(' ') == std::string::npos && std::regex_match(l, site);
}

int page_number(std::string_view raw) {
  if (raw.size() > 300) return 0;
  // "Sida 2 (3)", "sid. 2 av 3", "s. 2/3": a page word, a number, then "(", "av" or "/".
  bool maybe = false;
  for (std::size_t at = raw.find_first_of("sS"); at != std::string_view::npos && !maybe; at = raw.find_first_of("sS", at + 1)) {
    std::size_t k = at + 1;
    while (k < raw.size() && k < at + 6 && !std::isdigit(static_cast<unsigned char>(raw[k]))) ++k;
    maybe = k < raw.size() && std::isdigit(static_cast<unsigned char>(raw[k])) && (at == 0 || raw[at - 1] == ' ');
  }
  if (!maybe) return 0;
  const std::string l = to_lower(raw);
  static const std::regex page(R"((?:^|\s)(?:sida|sid\.?|s\.)\s*(\d+)\s*(?:\(|av|/)\s*\d+)");
  std::smatch m;
  if (std::regex_search(l, m, page)) return std::stoi(m.str(1));
  return 0;
}

std::optional<std::string> document_type(std::string_view raw) {
  if (raw.size() > 200) return std::nullopt;
  bool maybe = false;
  for (std::string_view part : {"otokoll", "OTOKOLL", "nteckning", "NTECKNING", "gordning", "GORDNING", "allelse", "ALLELSE"})
    maybe = maybe || raw.find(part) != std::string_view::npos;
  if (!maybe) return std::nullopt;
  const std::string l = collapse_words(to_lower(trim(raw)));
  static const std::array<std::pair<const char*, const char*>, 14> kinds = {{
      {"sammanträdesprotokoll", "protokoll"}, {"protokollsutdrag", "protokollsutdrag"},
      {"årsmötesprotokoll", "protokoll"}, {"styrelseprotokoll", "protokoll"}, {"mötesprotokoll", "protokoll"},
      {"stämmoprotokoll", "protokoll"}, {"protokoll", "protokoll"}, {"minnesanteckningar", "minnesanteckningar"},
      {"mötesanteckningar", "minnesanteckningar"}, {"minnesanteckning", "minnesanteckningar"},
      {"anteckningar", "anteckningar"}, {"mötesprotokoll", "protokoll"}, {"dagordning", "dagordning"},
      {"kallelse", "kallelse"}}};
  // The kind is the title's first word ("Protokoll från styrelsemöte", "Minnesanteckningar skolråd")
  // or a word of a short title line ("ELEVKÅRENS STYRELSE – PROTOKOLL", "Mötesanteckningar").
  std::vector<std::string> words;
  for (std::size_t i = 0; i <= l.size() && words.size() < 12;) {
    std::size_t j = l.find_first_of(" –-:,()", i);
    if (j == std::string::npos) j = l.size();
    if (j > i) words.push_back(l.substr(i, j - i));
    i = j + 1;
  }
  if (words.empty() || words.size() > 10) return std::nullopt;
  for (std::size_t k = 0; k < words.size(); ++k)
    for (auto [word, kind] : kinds)
      if (words[k] == word) {
        // "Protokollet från förra mötet" is not a title; a kind further in must end a short title.
        if (k > 0 && words.size() > 6) return std::nullopt;
        // "Peter Hägg (anteckningar)": a person's note, not a title.
        if (k > 0 && l.find('(') != std::string::npos && l.find('(') < l.find(word)) return std::nullopt;
        return std::string(kind);
      }
  return std::nullopt;
}

std::optional<std::string> next_meeting(std::string_view raw) {
  if (raw.size() > 400) return std::nullopt;
  const std::string_view line = trim(raw);
  if (line.size() < 8 || !(line[0] == 'N' || line[0] == 'n')) return std::nullopt;
  const std::string l = to_lower(line.substr(0, std::min<std::size_t>(line.size(), 40)));
  constexpr std::string_view kNext = "nästa ";
  if (l.rfind(kNext, 0) != 0) return std::nullopt;
  // "Nästa möte", "Nästa sammanträde", "Nästa styrelsemöte", "Nästa APT", "Nästa skolråd".
  std::size_t end = l.find_first_of(" :", kNext.size());
  if (end == std::string::npos) end = l.size();
  const std::string noun = l.substr(kNext.size(), end - kNext.size());
  static const std::array<const char*, 10> meetings = {"möte", "sammanträde", "apt", "träff", "råd", "skolråd",
                                                       "styrelsemöte", "föräldraråd", "ledningsgruppsmöte", "stämma"};
  bool meeting = false;
  for (const char* m : meetings) {
    const std::string_view mv(m);
    meeting = meeting || noun == mv || (noun.size() > mv.size() && noun.compare(noun.size() - mv.size(), mv.size(), mv) == 0);
  }
  // Another word for the meeting, or one OCR garbled ("Nästa skolrad:"), when a colon follows it.
  if (!meeting && !(end < l.size() && l[end] == ':' && noun.size() >= 3)) return std::nullopt;
  std::string_view rest = trim(line.substr(std::min(line.size(), end)));
  while (!rest.empty() && rest[0] == ':') rest = trim(rest.substr(1));
  return std::string(rest);
}

const std::set<std::string>& party_letters() {
  static const std::set<std::string> p = {"S", "M", "C", "L", "KD", "V", "MP", "SD", "FP", "FI", "SPI", "LPO", "BP",
                                          "SKA", "NYP", "VÄST", "SJV", "CSD"};
  return p;
}

bool is_role_word(const std::string& lower) {
  static const std::set<std::string> roles = {
      "sekr", "sekr.", "sekreterare", "ordf", "ordf.", "ordförande", "vice ordförande", "vice ordf", "vice ordf.",
      "2:e vice ordförande", "1:e vice ordförande", "förste vice ordförande", "andre vice ordförande", "justerare",
      "ersättare", "adjungerad", "tjänstgörande ersättare", "ej tjänstgörande ersättare", "ej tjänstgörande",
      "föredragande", "kassör", "ledamot", "suppleant", "protokollförare", "nämndsekreterare", "kommunsekreterare",
      "mötessekreterare", "mötesordförande", "vd", "rektor", "kanslichef", "kommundirektör", "ekonomichef",
      "socialchef", "förvaltningschef", "teknisk chef", "enhetschef", "lärare", "revisor", "personalrepresentant",
      "vice vd", "stämmoordförande", "styrelseledamot", "ordinarie ledamot"};
  return roles.count(lower) > 0;
}

bool is_secretary_note(const std::string& n) {
  const std::string l = to_lower(trim(n));
  return l == "sekr" || l == "sekr." || l == "sekreterare" || l == "protokollförare" || l == "mötessekreterare" ||
         l == "nämndsekreterare" || l == "kommunsekreterare" || l == "sekreterare, kanslichef" ||
         l == "kanslichef, sekreterare" || l == "anteckningar" || l == "antecknare" || l == "för anteckningar" || (l.size() > 12 && l.compare(l.size() - 11, 11, "sekreterare") == 0 &&
                                             l.find(' ') == std::string::npos);
}

bool is_chair_note(const std::string& n) {
  const std::string l = to_lower(trim(n));
  return l == "ordf" || l == "ordf." || l == "ordförande" || l == "mötesordförande" || l == "stämmoordförande" ||
         l == "ordförande, mötesordförande";
}

bool is_adjuster_note(const std::string& n) {
  const std::string l = to_lower(trim(n));
  return l == "justerare" || l == "justerande" || l == "justeringsperson";
}

bool is_title_word(const std::string& lower) {
  static const std::set<std::string> titles = {
      "rektor", "biträdande rektor", "kyrkoherde", "förskolechef", "pedagog", "förskollärare", "lärare",
      "föräldern", "föräldrarna", "föräldrar", "vårdnadshavare", "komminister", "präst", "diakon", "kantor",
      "elevrepresentant", "specialpedagog", "kurator", "skolsköterska", "fritidspedagog"};
  return titles.count(lower) > 0;
}

}  // namespace minutes
}  // namespace protokoll
