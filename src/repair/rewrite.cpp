// Rewriting: the lines written out with the decisions, each change with its place, score and
// runner-up. A line nothing changed stays as it was read; a replacement keeps the token's case
// pattern (FÖRSLAG / Förslag / förslag).
#include <algorithm>

#include "repair/engine.hpp"
#include "text/chars.hpp"

namespace protokoll::repair {

using namespace tuning;

RepairedPiece rewrite(const Engine& engine, const DocumentState& doc) {
  RepairedPiece result;
  const auto& lines = doc.lines;
  const auto& choices = doc.choices;
  // Write the lines out, in parallel: a line nothing changed is the input line as it was.
  std::vector<std::string> rewritten(lines.size());
  std::vector<char> is_rewritten(lines.size(), 0);
  std::vector<std::vector<Change>> line_changes(lines.size());
  std::vector<std::size_t> line_changed(lines.size(), 0);
  doc.for_blocks(lines.size(), 512, [&](const auto& range) {
    std::u32string replacement;  // of one token, reused
    for (std::size_t li = range.begin(); li < range.end(); ++li) {
      const LineWork& lw = lines[li];
      bool changed = lw.junk_end > lw.junk_begin || !lw.digit_spans.empty();
      for (std::size_t ti = 0; ti < lw.tokens.size() && !changed; ++ti) {
        const std::int32_t slot = lw.tokens[ti].slot;
        changed = lw.bullet(ti) != 0 || (slot >= 0 && choices[static_cast<std::size_t>(slot)].best !=
                                                          choices[static_cast<std::size_t>(slot)].identity);
      }
      if (!changed) continue;
      is_rewritten[li] = 1;
      std::vector<Change>& changes = line_changes[li];
      // The line is written as UTF-8 as it goes: its unchanged stretches and the replacements.
      std::string& line = rewritten[li];
      line.reserve(doc.piece.lines[li].size() + doc.piece.lines[li].size() / 8);
      auto append = [&line](std::u32string_view text) {
        for (char32_t c : text) append_utf8(line, c);
      };
      std::size_t cursor = 0;
      if (lw.junk_end > lw.junk_begin) ++line_changed[li];
      line_changed[li] += lw.digit_spans.size();
      if (engine.options.record_changes)
        for (auto [b, e] : lw.digit_spans) {
          Change change;
          change.line = li + 1;
          change.column = b + 1;
          change.from = to_utf8(std::u32string_view(lw.read).substr(b, e - b));
          change.to = to_utf8(std::u32string_view(lw.text).substr(b, e - b));
          change.score = kDigitScore;
          changes.push_back(std::move(change));
        }
      if (lw.junk_end > lw.junk_begin && engine.options.record_changes) {
        Change change;
        change.line = li + 1;
        change.column = lw.tokens[lw.junk_begin].begin + 1;
        change.from = to_utf8(lw.text.substr(lw.tokens[lw.junk_begin].begin,
                                             lw.tokens[lw.junk_end].begin - lw.tokens[lw.junk_begin].begin));
        changes.push_back(std::move(change));
      }
      for (std::size_t ti = 0; ti < lw.tokens.size(); ++ti) {
        const Token& t = lw.tokens[ti];
        if (ti >= lw.junk_begin && ti < lw.junk_end) {
          cursor = lw.tokens[ti + 1].begin;  // dropped with the space after it
          continue;
        }
        append(std::u32string_view(lw.text).substr(cursor, t.begin - cursor));
        cursor = t.end;
        const std::u32string_view original(lw.text.data() + t.begin, t.end - t.begin);
        if (const char32_t glyph = lw.bullet(ti)) {
          append_utf8(line, glyph);
          continue;
        }
        if (t.slot < 0) {
          append(original);
          continue;
        }
        const Choice& ch = choices[static_cast<std::size_t>(t.slot)];
        if (ch.best == ch.identity) {
          append(original);
          continue;
        }
        const Candidate& c = (*ch.cands)[ch.best];
        // Keep the token's case pattern: FÖRSLAG / Förslag / förslag.
        const CasePattern pattern = case_pattern(original);
        // Except a capital OCR made of a small letter ("Over" for "över", "Ar" for "är" inside a
        // sentence): when the first letter is the one a confusion gave back and the reading is
        // a frequent word, it is written small. Names and places keep theirs ("Oresund",
        // "Åsen"), and so do rarer words, which inside a sentence may be a name ("Östra skolan").
        // A digit OCR printed for a letter ("0kade") gives back a capital too ("Ö"), and inside a
        // sentence that is as wrong.
        const bool digit_first = is_digit(original[0]) && !c.parts.empty() && !c.parts[0].empty() && is_letter(c.parts[0][0]);
        const bool small = (pattern == CasePattern::capitalized || digit_first) && c.parts.size() == 1 && !ch.listed_name &&
                           c.name_weight == 0 &&  // "sal Åsen": a place, though "åsen" is a word
                           lower_cp(c.parts[0][0]) != lower_cp(original[0]) && !sentence_start(lw, ti) &&
                           static_cast<double>(engine.lm.count(c.ids.front())) >= kFrequentWord * engine.reference_scale();
        replacement.clear();
        for (std::size_t p = 0; p < c.parts.size(); ++p) {
          if (p) replacement += U' ';
          const std::size_t at = replacement.size();
          replacement += c.parts[p];
          const auto part = replacement.begin() + static_cast<long>(at);
          // Otherwise the part keeps the case the confusion rules gave it ("l" -> "I").
          if (pattern == CasePattern::upper) {
            std::transform(part, replacement.end(), part, upper_cp);
          } else if (small || (p == 0 && pattern == CasePattern::capitalized)) {
            std::transform(part, replacement.end(), part, lower_cp);
            if (!small && part != replacement.end()) *part = upper_cp(*part);
          } else if (p == 0 && digit_first && sentence_start(lw, ti) && part != replacement.end()) {
            *part = upper_cp(*part);  // "6kade" opening a sentence: "Ökade"
          }
        }
        append(replacement);
        if (replacement == original) continue;
        ++line_changed[li];
        if (!engine.options.record_changes) continue;
        Change change;
        change.line = li + 1;
        change.column = t.begin + 1;
        change.from = to_utf8(original);
        change.to = to_utf8(replacement);
        change.score = ch.best_score - ch.identity_score;
        if (ch.runner_up != kNoReading && ch.runner_up < ch.cands->size()) {
          std::u32string r;
          for (std::size_t p = 0; p < (*ch.cands)[ch.runner_up].parts.size(); ++p) {
            if (p) r += U' ';
            r += (*ch.cands)[ch.runner_up].parts[p];
          }
          change.runner_up = to_utf8(r);
        }
        changes.push_back(std::move(change));
      }
      append(std::u32string_view(lw.text).substr(cursor));
      std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.column < b.column; });
    }
  });
  for (std::size_t li = 0; li < lines.size(); ++li) {
    result.changed_words += line_changed[li];
    for (auto& c : line_changes[li]) result.changes.push_back(std::move(c));
  }
  result.rewritten = std::move(rewritten);
  result.is_rewritten = std::move(is_rewritten);

  // Words left as they were that no lexicon knows.
  result.unknown_words = static_cast<std::size_t>(std::count_if(choices.begin(), choices.end(), [](const Choice& ch) {
    return ch.best == ch.identity && (*ch.cands)[ch.identity].tier == 0;
  }));
  result.words = doc.word_tokens;
  return result;
}

}  // namespace protokoll::repair
