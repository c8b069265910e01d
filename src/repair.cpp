// The repair engine. For every word token:
//   1. propose candidates by running the confusion model backwards over the damaged form
//      ("férvaltningen" -> "förvaltningen", "gidllande" -> "gällande", "0Okad" -> "Ökad"),
//      and splits of glued words ("Uppdragi" -> "Uppdrag i");
//   2. keep the candidates the lexicon knows (the token itself too, when it is a word);
//   3. score each: channel log P(seen | candidate) + prior (language model, lexicon tier,
//      document evidence) + context (bigrams with the chosen neighbours), and take the best
//      when it beats leaving the token as it is by more than the threshold.
// The channel adapts to the document: a text with no å/ä/ö at all lost them to OCR, so there
// "har" -> "här" is only a question of context; in clean text a valid word is left alone unless
// context is overwhelming.
#include "protokoll/resources.hpp"
#include "protokoll/repair.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "protokoll/normalize.hpp"
#include "protokoll/text_util.hpp"

namespace protokoll {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxEdits = 4;
constexpr std::size_t kMaxGenerated = 4000;
constexpr double kGlueLogP = -2.5;  // log10 P(OCR lost a space)
constexpr double kLogUnknownWord = -2.0;  // log10 share of running words no lexicon knows (names, compounds)
constexpr double kNameBonus = 2.5;        // log10 boost for a name the document lists as a participant
constexpr std::size_t kUnknownCandidates = 6;
constexpr double kValidWordMargin = 0.7;  // log10: a known word is changed only at 5:1 odds

bool is_swedish_diacritic(char32_t c) {
  switch (c) {
    case U'å': case U'ä': case U'ö': case U'Å': case U'Ä': case U'Ö': return true;
    default: return false;
  }
}
bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool is_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
char32_t lower_cp(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }

// Letters a Swedish word is spelled with. A token with anything else (é, 6, 0, @) inside a word
// is an OCR misreading unless the lexicon knows it ("idé", "kommitté").
bool swedish_spelling(std::u32string_view s) {
  for (char32_t c : s) {
    char32_t l = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    if ((l >= U'a' && l <= U'z') || l == U'å' || l == U'ä' || l == U'ö' || l == U'-') continue;
    return false;
  }
  return true;
}

std::u32string lower32(std::u32string_view s) {
  std::u32string out(s);
  for (auto& c : out) c = lower_cp(c);
  return out;
}

// Short words that OCR glues to their neighbours when the space between them is narrow.
const std::unordered_set<std::u32string>& glue_words() {
  static const std::unordered_set<std::u32string> words = {
      U"i", U"å", U"ö", U"en", U"ett", U"och", U"att", U"av", U"på", U"om", U"som", U"ska", U"till",
      U"med", U"för", U"är", U"de", U"den", U"det", U"vi", U"man", U"så", U"har", U"kan", U"vid",
      U"ur", U"ut", U"in", U"upp", U"nu", U"en", U"alla", U"sin", U"sig", U"inte", U"samt", U"från"};
  return words;
}

// One way to read a token: one word, or several when OCR glued them.
struct Candidate {
  std::vector<std::u32string> parts;  // as output (cased)
  std::vector<std::string> lower;     // UTF-8 lower-case, for lexicon and language model
  double channel = 0;                 // log10 P(seen | candidate)
  double base = 0;                    // the part of `channel` that is not confusion rules
  std::vector<const Confusion*> rules;  // confusions undone to reach it (for adaptation)
  double prior = 0;                   // log10 prior of the words, context excluded
  bool identity = false;              // the token as it stands
  int tier = 0;                       // worst lexicon tier of the parts: 0 unknown, 1 weak, 2 known
};

struct Token {
  std::size_t begin = 0, end = 0;  // code point offsets in the line
  bool word = false;
  bool fixed = false;              // never changed (numbers, URLs, acronyms, ...)
};

// URL, e-mail and domain spans of a line: [begin, end) in code points.
std::vector<std::pair<std::size_t, std::size_t>> protected_spans(const std::u32string& line) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t i = 0;
  while (i < line.size()) {
    if (u_isspace(static_cast<UChar32>(line[i]))) { ++i; continue; }
    std::size_t j = i;
    while (j < line.size() && !u_isspace(static_cast<UChar32>(line[j]))) ++j;
    std::u32string_view chunk(line.data() + i, j - i);
    std::u32string low = lower32(chunk);
    bool url = low.find(U"://") != std::u32string::npos || low.rfind(U"www.", 0) == 0;
    bool mail = false, domain = false;
    if (auto at = low.find(U'@'); at != std::u32string::npos && at > 0 && low.find(U'.', at) != std::u32string::npos)
      mail = true;
    // "helsingborg.se", "skolverket.se/x": a dot followed by a known top-level domain.
    for (std::u32string tld : {U".se", U".com", U".nu", U".org", U".net", U".eu", U".fi", U".dk", U".no"}) {
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

}  // namespace

struct Repairer::Impl {
  RepairOptions options;
  std::unique_ptr<Lexicon> lexicon;
  LanguageModel lm;
  ConfusionModel confusions;
  std::unique_ptr<icu::BreakIterator> word_breaks;  // cloned per call (not thread-safe)

  // Per-document state for one repair() call.
  struct DocState {
    double strip = 0.5;  // estimated share of å/ä/ö that OCR lost in this document
    std::unordered_map<std::string, int> intact;  // lower-case words seen intact
    std::unordered_set<std::string> names;        // lower-case names from participant lists
    std::unordered_map<std::u32string, std::vector<Candidate>> cache;
    std::unordered_map<std::u32string, std::vector<Candidate>> single_cache;
    // Confusions this document shows for certain (an unknown word that one reading turns into
    // a known word by a wide margin): they are likelier here than in general.
    std::unordered_map<const Confusion*, int> confirmed;
  };

  int tier_of(const std::u32string& cased, const std::string& lower) const {
    auto k = lexicon->lookup(to_utf8(cased));
    if (k == Lexicon::Known::no && cased.size() > 1) k = lexicon->lookup(lower);
    return static_cast<int>(k);
  }

  // Channel log10 P(seen | truth) for one rule, adapted to the document's diacritic loss.
  double channel_rule(const Confusion& rule, const DocState& doc) const {
    double lp = rule.log_prob;
    if (rule.truth.size() == 1 && is_swedish_diacritic(rule.truth[0])) {
      double keep = std::pow(10.0, confusions.log_keep(rule.truth[0]));
      double share = std::pow(10.0, rule.log_prob) / std::max(1e-6, 1 - keep);
      lp = std::log10(std::max(1e-9, doc.strip * std::min(1.0, share)));
    }
    if (auto it = doc.confirmed.find(&rule); it != doc.confirmed.end())
      lp = std::max(lp, std::log10(it->second / (it->second + 8.0)));
    return lp;
  }
  void rescore_channel(Candidate& c, const DocState& doc) const {
    c.channel = c.base;
    for (const Confusion* r : c.rules) c.channel += channel_rule(*r, doc);
  }
  double channel_keep(char32_t c, const DocState& doc) const {
    if (is_swedish_diacritic(c)) return std::log10(std::max(1e-3, 1 - doc.strip));
    return confusions.log_keep(c);
  }

  // log10 prior of a word before context: its language model count, a floor for words only a
  // lexicon knows, document evidence; a word no lexicon knows is as likely as its spelling.
  double word_prior(const std::string& lower, int tier, const DocState& doc) const {
    double count = static_cast<double>(lm.count(lower));
    if (auto it = doc.intact.find(lower); it != doc.intact.end()) count += 2.0 * it->second;
    const double n = static_cast<double>(std::max<std::uint64_t>(1, lm.total()));
    if (tier == 0 && count == 0) return kLogUnknownWord + lm.log_spelling(lower);
    count += tier == 2 ? 0.5 : tier == 1 ? 0.05 : 0.0;
    return std::log10(count / n);
  }

  // Readings of one word form without splitting: every string the confusion model can turn
  // into `seen` with at most kMaxEdits edits, kept when the lexicon knows it.
  const std::vector<Candidate>& single(const std::u32string& seen, DocState& doc) const {
    if (auto it = doc.single_cache.find(seen); it != doc.single_cache.end()) return it->second;
    struct Partial {
      std::u32string text;
      double logp;
      int edits;
      double base = 0;
      std::vector<const Confusion*> rules;
    };
    std::vector<Partial> generated;
    // Depth-first over positions: keep the character, or undo a confusion that starts here.
    std::vector<Partial> stack{{U"", 0.0, 0}};
    std::vector<std::size_t> pos_stack{0};
    while (!stack.empty() && generated.size() < kMaxGenerated) {
      Partial p = std::move(stack.back());
      stack.pop_back();
      std::size_t pos = pos_stack.back();
      pos_stack.pop_back();
      if (p.logp < -9) continue;  // hopeless
      if (pos == seen.size()) {
        generated.push_back(std::move(p));
        continue;
      }
      if (p.edits < kMaxEdits) {
        for (const Confusion* rule : confusions.starting_with(seen[pos])) {
          if (seen.compare(pos, rule->seen.size(), rule->seen) != 0) continue;
          Partial next{p.text + rule->truth, p.logp + channel_rule(*rule, doc), p.edits + 1, p.base, p.rules};
          next.rules.push_back(rule);
          stack.push_back(std::move(next));
          pos_stack.push_back(pos + rule->seen.size());
        }
      }
      double keep = channel_keep(seen[pos], doc);
      stack.push_back({p.text + seen[pos], p.logp + keep, p.edits, p.base + keep, std::move(p.rules)});
      pos_stack.push_back(pos + 1);
    }
    std::sort(generated.begin(), generated.end(), [](const Partial& a, const Partial& b) { return a.logp > b.logp; });
    std::vector<Candidate> out;
    std::unordered_set<std::u32string> seen_forms;
    std::size_t hunspell_checks = 0, unknown_kept = 0;
    // A form that is not Swedish spelling ("Hjelmstrém") was misread even when no lexicon knows
    // what it should be (names): then Swedish-spelled readings the lexicon lacks compete too.
    const bool implausible = !swedish_spelling(seen);
    for (auto& g : generated) {
      const std::u32string& text = g.text;
      if (!seen_forms.insert(text).second) continue;
      std::u32string low32 = lower32(text);
      std::string low = to_utf8(low32);
      bool identity = text == seen;
      // Hunspell is the expensive check: ask it only for the likeliest readings, the listed
      // ones (language model, word lists) are cheap to recognise.
      bool cheap = lm.count(low) > 0 || lexicon->listed(low);
      if (!identity && !cheap && hunspell_checks >= 48) continue;
      if (!cheap) ++hunspell_checks;
      int t = tier_of(text, low);
      if (t == 0 && !identity) {
        if (!implausible || !swedish_spelling(text) || unknown_kept >= kUnknownCandidates) continue;
        ++unknown_kept;
      }
      Candidate c;
      c.parts = {text};
      c.lower = {low};
      c.channel = g.logp;
      c.base = g.base;
      c.rules = std::move(g.rules);
      c.tier = t;
      c.identity = identity;
      c.prior = word_prior(low, t, doc);
      out.push_back(std::move(c));
    }
    return doc.single_cache.emplace(seen, std::move(out)).first->second;
  }

  // All readings of a token: single words, and splits of glued words when the token is not a
  // word itself.
  const std::vector<Candidate>& candidates(const std::u32string& seen, DocState& doc) const {
    if (auto it = doc.cache.find(seen); it != doc.cache.end()) return it->second;
    std::vector<Candidate> out = single(seen, doc);
    bool identity_known = false;
    for (const auto& c : out) identity_known |= c.identity && c.tier > 0;
    // A name the document lists ("Karlegatt") is not two glued words.
    const bool listed_name = doc.names.count(to_utf8(lower32(seen))) > 0;
    if (!identity_known && !listed_name && seen.size() >= 3) add_splits(seen, doc, out);
    if (std::none_of(out.begin(), out.end(), [](const Candidate& c) { return c.identity; })) {
      Candidate id;
      id.parts = {seen};
      std::string low = to_utf8(lower32(seen));
      id.lower = {low};
      id.identity = true;
      id.channel = 0;
      for (char32_t ch : seen) id.channel += channel_keep(ch, doc);
      id.base = id.channel;
      id.prior = word_prior(low, 0, doc);
      out.push_back(std::move(id));
    }
    return doc.cache.emplace(seen, std::move(out)).first->second;
  }

  void add_splits(const std::u32string& seen, DocState& doc, std::vector<Candidate>& out) const {
    const auto& glue = glue_words();
    // The best known reading of a part; with `glue_only`, the best that is a glue word ("l"
    // is a letter Hunspell knows, but glued to a word it is "I").
    auto best_of = [&](const std::u32string& part, bool glue_only = false) -> const Candidate* {
      const auto& list = single(part, doc);
      const Candidate* best = nullptr;
      for (const auto& c : list) {
        if (c.tier == 0 || (glue_only && !glue.count(lower32(c.parts.front())))) continue;
        if (!best || c.channel + c.prior > best->channel + best->prior) best = &c;
      }
      return best;
    };
    auto add = [&](std::vector<const Candidate*> parts) {
      Candidate s;
      s.channel = s.base = kGlueLogP * static_cast<double>(parts.size() - 1);
      s.tier = 2;
      for (const Candidate* p : parts) {
        s.parts.push_back(p->parts.front());
        s.lower.push_back(p->lower.front());
        s.channel += p->channel;
        s.base += p->base;
        s.rules.insert(s.rules.end(), p->rules.begin(), p->rules.end());
        s.prior += p->prior;
        s.tier = std::min(s.tier, p->tier);
      }
      out.push_back(std::move(s));
    };
    for (std::size_t cut = 1; cut < seen.size(); ++cut) {
      std::u32string left = seen.substr(0, cut), right = seen.substr(cut);
      if (!is_letter(left.back()) || !is_letter(right.front())) continue;
      // Two words, one of them a glue word: "Uppdragi" -> "Uppdrag i", "lanalys" -> "I analys".
      if (left.size() <= 4) {
        const Candidate* l = best_of(left, true);
        const Candidate* r = l ? best_of(right) : nullptr;
        if (l && r) add({l, r});
      }
      if (right.size() <= 4) {
        const Candidate* r = best_of(right, true);
        const Candidate* l = r ? best_of(left) : nullptr;
        if (l && r) add({l, r});
      }
      // Three words with a glue word in the middle: "skaihuvudsak" -> "ska i huvudsak".
      const Candidate* l = best_of(left);
      if (!l || right.size() < 3) continue;
      for (std::size_t cut2 = 1; cut2 <= 3 && cut2 < right.size(); ++cut2) {
        const Candidate* m = best_of(right.substr(0, cut2), true);
        const Candidate* r = m ? best_of(right.substr(cut2)) : nullptr;
        if (m && r) add({l, m, r});
      }
    }
  }

  double context_score(const Candidate& c, const std::string* prev, const std::string* next) const {
    double s = c.prior;
    for (std::size_t i = 1; i < c.lower.size(); ++i)
      s += lm.log_bigram(c.lower[i - 1], c.lower[i]) - lm.log_unigram(c.lower[i]);
    if (prev) s += lm.log_bigram(*prev, c.lower.front()) - lm.log_unigram(c.lower.front());
    if (next) s += lm.log_bigram(c.lower.back(), *next) - lm.log_unigram(*next);
    return s;
  }

  RepairResult run(std::string_view text) const;
};

namespace {

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

template <class LineWork, class Tok>
bool is_blank(const LineWork& lw, const Tok& t) {
  for (std::size_t p = t.begin; p < t.end; ++p)
    if (!u_isspace(static_cast<UChar32>(lw.text[p]))) return false;
  return true;
}

bool all_upper(std::u32string_view s) {
  std::size_t letters = 0;
  for (char32_t c : s)
    if (is_letter(c)) {
      ++letters;
      if (!is_upper(c)) return false;
    }
  return letters > 0;
}

// Whether a token may be repaired at all: words, and letter-digit mixes where the digits are
// OCR's readings of letters ("6kat", "0Okad", "1ag"); never numbers, "T2", short acronyms.
bool repairable(std::u32string_view tok) {
  std::size_t letters = 0, digits = 0, confusable = 0;
  for (char32_t c : tok) {
    if (is_letter(c)) ++letters;
    else if (is_digit(c)) {
      ++digits;
      if (c == U'0' || c == U'1' || c == U'6') ++confusable;
    }
  }
  if (letters == 0) return false;
  if (digits && (digits != confusable || letters < 2 || digits > 2)) return false;
  if (all_upper(tok) && letters <= 3) return false;  // LG, SG, VP, SKA, HSS, ME
  return true;
}

// Comma-separated entries of one to four capitalized words: a list of people.
bool name_entries(std::u32string_view text, std::size_t& entries, std::size_t& names) {
  entries = names = 0;
  std::size_t start = 0;
  // Skip a leading label ("Deltagare LG:").
  if (auto colon = text.find(U':'); colon != std::u32string_view::npos && colon < 30) start = colon + 1;
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
      bool letter = is_letter(c) && !in_paren;
      if (letter && !in_word) {
        ++words;
        if (is_upper(c)) ++capitalized;
      }
      in_word = letter;
    }
    if (words > 0) {
      ++entries;
      if (words <= 4 && capitalized == words) ++names;
    }
    start = end + 1;
  }
  return true;
}

bool name_list_line(const std::u32string& line) {
  std::size_t entries = 0, names = 0;
  name_entries(line, entries, names);
  return entries >= 3 && names * 10 >= entries * 7;
}

bool continues_name_list(const std::u32string& line) {
  std::size_t entries = 0, names = 0;
  name_entries(line, entries, names);
  return entries >= 1 && names * 10 >= entries * 7;
}

}  // namespace

RepairResult Repairer::Impl::run(std::string_view input) const {
  RepairResult result;
  const std::string normalized = normalize_unicode(input);
  std::vector<std::string_view> raw_lines = split_lines(normalized);
  const bool trailing_newline = !normalized.empty() && normalized.back() == '\n';

  struct LineWork {
    std::u32string text;
    std::vector<Token> tokens;
    std::vector<char32_t> bullet;  // per token: replacement glyph or 0
    std::size_t junk_begin = 0, junk_end = 0;  // tokens of logo junk to drop at a page's top
  };
  std::vector<LineWork> lines(raw_lines.size());
  DocState doc;

  // Tokenize every line with ICU's word break rules.
  std::unique_ptr<icu::BreakIterator> breaks(word_breaks->clone());
  std::size_t letters = 0, diacritics = 0;
  for (std::size_t li = 0; li < raw_lines.size(); ++li) {
    LineWork& lw = lines[li];
    lw.text = to_u32(raw_lines[li]);
    for (char32_t c : lw.text) {
      if (is_letter(c)) ++letters;
      if (is_swedish_diacritic(c)) ++diacritics;
    }
    icu::UnicodeString us = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(lw.text.data()),
                                                          static_cast<int32_t>(lw.text.size()));
    breaks->setText(us);
    auto spans = protected_spans(lw.text);
    int32_t start = breaks->first();
    for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE; start = end, end = breaks->next()) {
      Token t;
      t.begin = static_cast<std::size_t>(us.countChar32(0, start));
      t.end = t.begin + static_cast<std::size_t>(us.countChar32(start, end - start));
      bool alnum = false;
      for (std::size_t k = t.begin; k < t.end; ++k) alnum |= is_letter(lw.text[k]) || is_digit(lw.text[k]);
      t.word = alnum;
      for (auto [b, e] : spans) t.fixed |= t.begin < e && t.end > b;
      if (t.word && !repairable(std::u32string_view(lw.text).substr(t.begin, t.end - t.begin))) t.fixed = true;
      lw.tokens.push_back(t);
    }
    lw.bullet.assign(lw.tokens.size(), 0);
    if (options.bullets) {
      std::size_t first = 0;
      while (first < lw.tokens.size() && !lw.tokens[first].word &&
             std::all_of(lw.text.begin() + static_cast<long>(lw.tokens[first].begin),
                         lw.text.begin() + static_cast<long>(lw.tokens[first].end),
                         [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\f'; }))
        ++first;
      char32_t glyph = 0;
      if (first < lw.tokens.size() && lw.tokens[first].end - lw.tokens[first].begin == 1 &&
          bullet_at(lw.text, lw.tokens[first].begin, glyph)) {
        lw.bullet[first] = glyph;
        lw.tokens[first].fixed = true;
      }
    }
  }
  // Logo junk: OCR reads a letterhead's logo as "%" or "POEk s" before the first line of a page.
  for (std::size_t li = 0; li < lines.size(); ++li) {
    LineWork& lw = lines[li];
    bool page_top = li == 0 ||
                    (li > 0 && lines[li - 1].text.find(U'\f') != std::u32string::npos) ||
                    (lw.text.size() > 1 && lw.text[0] == U' ' && lw.text[1] != U' ') ||
                    (!lw.text.empty() && lw.text[0] == U'\f');
    if (!page_top || std::any_of(lw.bullet.begin(), lw.bullet.end(), [](char32_t b) { return b != 0; })) continue;
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
      bool odd_case = w.size() > 1 && case_pattern(to_utf8(w)) == CasePattern::mixed && tier_of(w, low) == 0;
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

  // How much of å/ä/ö did the OCR lose? Swedish text has about 3.5 of them per 100 letters.
  // Short texts say little: 200 pseudo-letters at half the usual rate pull the estimate to 0.5.
  {
    constexpr double kRate = 0.035, kPrior = 200;
    double observed = (static_cast<double>(diacritics) + 0.5 * kRate * kPrior) / (static_cast<double>(letters) + kPrior);
    doc.strip = std::clamp(1.0 - observed / kRate, 0.03, 0.97);
  }
  // Document evidence: words that carry å/ä/ö survived OCR; their every occurrence counts.
  for (const auto& lw : lines)
    for (const auto& t : lw.tokens) {
      if (!t.word) continue;
      std::u32string_view w(lw.text.data() + t.begin, t.end - t.begin);
      if (std::any_of(w.begin(), w.end(), is_swedish_diacritic)) ++doc.intact[to_utf8(lower32(w))];
    }

  // Whether token ti starts a sentence (or a line): there a capital says nothing about names.
  auto sentence_start = [&](const LineWork& lw, std::size_t ti) {
    for (std::size_t k = ti; k-- > 0;) {
      const Token& t = lw.tokens[k];
      if (t.word) return lw.bullet[k] != 0;
      for (std::size_t p = t.begin; p < t.end; ++p) {
        char32_t c = lw.text[p];
        if (c == U'.' || c == U':' || c == U'!' || c == U'?' || c == U';' || c == U'"' || c == U'”') return true;
      }
    }
    return true;
  };
  // Names: a line that lists people ("Tony Mufic, Karin Gerken, Mats Nilsson,") vouches for the
  // names on it, wherever they recur: "Mats" stays "Mats" although "mäts" is a word.
  for (std::size_t li = 0; li < lines.size(); ++li) {
    if (!name_list_line(lines[li].text) && !(li > 0 && name_list_line(lines[li - 1].text) &&
                                             continues_name_list(lines[li].text)))
      continue;
    for (const auto& t : lines[li].tokens) {
      if (!t.word) continue;
      std::u32string_view w(lines[li].text.data() + t.begin, t.end - t.begin);
      if (w.size() > 1 && is_upper(w[0]) && !all_upper(w) && swedish_spelling(w)) doc.names.insert(to_utf8(lower32(w)));
    }
  }

  // Decide each token: two passes so that context uses the neighbours' repaired forms.
  struct Choice {
    const std::vector<Candidate>* cands = nullptr;
    double identity_bonus = 0;  // names and proper nouns as written
    std::size_t best = 0, identity = 0;
    double best_score = 0, identity_score = 0, runner_up_score = -1e9;
    std::size_t runner_up = SIZE_MAX;
  };
  std::vector<std::vector<Choice>> choices(lines.size());
  std::vector<std::pair<std::size_t, std::size_t>> order;  // (line, token) of repairable words
  for (std::size_t li = 0; li < lines.size(); ++li) {
    choices[li].resize(lines[li].tokens.size());
    for (std::size_t ti = 0; ti < lines[li].tokens.size(); ++ti) {
      const Token& t = lines[li].tokens[ti];
      if (!t.word) continue;
      ++result.words;
      if (t.fixed) continue;
      std::u32string w = lines[li].text.substr(t.begin, t.end - t.begin);
      Choice& ch = choices[li][ti];
      ch.cands = &candidates(w, doc);
      for (std::size_t k = 0; k < ch.cands->size(); ++k)
        if ((*ch.cands)[k].identity) ch.identity = k;
      if (is_upper(w[0]) && !all_upper(w)) {
        const Candidate& id = (*ch.cands)[ch.identity];
        if (doc.names.count(id.lower.front())) ch.identity_bonus = kNameBonus;
        else if (id.tier > 0 && !sentence_start(lines[li], ti)) ch.identity_bonus = 1.0;
      }
      order.emplace_back(li, ti);
    }
  }
  // The lower-case word a position currently reads as (for context).
  auto word_at = [&](std::size_t li, std::size_t ti, bool last) -> const std::string* {
    const Choice& ch = choices[li][ti];
    if (!ch.cands) return nullptr;
    const Candidate& c = (*ch.cands)[ch.best];
    return last ? &c.lower.back() : &c.lower.front();
  };
  std::vector<std::string> fixed_words;  // storage for context words of fixed tokens
  auto neighbour = [&](std::size_t li, std::size_t ti, int dir) -> const std::string* {
    // The nearest word token on the same line in direction dir; punctuation that ends a
    // sentence breaks the context.
    const auto& toks = lines[li].tokens;
    for (long k = static_cast<long>(ti) + dir; k >= 0 && k < static_cast<long>(toks.size()); k += dir) {
      const Token& t = toks[static_cast<std::size_t>(k)];
      if (t.word) {
        if (choices[li][static_cast<std::size_t>(k)].cands) return word_at(li, static_cast<std::size_t>(k), dir < 0);
        return nullptr;
      }
      for (std::size_t p = t.begin; p < t.end; ++p) {
        char32_t c = lines[li].text[p];
        if (c == U'.' || c == U':' || c == U';' || c == U'!' || c == U'?' || c == U'(' || c == U')' ||
            c == U'/' || c == U'•')
          return nullptr;
      }
    }
    return nullptr;
  };
  // PROTOKOLL_DEBUG_REPAIR=1 prints every decision's candidates to stderr (for tuning).
  static const bool debug = std::getenv("PROTOKOLL_DEBUG_REPAIR") != nullptr;
  auto decide_all = [&] {
    for (int pass = 0; pass < 2; ++pass) {
      for (auto [li, ti] : order) {
        Choice& ch = choices[li][ti];
        const std::string* prev = pass ? neighbour(li, ti, -1) : nullptr;
        const std::string* next = pass ? neighbour(li, ti, +1) : nullptr;
        double best = -1e18, second = -1e18;
        std::size_t best_k = ch.identity, second_k = SIZE_MAX;
        for (std::size_t k = 0; k < ch.cands->size(); ++k) {
          const Candidate& c = (*ch.cands)[k];
          double s = c.channel + context_score(c, prev, next);
          if (k == ch.identity) {
            s += ch.identity_bonus;
            ch.identity_score = s;
          }
          if (s > best) {
            second = best;
            second_k = best_k;
            best = s;
            best_k = k;
          } else if (s > second) {
            second = s;
            second_k = k;
          }
        }
        // A change must beat the token as it stands by the threshold, and a word the lexicon
        // knows by a clear margin more: breaking a right word costs more than missing a fix.
        const double margin = options.threshold + ((*ch.cands)[ch.identity].tier == 2 ? kValidWordMargin : 0.0);
        if (best_k != ch.identity && best - ch.identity_score < margin) {
          second_k = best_k;
          second = best;
          best_k = ch.identity;
          best = ch.identity_score;
        }
        if (pass == 1 && debug) {
          std::string line = "repair-debug " + std::to_string(li + 1) + ":";
          for (std::size_t k = 0; k < ch.cands->size() && k < 12; ++k) {
            const Candidate& c = (*ch.cands)[k];
            std::string text;
            for (const auto& p : c.parts) text += to_utf8(p) + (&p == &c.parts.back() ? "" : "_");
            char buf[96];
            std::snprintf(buf, sizeof buf, " %s[t%d ch%.2f pr%.2f]%s", text.c_str(), c.tier, c.channel,
                          context_score(c, prev, next), k == best_k ? "*" : "");
            line += buf;
          }
          std::fprintf(stderr, "%s\n", line.c_str());
        }
        ch.best = best_k;
        ch.best_score = best;
        ch.runner_up = second_k;
        ch.runner_up_score = second;
      }
    }
  };
  decide_all();
  // Adapt the channel to this document: the confusions behind its confident repairs are
  // likelier here ("medarbetarenkit" -> "medarbetarenkät" makes "hinder" -> "händer" thinkable),
  // then decide again.
  for (auto [li, ti] : order) {
    const Choice& ch = choices[li][ti];
    if (ch.best == ch.identity) continue;
    const Candidate& best = (*ch.cands)[ch.best];
    if ((*ch.cands)[ch.identity].tier == 0 && best.tier == 2 && best.parts.size() == 1 &&
        ch.best_score - ch.identity_score >= 2.0)
      for (const Confusion* r : best.rules) ++doc.confirmed[r];
  }
  if (!doc.confirmed.empty()) {
    for (auto& [form, list] : doc.cache)
      for (auto& c : list) rescore_channel(c, doc);
    decide_all();
  }

  // Write the lines out.
  std::string out;
  out.reserve(normalized.size() + 64);
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const LineWork& lw = lines[li];
    std::u32string line;
    std::size_t cursor = 0;
    if (lw.junk_end > lw.junk_begin) {
      Change change;
      change.line = li + 1;
      change.column = lw.tokens[lw.junk_begin].begin + 1;
      change.from = to_utf8(lw.text.substr(lw.tokens[lw.junk_begin].begin,
                                           lw.tokens[lw.junk_end].begin - lw.tokens[lw.junk_begin].begin));
      result.changes.push_back(std::move(change));
    }
    for (std::size_t ti = 0; ti < lw.tokens.size(); ++ti) {
      const Token& t = lw.tokens[ti];
      if (ti >= lw.junk_begin && ti < lw.junk_end) {
        cursor = lw.tokens[ti + 1].begin;  // dropped with the space after it
        continue;
      }
      line.append(lw.text, cursor, t.begin - cursor);
      cursor = t.end;
      std::u32string original = lw.text.substr(t.begin, t.end - t.begin);
      if (lw.bullet[ti]) {
        line += lw.bullet[ti];
        continue;
      }
      const Choice& ch = choices[li][ti];
      if (!ch.cands || ch.best == ch.identity) {
        line += original;
        if (t.word && ch.cands && (*ch.cands)[ch.identity].tier == 0) ++result.unknown_words;
        continue;
      }
      const Candidate& c = (*ch.cands)[ch.best];
      // Keep the token's case pattern: FÖRSLAG / Förslag / förslag.
      std::string original8 = to_utf8(original);
      CasePattern pattern = case_pattern(original8);
      std::u32string replacement;
      for (std::size_t p = 0; p < c.parts.size(); ++p) {
        if (p) replacement += U' ';
        std::u32string part = c.parts[p];
        // Otherwise the part keeps the case the confusion rules gave it ("l" -> "I").
        if (pattern == CasePattern::upper) part = to_u32(to_upper(to_utf8(part)));
        else if (p == 0 && pattern == CasePattern::capitalized) part = to_u32(capitalize(to_utf8(lower32(part))));
        replacement += part;
      }
      line += replacement;
      Change change;
      change.line = li + 1;
      change.column = t.begin + 1;
      change.from = original8;
      change.to = to_utf8(replacement);
      change.score = ch.best_score - ch.identity_score;
      if (ch.runner_up != SIZE_MAX && ch.runner_up < ch.cands->size()) {
        std::u32string r;
        for (std::size_t p = 0; p < (*ch.cands)[ch.runner_up].parts.size(); ++p) {
          if (p) r += U' ';
          r += (*ch.cands)[ch.runner_up].parts[p];
        }
        change.runner_up = to_utf8(r);
      }
      if (change.from != change.to) result.changes.push_back(std::move(change));
    }
    line.append(lw.text, cursor, std::u32string::npos);
    out += to_utf8(line);
    if (li + 1 < lines.size() || trailing_newline) out += '\n';
  }
  result.text = std::move(out);
  return result;
}

Repairer::Repairer(const RepairOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  std::string dir = options.data_dir;
  LexiconOptions lex;
  lex.data_dir = dir;
  lex.user_word_files = options.user_word_files;
  impl_->lexicon = std::make_unique<Lexicon>(lex);
  impl_->lm.load((fs::path(dir) / "lm-unigrams.tsv").string(), (fs::path(dir) / "lm-bigrams.tsv").string());
  impl_->confusions.load((fs::path(dir) / "confusions.tsv").string());
  UErrorCode status = U_ZERO_ERROR;
  impl_->word_breaks.reset(icu::BreakIterator::createWordInstance(icu::Locale("sv", "SE"), status));
  if (U_FAILURE(status) || !impl_->word_breaks) throw SetupError("ICU word break iterator unavailable");
}

Repairer::~Repairer() = default;

RepairResult Repairer::repair(std::string_view text) const { return impl_->run(text); }

const Lexicon& Repairer::lexicon() const { return *impl_->lexicon; }

}  // namespace protokoll
