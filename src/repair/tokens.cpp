// Tokens: each line as code points, cut into words and what stands between them (ICU's word
// break rules, or the same rules for plain Latin lines without ICU: text/word_breaks.hpp), with
// what must never change marked fixed: URLs, e-mail addresses and domains (protected spans),
// numbers (which get their digits back: numbers.cpp), short acronyms, bullets read as letters,
// and logo junk at a page's top.
#include <algorithm>
#include <memory>
#include <span>
#include <string>

#include <unicode/unistr.h>

#include "repair/engine.hpp"
#include "repair/steps.hpp"
#include "text/chars.hpp"
#include "text/word_breaks.hpp"

namespace protokoll::repair {

using namespace tuning;

// Whether protected_spans() may find a span in `line`: a chunk (between spaces) whose first '.',
// '@' or ':' is not its last character, or a chunk of four that ends in one ("www."). Most lines
// hold those characters only where a sentence or a label ends.
bool may_hold_address(std::u32string_view line) {
  for (std::size_t p = 0; p < line.size(); ++p) {
    const char32_t c = line[p];
    if (c != U'.' && c != U'@' && c != U':') continue;
    if (p + 1 < line.size() && !is_space(line[p + 1])) return true;
    if (p >= 3 && (p == 3 || is_space(line[p - 4])) && !is_space(line[p - 1]) && !is_space(line[p - 2]) &&
        !is_space(line[p - 3]))
      return true;
  }
  return false;
}

// URL, e-mail and domain spans of a line: [begin, end) in code points.
std::vector<std::pair<std::size_t, std::size_t>> protected_spans(const std::u32string& line) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t i = 0;
  while (i < line.size()) {
    if (is_space(line[i])) { ++i; continue; }
    std::size_t j = i;
    while (j < line.size() && !is_space(line[j])) ++j;
    std::u32string_view chunk(line.data() + i, j - i);
    // No URL, address or domain without a '.', '@' or ':' before the chunk's last character
    // (a word that ends a sentence or a label), unless it is "www.".
    const std::size_t special = chunk.find_first_of(U".@:");
    if (special == std::u32string_view::npos || (special + 1 == chunk.size() && chunk.size() != 4)) {
      i = j;
      continue;
    }
    std::u32string low = lower32(chunk);
    bool url = low.find(U"://") != std::u32string::npos || low.rfind(U"www.", 0) == 0;
    bool mail = false, domain = false;
    if (auto at = low.find(U'@'); at != std::u32string::npos && at > 0 && low.find(U'.', at) != std::u32string::npos)
      mail = true;
    // "helsingborg.se", "skolverket.se/x": a dot followed by a known top-level domain.
    for (std::u32string_view tld : {U".se", U".com", U".nu", U".org", U".net", U".eu", U".fi", U".dk", U".no"}) {
      auto p = low.find(tld);
      if (p != std::u32string::npos && p > 0 && is_letter(low[p - 1]) &&
          (p + tld.size() == low.size() || !is_letter(low[p + tld.size()])))
        domain = true;
    }
    if (url || mail || domain) spans.emplace_back(i, j);
    i = j;
  }
  return spans;
}

// Bullet glyphs that OCR read as letters at the start of a line: "e ", "¢ ", "« " are first-level
// bullets, "o " second-level ones.
std::size_t bullet_at(const std::u32string& line, std::size_t pos, char32_t& replacement) {
  if (pos + 2 > line.size() || line[pos + 1] != U' ') return 0;
  // The bullet must be followed by text, not stand alone.
  std::size_t next = pos + 2;
  while (next < line.size() && line[next] == U' ') ++next;
  if (next >= line.size() || !(is_letter(line[next]) || is_digit(line[next]) || line[next] == U'"')) return 0;
  switch (line[pos]) {
    case U'e': case U'¢': case U'«': case U'©': case U'®': case U'*': case U'●': case U'■': case U'▪':
    case U'•':
      replacement = U'•';
      return 1;
    case U'o': case U'°': case U'◦': case U'○':
      replacement = U'◦';
      return 1;
    default:
      return 0;
  }
}

namespace {
bool is_blank(const LineWork& lw, const Token& t) {
  for (std::size_t p = t.begin; p < t.end; ++p)
    if (!is_space(lw.text[p])) return false;
  return true;
}
}  // namespace

// Whether a token may be repaired at all: words, and letter-digit mixes where the digits are
// OCR's readings of letters ("6kat", "0Okad", "1ag"); never numbers, "T2", short acronyms.
// `letter_digits`: the digits OCR prints for letters (0, 1, and those the confusion table has:
// 6 for ö, 4 for ä).
// Function words that tell an English line from a Swedish one. Those OCR makes of Swedish
// words ("an" of "än", "at" of "åt", "for" of "för") or that are Swedish words too ("is", "be",
// "by", "it") only count half; Swedish function words are listed as written and as OCR
// without å/ä/ö prints them. Each list sorted by its UTF-8 bytes (binary search).
constexpr std::string_view kEnglishWords[] = {"and", "are", "been", "from", "has", "have", "not", "of", "or",
                                              "that", "the", "this", "was", "we", "were", "which", "will",
                                              "with", "you"};
constexpr std::string_view kAmbiguousWords[] = {"a", "an", "as", "at", "be", "by", "for", "in", "is", "it", "on", "to"};
constexpr std::string_view kSwedishWords[] = {
    "alla", "ar", "att", "av", "aven", "bara", "blir", "de", "den", "denna", "dessa", "det", "detta", "efter",
    "eller", "en", "ett", "finns", "for", "fran", "från", "för", "har", "hur", "inte", "kan", "man", "med",
    "mot", "nar", "nu", "när", "och", "också", "om", "pa", "på", "sa", "samt", "se", "sig", "ska", "skall",
    "som", "så", "till", "under", "utan", "var", "vara", "vi", "vid", "är", "även"};

bool listed(std::span<const std::string_view> sorted_words, std::string_view w) {
  return std::binary_search(sorted_words.begin(), sorted_words.end(), w);
}

// A line in English ("not an image", a quoted abstract) is left as written: its words are no
// damaged Swedish, and Swedish readings of them are the only ones the repair can offer.
bool reads_as_english(const LineWork& lw) {
  double english = 0;
  int swedish = 0;
  std::string w;
  for (const Token& t : lw.tokens) {
    if (!t.word || t.end - t.begin > 6) continue;
    w.clear();
    for (std::size_t p = t.begin; p < t.end; ++p) append_utf8(w, lower_cp(lw.text[p]));
    if (listed(kSwedishWords, w)) ++swedish;
    else if (listed(kEnglishWords, w)) english += 1;
    else if (listed(kAmbiguousWords, w)) english += 0.5;
  }
  return swedish == 0 ? english >= 1.5 : english >= 2 * swedish + 2;
}

bool repairable(std::u32string_view tok, std::u32string_view letter_digits) {
  // Longer than any Swedish compound: a code, a hash, or garbage; the search would only waste
  // time and memory on it.
  if (tok.size() > kMaxTokenLength) return false;
  std::size_t letters = 0, digits = 0, confusable = 0;
  for (char32_t c : tok) {
    if (is_letter(c)) ++letters;
    else if (is_digit(c)) {
      ++digits;
      if (letter_digits.find(c) != std::u32string_view::npos) ++confusable;
    }
  }
  if (letters == 0) return false;
  if (digits && (digits != confusable || letters < 2 || digits > 2)) return false;
  if (all_upper(tok) && letters <= 3) return false;  // LG, SG, VP, SKA, HSS, ME
  return true;
}

void tokenize(const Engine& engine, DocumentState& doc) {
  // Tokenize every line with ICU's word break rules, in blocks of lines in parallel (each with
  // its own break iterator: they are not thread-safe).
  std::vector<LineWork>& lines = doc.lines;
  doc.for_blocks(lines.size(), 256, [&](const auto& range) {
    std::unique_ptr<icu::BreakIterator> breaks;  // cloned when a line needs it (few do)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> segments;  // of a line, [begin, end) code points
    for (std::size_t li = range.begin(); li < range.end(); ++li) {
      LineWork& lw = lines[li];
      lw.text = to_u32(doc.piece.lines[li]);
      // One look at each character for what the steps below ask of the line.
      std::size_t letters = 0, diacritics = 0;
      bool digits = false, specials = false;  // specials: what URLs and addresses need
      for (char32_t c : lw.text) {
        if (c < 0x80) {
          letters += ((c | 0x20) - U'a') < 26;
          digits |= (c - U'0') < 10;
          specials |= c == U'.' || c == U'@' || c == U':';
        } else if (is_swedish_diacritic(c)) {
          ++letters;
          ++diacritics;
        } else {
          letters += is_letter(c);
          digits |= is_digit(c);
        }
      }
      lw.letters = letters;
      lw.diacritics = diacritics;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      if (specials && may_hold_address(lw.text)) spans = protected_spans(lw.text);
      if (engine.options.threshold < kDigitScore && digits) lw.digit_spans = restore_digits(lw.text, spans, lw.read);
      // Plain Latin lines (most) without ICU, by the same rules (tests/word_breaks_test.cpp).
      segments.clear();
      const bool plain = detail::plain_word_breaks(lw.text, segments);
      if (!plain) {
        if (!breaks) breaks.reset(engine.word_breaks->clone());
        icu::UnicodeString us = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(lw.text.data()),
                                                              static_cast<int32_t>(lw.text.size()));
        breaks->setText(us);
        int32_t start = breaks->first();
        std::uint32_t cp = 0;  // code points before `start` (UTF-16 offsets differ outside the BMP)
        for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE; start = end, end = breaks->next()) {
          const std::uint32_t next = cp + static_cast<std::uint32_t>(us.countChar32(start, end - start));
          segments.emplace_back(cp, next);
          cp = next;
        }
      }
      lw.tokens.reserve(segments.size());
      for (const auto& [segment_begin, segment_end] : segments) {
        Token t;
        t.begin = segment_begin;
        t.end = segment_end;
        // A plain segment that starts with a letter or digit is a word; any other is one
        // character or a run of spaces (word_breaks.cpp). ICU's segments are looked through.
        bool alnum = is_letter(lw.text[t.begin]) || is_digit(lw.text[t.begin]);
        for (std::size_t k = t.begin + 1; k < t.end && !plain; ++k) alnum |= is_letter(lw.text[k]) || is_digit(lw.text[k]);
        t.word = alnum;
        for (auto [b, e] : spans) t.fixed |= t.begin < e && t.end > b;
        if (t.word && !repairable(std::u32string_view(lw.text).substr(t.begin, t.end - t.begin), engine.letter_digits))
          t.fixed = true;
        lw.tokens.push_back(t);
      }
      if (reads_as_english(lw))
        for (Token& t : lw.tokens) t.fixed |= t.word;
      if (engine.options.bullets && doc.starts_line(li)) {
        std::size_t first = 0;
        while (first < lw.tokens.size() && !lw.tokens[first].word &&
               std::all_of(lw.text.begin() + static_cast<long>(lw.tokens[first].begin),
                           lw.text.begin() + static_cast<long>(lw.tokens[first].end),
                           [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\f'; }))
          ++first;
        char32_t glyph = 0;
        if (first < lw.tokens.size() && lw.tokens[first].end - lw.tokens[first].begin == 1 &&
            bullet_at(lw.text, lw.tokens[first].begin, glyph)) {
          lw.bullet_token = first;
          lw.bullet_glyph = glyph;
          lw.tokens[first].fixed = true;
        }
      }
    }
  });
}

void mark_page_top_junk(const Engine& engine, DocumentState& doc) {
  // Logo junk: OCR reads a letterhead's logo as "%" or "POEk s" before the first line of a page.
  std::vector<LineWork>& lines = doc.lines;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    LineWork& lw = lines[li];
    if (!doc.starts_line(li)) continue;
    // The first line of a page, of a piece, or one that starts with a single space (archive
    // text without form feeds marks a new page that way).
    const bool page_top = li == 0 || doc.piece.page_starts[li] ||
                          (lw.text.size() > 1 && lw.text[0] == U' ' && lw.text[1] != U' ');
    if (!page_top || lw.bullet_glyph != 0) continue;
    std::size_t first = 0;
    while (first < lw.tokens.size() && !lw.tokens[first].word && is_blank(lw, lw.tokens[first])) ++first;
    std::size_t k = first, junk = 0;
    for (; k < lw.tokens.size(); ++k) {
      const Token& t = lw.tokens[k];
      if (is_blank(lw, t)) continue;
      std::u32string w = lw.text.substr(t.begin, t.end - t.begin);
      if (!t.word) {
        // symbols a logo turns into; not bullets, numbers, quotes, dashes or §
        if (w.size() == 1 && std::u32string_view(U"%#@©®*~^|=+").find(w[0]) != std::u32string_view::npos) {
          ++junk;
          continue;
        }
        break;
      }
      std::string low = to_utf8(lower32(w));
      bool single = w.size() == 1 && is_letter(w[0]) && low != "i" && low != "å" && low != "ö";
      bool odd_case = w.size() > 1 && case_pattern(to_utf8(w)) == CasePattern::mixed && engine.tier_of(w) == 0;
      if (single || odd_case) {
        ++junk;
        continue;
      }
      break;
    }
    std::size_t rest_words = 0;
    for (std::size_t m = k; m < lw.tokens.size(); ++m) rest_words += lw.tokens[m].word;
    if (junk > 0 && rest_words >= 2 && k < lw.tokens.size() && is_upper(lw.text[lw.tokens[k].begin])) {
      lw.junk_begin = first;
      lw.junk_end = k;
      for (std::size_t m = first; m < k; ++m) lw.tokens[m].fixed = true;
    }
  }
}

bool sentence_start(const LineWork& lw, std::size_t ti) {
  for (std::size_t k = ti; k-- > 0;) {
    const Token& t = lw.tokens[k];
    if (t.word) return lw.bullet(k) != 0;
    for (std::size_t p = t.begin; p < t.end; ++p) {
      char32_t c = lw.text[p];
      if (c == U'.' || c == U':' || c == U'!' || c == U'?' || c == U';' || c == U'"' || c == U'”') return true;
    }
  }
  return true;
  }

}  // namespace protokoll::repair
