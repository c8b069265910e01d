// Document evidence: what the document itself says about its damage and its words. How much
// of å/ä/ö the OCR lost (a text without any lost them all, and then "har" may be "här"), the
// words written with å/ä/ö (they survived, so every occurrence counts), and the names on its
// lists of people ("Mats" stays "Mats" although "mäts" is a word).
#include <algorithm>
#include <cmath>

#include "repair/engine.hpp"
#include "repair/steps.hpp"
#include "text/chars.hpp"

namespace protokoll::repair {

using namespace tuning;

// Comma-separated entries of one to four capitalized words: a list of people.
void name_entries(std::u32string_view text, std::size_t& entries, std::size_t& names) {
  entries = names = 0;
  std::size_t start = 0;
  // Skip a leading label ("Deltagare LG:").
  if (auto colon = text.find(U':'); colon != std::u32string_view::npos && colon < 30) start = colon + 1;
  bool after_name = false;
  while (start <= text.size()) {
    std::size_t end = text.find(U',', start);
    if (end == std::u32string_view::npos) end = text.size();
    std::u32string_view part = text.substr(start, end - start);
    std::size_t words = 0, capitalized = 0;
    bool in_word = false, in_paren = false;
    for (std::size_t i = 0; i < part.size(); ++i) {
      char32_t c = part[i];
      if (c == U'(') in_paren = true;
      if (c == U')') in_paren = false;
      // A digit inside a word is OCR's ("Sj6holm"), not a word of its own.
      bool letter = (is_letter(c) || (in_word && is_digit(c))) && !in_paren;
      if (letter && !in_word) {
        ++words;
        if (is_upper(c)) ++capitalized;
      }
      in_word = letter;
    }
    // "Anna Ek (S), ordförande, Per Lund": a lower-case entry after a name is that person's
    // role, not an entry of its own.
    if (words > 0 && !(capitalized == 0 && words <= 3 && after_name)) {
      ++entries;
      after_name = words <= 4 && capitalized == words;
      if (after_name) ++names;
    } else {
      after_name = false;
    }
    start = end + 1;
  }
}

bool name_list_line(const std::u32string& line) {
  // Three entries need two commas, a label its colon: most lines have neither.
  if (line.find_first_of(U",:") == std::u32string::npos) return false;
  std::size_t entries = 0, names = 0;
  name_entries(line, entries, names);
  if (entries >= 3 && names * 10 >= entries * 7) return true;
  // "Frånvarande: Pär Öquist", "Sekreterare: Lena Björklund": a label and only names.
  auto colon = line.find(U':');
  return colon != std::u32string::npos && colon < 30 && entries >= 1 && names == entries;
}

bool continues_name_list(const std::u32string& line) {
  std::size_t entries = 0, names = 0;
  name_entries(line, entries, names);
  return entries >= 1 && names * 10 >= entries * 7;
}

void gather_evidence(const Engine& engine, DocumentState& doc) {
  std::vector<LineWork>& lines = doc.lines;
  std::size_t letters = 0, diacritics = 0;
  for (const LineWork& lw : lines) {
    letters += lw.letters;
    diacritics += lw.diacritics;
  }
  // How much of å/ä/ö did the OCR lose? Swedish text has about 3.5 of them per 100 letters;
  // short texts say little (tuning::kDiacriticPrior): of unknown origin, they are taken to have
  // lost half; read by a Swedish model (our own OCR of a scan), none, unless the page says so.
  {
    const double prior_loss = doc.piece.read_by_swedish_model ? 0.0 : 0.5;
    const double observed = (static_cast<double>(diacritics) + (1 - prior_loss) * kDiacriticRate * kDiacriticPrior) /
                            (static_cast<double>(letters) + kDiacriticPrior);
    doc.strip = std::clamp(std::round(kLossSteps * (1.0 - observed / kDiacriticRate)) / kLossSteps,
                           doc.piece.read_by_swedish_model ? kMinLossSwedishModel : kMinLoss, kMaxLoss);
  }
  engine.compute_rule_logps(doc);
  // Words that carry å/ä/ö survived OCR; their every occurrence counts.
  for (const LineWork& lw : lines) {
    if (lw.diacritics == 0) continue;  // most lines of a text that lost them
    for (const auto& t : lw.tokens) {
      if (!t.word) continue;
      std::u32string_view w(lw.text.data() + t.begin, t.end - t.begin);
      if (std::any_of(w.begin(), w.end(), is_swedish_diacritic)) ++doc.intact[to_utf8(lower32(w))];
    }
  }
  // A line that lists people ("Tony Mufic, Karin Gerken, Mats Nilsson,") vouches for the names
  // on it, wherever they recur.
  doc.for_each_index(lines.size(), [&](std::size_t li) { lines[li].name_list = name_list_line(lines[li].text); });
  for (std::size_t li = 0; li < lines.size(); ++li) {
    if (!lines[li].name_list && !(li > 0 && lines[li - 1].name_list && continues_name_list(lines[li].text)))
      continue;
    for (const auto& t : lines[li].tokens) {
      if (!t.word) continue;
      std::u32string_view w(lines[li].text.data() + t.begin, t.end - t.begin);
      if (w.size() > 1 && is_upper(w[0]) && !all_upper(w) && swedish_spelling(w)) doc.names.insert(to_utf8(lower32(w)));
    }
  }
}

}  // namespace protokoll::repair
