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
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/parallel_invoke.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "models/confusion_model.hpp"
#include "models/language_model.hpp"
#include "models/lexicon.hpp"
#include "protokoll/input.hpp"
#include "repair/pieces.hpp"
#include "text/normalize.hpp"
#include "text/text_util.hpp"
#include "core/stage_timer.hpp"
#include "text/word_breaks.hpp"
#include "models/word_trie.hpp"

namespace protokoll {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxEdits = 4;
// A shorter text is repaired on one thread (a page: a few KB); see Impl::run.
constexpr std::size_t kParallelBytes = 32 * 1024;
constexpr std::size_t kMaxWalkSteps = 8000;    // per word form: bounds the trie walk
constexpr std::size_t kMaxCandidates = 20;     // readings kept per word form
constexpr std::size_t kVerifyCandidates = 3;   // of those, how many Hunspell may confirm
constexpr double kVerifyGap = 2.0;             // ... unless a known word reads the form 10^gap likelier
constexpr int kUncheckedCompounds = 2;         // ... nor a change built with this many compound boundaries
constexpr double kMinLogP = -10;               // readings less likely than this are dropped
constexpr double kSearchBeam = 5.0;            // and those this much less likely than the best
constexpr double kWordBeam = 4.0;              // or than the best word the trie lists (one part)
constexpr std::size_t kListedPrefix = 4;      // letters a word must share with a listed word for Hunspell to be asked
constexpr std::size_t kLexiconVariants = 8;    // plain variants Hunspell is asked about when the trie has none
constexpr double kCompoundLogP = -0.3;         // a compound boundary the lexicon did not list
constexpr double kGlueLogP = -2.5;  // log10 P(OCR lost a space)
constexpr double kLogUnknownWord = -2.0;  // log10 share of running words no lexicon knows (names, compounds)
constexpr double kNameBonus = 2.5;        // log10 against turning a listed name into a common word
constexpr double kProperNameBonus = 2.0;  // log10 for a reading that is a name, on a name list
constexpr double kNameMatchLogP = -1.5;   // channel of a name the document's lists settled
constexpr double kSettledMatchLogP = -2.0;  // channel of a word the document settled, misread another way
constexpr double kSettledMargin = 1.0;      // log10: how clearly a repair must win to settle its word
constexpr std::size_t kUnknownCandidates = 6;
constexpr double kDigitScore = 3.0;  // reported for a number given its digits back (not searched)
constexpr double kAdaptWords = 2000;  // a confirmed confusion's weight is per this many words
constexpr std::uint64_t kFrequentWord = 100;  // language model count: är, över, även, ändra, åt, år
constexpr double kValidWordMargin = 0.7;  // log10: a known word is changed only at 5:1 odds

bool is_swedish_diacritic(char32_t c) {
  switch (c) {
    case U'å': case U'ä': case U'ö': case U'Å': case U'Ä': case U'Ö': return true;
    default: return false;
  }
}
// ASCII answered here (most of any text; the same answers as ICU's), the rest by ICU.
bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= U'a' && (c | 0x20) <= U'z';
  return u_isalpha(static_cast<UChar32>(c));
}
bool is_digit(char32_t c) { return c < 0x80 ? c >= U'0' && c <= U'9' : u_isdigit(static_cast<UChar32>(c)); }
bool is_upper(char32_t c) { return c < 0x80 ? c >= U'A' && c <= U'Z' : u_isupper(static_cast<UChar32>(c)); }
bool is_space(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return u_isspace(static_cast<UChar32>(c));
}
char32_t lower_cp(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z' ? c + 0x20 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}
char32_t upper_cp(char32_t c) { return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))); }

// Letters a Swedish word is spelled with. A token with anything else (é, 6, 0, @) inside a word
// is an OCR misreading unless the lexicon knows it ("idé", "kommitté").
bool swedish_spelling(std::u32string_view s) {
  for (char32_t c : s) {
    char32_t l = lower_cp(c);
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
// to_utf8(lower32(s)) written into `out` (a buffer kept between calls: no allocation).
std::string_view lower_utf8(std::u32string_view s, std::string& out) {
  out.clear();
  for (char32_t c : s) append_utf8(out, lower_cp(c));
  return out;
}

// A capitalized, Swedish-spelled word may be a name the lexicon lacks ("Agerus"): a reading may
// give back marks OCR dropped, but not respell it into another word ("Äggrus").
bool respells_name(std::u32string_view seen, std::span<const Confusion* const> rules) {
  if (seen.empty() || !is_upper(seen[0]) || !swedish_spelling(seen)) return false;
  return std::any_of(rules.begin(), rules.end(), [](const Confusion* r) {
    return std::none_of(r->truth.begin(), r->truth.end(), is_swedish_diacritic);
  });
}

// Short words that OCR glues to their neighbours when the space between them is narrow.
const std::unordered_set<std::u32string>& glue_words() {
  static const std::unordered_set<std::u32string> words = {
      U"i", U"å", U"ö", U"en", U"ett", U"och", U"att", U"av", U"på", U"om", U"som", U"ska", U"till",
      U"med", U"för", U"är", U"de", U"den", U"det", U"vi", U"man", U"så", U"har", U"kan", U"vid",
      U"ur", U"ut", U"in", U"upp", U"nu", U"alla", U"sin", U"sig", U"inte", U"samt", U"från"};
  return words;
}

// One way to read a token: one word, or several when OCR glued them.
struct Candidate {
  std::vector<std::u32string> parts;  // as output (cased)
  std::vector<std::string> lower;     // UTF-8 lower-case, for lexicon and language model
  std::vector<int> ids;               // language model ids of `lower`
  double channel = 0;                 // log10 P(seen | candidate)
  double base = 0;                    // the part of `channel` that is not confusion rules
  std::vector<const Confusion*> rules;  // confusions undone to reach it (for adaptation)
  bool identity = false;              // the token as it stands
  int tier = 0;                       // worst lexicon tier of the parts: 0 unknown, 1 weak, 2 known
  std::vector<std::uint8_t> part_tiers;  // the tier of each part (each document's priors use it)
  double name_weight = 0;             // a one-word reading that is a listed name as written: how common
  double evidence = 0;                // a pseudo count: the document settled this word elsewhere
  double prior = 0;                   // fixed score without document evidence (Impl::set_prior)
  bool diacritics = false;            // a part has å, ä or ö: only such words are document evidence
};

// What a decision reads of a reading, for one document: its channel (adapted to the document
// after the first round) and its context-free score with the document's priors.
struct Scored {
  double channel, fixed_score;
  int first_id, last_id;
  std::uint8_t tier;  // of the reading (copied here: a decision reads only this array)
  bool name;          // a listed name as written (name_weight > 0)
};

// A form's readings, with what every document's scores for them start from. The reading cache
// shares a set between the documents of a run, and each document scores every form it has:
// starting from `base` it reads a reading itself only where its own evidence may apply.
struct ReadingSet {
  std::vector<Candidate> cands;
  std::vector<Scored> base;                    // per reading: the scores without document evidence
  std::vector<std::uint16_t> with_diacritics;  // readings with å/ä/ö (only they can be evidence)
  // Each reading's channel as the sum of its fixed part and its confusions' weights, which
  // adapting to a document changes: the confusions of reading k are rules[rules_end[k - 1],
  // rules_end[k]) (confusion indices).
  std::vector<double> channel_base;
  std::vector<std::uint32_t> rules_end, rules;
  std::uint64_t rule_bits = 0;  // bit (index mod 64) of every confusion in `rules`
  std::uint16_t identity = 0;  // the reading "as written"
  // `c` with its prior set (Impl::set_prior).
  void add(Candidate c) {
    const auto k = static_cast<std::uint16_t>(cands.size());
    base.push_back({c.channel, c.prior, c.ids.front(), c.ids.back(), static_cast<std::uint8_t>(c.tier), c.name_weight > 0});
    channel_base.push_back(c.base);
    for (const Confusion* r : c.rules) {
      rules.push_back(static_cast<std::uint32_t>(r->index));
      rule_bits |= std::uint64_t{1} << (r->index % 64);
    }
    rules_end.push_back(static_cast<std::uint32_t>(rules.size()));
    if (c.diacritics) with_diacritics.push_back(k);
    if (c.identity) identity = k;
    cands.push_back(std::move(c));
  }
  // Reading k's channel for a document whose confusions weigh `rule_logp`.
  double channel(std::size_t k, const std::vector<double>& rule_logp) const {
    double sum = channel_base[k];
    for (std::uint32_t r = k ? rules_end[k - 1] : 0; r < rules_end[k]; ++r) sum += rule_logp[rules[r]];
    return sum;
  }
  // The channels as that sum rather than as the search added them up (in floats): adapting to
  // a document sums them again, and a reading none of whose confusions it changed then keeps
  // its score to the last bit, so the decisions that read only such readings stand.
  void sum_channels(const std::vector<double>& rule_logp) {
    for (std::size_t k = 0; k < base.size(); ++k) base[k].channel = channel(k, rule_logp);
  }
};

// Every form's scores for one document in one array, a slice per form: a page file scores
// about a thousand forms, and a vector each was an allocation per form per page.
class ScoredForms {
 public:
  /// A slice per form, as long as its reading set; none filled yet.
  void lay_out(const std::vector<const ReadingSet*>& readings) {
    begin_.resize(readings.size());
    size_.resize(readings.size());
    filled_.assign(readings.size(), 0);
    std::size_t total = 0;
    for (std::size_t f = 0; f < readings.size(); ++f) {
      begin_[f] = total;
      size_[f] = static_cast<std::uint32_t>(readings[f]->cands.size());
      total += size_[f];
    }
    all_.resize(total);
  }
  std::span<Scored> operator[](std::size_t form) { return {all_.data() + begin_[form], size_[form]}; }
  std::span<const Scored> operator[](std::size_t form) const { return {all_.data() + begin_[form], size_[form]}; }
  /// How many of a form's scores hold values (the rest are readings added since).
  std::uint32_t& filled(std::size_t form) { return filled_[form]; }
  /// A longer slice for a form whose reading set grew, at the end, with its scores so far.
  void grow(std::size_t form, std::size_t size) {
    if (size <= size_[form]) return;
    const std::size_t at = all_.size();
    all_.resize(at + size);
    std::copy_n(all_.begin() + static_cast<long>(begin_[form]), filled_[form], all_.begin() + static_cast<long>(at));
    begin_[form] = at;
    size_[form] = static_cast<std::uint32_t>(size);
  }

 private:
  std::vector<Scored> all_;
  std::vector<std::size_t> begin_;
  std::vector<std::uint32_t> size_, filled_;
};

struct Token {
  std::uint32_t begin = 0, end = 0;  // code point offsets in the line
  std::int32_t slot = -1;            // index of its decision, -1 when it is not decided on
  bool word = false;
  bool fixed = false;                // never changed (numbers, URLs, acronyms, ...)
};

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

// Numbers the English model misread: "13.0O-16.00", "2O21", "kl. l3.00", "200S" (O for 0 in a
// tenth of the zeros it read, l for 1, S for 5). A run of digits, separators and those letters,
// standing alone (no letter or digit on either side) and holding two digits or more, gets its
// digits back: O is 0 anywhere in it, l and I are 1 before a digit ("10l" stays: ten litres),
// S is 5 after one. A digit followed only by O's ("2O") is a number too. Same length, so the
// line's offsets hold. Returns the spans changed; `read` gets the line as it was before the first
// change (most lines with digits have none to make, and are not copied).
std::vector<std::pair<std::size_t, std::size_t>> restore_digits(std::u32string& line,
                                                                 const std::vector<std::pair<std::size_t, std::size_t>>& keep,
                                                                 std::u32string& read) {
  std::vector<std::pair<std::size_t, std::size_t>> changed;
  auto in_run = [](char32_t c) {
    return is_digit(c) || c == U'O' || c == U'l' || c == U'I' || c == U'S' || c == U'.' || c == U',' || c == U':' ||
           c == U'-' || c == U'\u2013' || c == U'/';
  };
  auto misread = [](char32_t c) { return c == U'O' || c == U'l' || c == U'I' || c == U'S'; };
  std::size_t i = 0;
  while (i < line.size()) {
    if (!in_run(line[i]) || (i > 0 && (is_letter(line[i - 1]) || is_digit(line[i - 1])))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && in_run(line[j])) ++j;
    // Trailing separators are punctuation ("2O21,"), not part of the number.
    std::size_t end = j;
    while (end > i && !is_digit(line[end - 1]) && !misread(line[end - 1])) --end;
    const bool alone = end == line.size() || !(is_letter(line[end]) || is_digit(line[end]));  // "2O-talet" too
    const auto digits = std::count_if(line.begin() + static_cast<long>(i), line.begin() + static_cast<long>(end), is_digit);
    const bool kept = std::any_of(keep.begin(), keep.end(), [&](auto span) { return i < span.second && end > span.first; });
    const bool digit_then_zeros =
        digits == 1 && end - i >= 2 && is_digit(line[i]) &&
        std::all_of(line.begin() + static_cast<long>(i) + 1, line.begin() + static_cast<long>(end), [](char32_t c) { return c == U'O'; });
    if (alone && (digits >= 2 || digit_then_zeros) && !kept) {
      bool any = false;
      for (std::size_t k = i; k < end; ++k) {
        const bool before_digit = k + 1 < end && is_digit(line[k + 1]);
        const bool after_digit = k > i && is_digit(line[k - 1]);
        char32_t digit = 0;
        if (line[k] == U'O') digit = U'0';
        else if ((line[k] == U'l' || line[k] == U'I') && before_digit) digit = U'1';
        else if (line[k] == U'S' && after_digit) digit = U'5';
        if (!digit) continue;
        if (read.empty()) read = line;
        line[k] = digit;
        any = true;
      }
      if (any) changed.emplace_back(i, end);
    }
    i = j;
  }
  return changed;
}

// The lines of one piece of a document (repair/pieces.hpp), as the engine reads them.
struct PieceText {
  std::vector<std::string_view> lines;
  std::vector<char> page_starts;  // per line: the first line of a page
  bool continues_line = false;    // the first line is the rest of a line cut by the piece before
  std::size_t bytes = 0;          // of the piece as text, line breaks included
};

// What the engine made of a piece: each line rewritten or left as it was, and the changes
// (lines numbered 1.. within the piece, columns within its segment of the line).
struct RepairedPiece {
  std::vector<std::string> rewritten;
  std::vector<char> is_rewritten;
  std::vector<Change> changes;
  std::size_t changed_words = 0, words = 0, unknown_words = 0;
};

}  // namespace

struct Repairer::Impl {
  RepairOptions options;
  std::unique_ptr<Lexicon> lexicon;
  LanguageModel lm;
  ConfusionModel confusions;
  std::unique_ptr<icu::BreakIterator> word_breaks;  // cloned per call (not thread-safe)
  detail::WordTrie trie;                            // listed words, for candidate generation
  std::u32string letter_digits = U"01";             // digits OCR prints for letters; see repairable()
  std::u32string item_digits;  // letters OCR prints for digits, each followed by its digit ("S5l1O0")

  // Readings of word forms across documents: an archive of page files repeats most forms on
  // every page. The search depends on the document only through its diacritic loss (a step
  // of 1/20) and whether the form is a listed name; priors are redone per document. Bounded:
  // the first forms seen (the frequent ones) stay.
  class ReadingCache {
   public:
    static constexpr std::size_t kMaxForms = 30000;
    // A form's readings depend on the form, the document's diacritic loss in steps of 1/20 and
    // whether the document lists the form as a name: the last two are one tag.
    struct Key {
      std::u32string_view form;
      std::uint32_t tag;
    };
    static Key key(std::u32string_view form, double strip, bool listed) {
      return {form, static_cast<std::uint32_t>(2 * std::lround(strip * 100) + (listed ? 1 : 0))};
    }
    using Readings = std::shared_ptr<const ReadingSet>;
    // Every document looks up each of its forms (a page file ~1,000), so lookups take no lock:
    // open addressing in a table that never grows (twice kMaxForms slots) and loses nothing, a
    // slot published by storing its hash last. What is found is the cache's own (it keeps every
    // set until the repairer goes), lent without a reference count: counting, the two cores
    // bounced the counts of the common forms between them (half of a page file's lookups).
    const ReadingSet* find(Key k) const { return find(k, hash(k)); }
    const ReadingSet* find(Key k, std::uint64_t h) const {  // h: hash(k)
      for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
        const std::uint64_t stored = slots_[i].hash.load(std::memory_order_acquire);
        if (stored == 0) return nullptr;
        if (stored == h && holds(*slots_[i].entry, k)) return slots_[i].entry->readings.get();
      }
    }
    // Whether the cache took the set (not when full, or when another thread put the same key
    // in first): if not, the caller keeps owning it.
    bool insert(Key k, const Readings& readings) {
      const std::uint64_t h = hash(k);
      std::lock_guard lock(insert_mutex_);
      if (entries_.size() >= kMaxForms) return false;
      for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
        const std::uint64_t stored = slots_[i].hash.load(std::memory_order_relaxed);
        if (stored == 0) {
          entries_.push_back(std::make_unique<Entry>(Entry{std::u32string(k.form), k.tag, readings}));
          slots_[i].entry = entries_.back().get();
          slots_[i].hash.store(h, std::memory_order_release);
          return true;
        }
        if (stored == h && holds(*slots_[i].entry, k)) return false;
      }
    }

    // A lookup reads a slot, then its entry, then the entry's form, and the caller then reads
    // the set and its score "as written": cache misses in a row. Asked for many keys before any
    // is looked up, these hints let the misses of different keys overlap: `step` 0 fetches the
    // slot, 1 the entry, 2 the form and the set, 3 the set's scores (each after the one before).
    static constexpr int kPrefetchSteps = 4;
    void prefetch(std::uint64_t h, int step) const {
      const Slot& slot = slots_[h & (kSlots - 1)];
      if (step == 0) {
        __builtin_prefetch(&slot);
        return;
      }
      const Entry* e = slot.hash.load(std::memory_order_acquire) ? slot.entry : nullptr;
      if (!e) return;
      if (step == 1) {
        __builtin_prefetch(e);
      } else if (step == 2) {
        __builtin_prefetch(e->form.data());
        __builtin_prefetch(e->readings.get());
      } else {
        __builtin_prefetch(e->readings->base.data() + e->readings->identity);
      }
    }
    static std::uint64_t hash(Key k) {
      const std::uint64_t h =
          std::hash<std::u32string_view>{}(k.form) ^ (static_cast<std::uint64_t>(k.tag) * 0x9E3779B97F4A7C15ull);
      return h ? h : 1;
    }

   private:
    static constexpr std::size_t kSlots = 65536;  // a power of two, at least 2 * kMaxForms
    static_assert(kSlots >= 2 * kMaxForms && (kSlots & (kSlots - 1)) == 0);
    struct Entry {
      std::u32string form;
      std::uint32_t tag;
      Readings readings;
    };
    static bool holds(const Entry& e, Key k) { return e.tag == k.tag && e.form == k.form; }
    struct Slot {
      std::atomic<std::uint64_t> hash{0};  // 0: empty
      const Entry* entry = nullptr;
    };
    std::unique_ptr<Slot[]> slots_ = std::make_unique<Slot[]>(kSlots);
    std::mutex insert_mutex_;
    std::vector<std::unique_ptr<Entry>> entries_;
  };
  mutable ReadingCache reading_cache;

  // Per-document state for one repair() call.
  struct DocState {
    double strip = 0.5;  // estimated share of å/ä/ö that OCR lost in this document
    std::unordered_map<std::string, int> intact;  // lower-case words seen intact
    std::unordered_set<std::string, StringHash, std::equal_to<>> names;  // lower case, from participant lists
    // Readings per distinct word form, shared with the reading cache (and so with other
    // documents): never changed; a document that adds a reading (a name) copies the list first.
    // The cache owns what it holds; `owned` keeps the others (per form, mostly empty).
    std::vector<const ReadingSet*> readings;
    std::vector<std::shared_ptr<const ReadingSet>> owned;
    ScoredForms scored;  // per form, parallel to `readings`
    // Confusions this document shows for certain (an unknown word that one reading turns into
    // a known word by a wide margin): they are likelier here than in general.
    std::unordered_map<const Confusion*, int> confirmed;
    double words = 0;  // word tokens decided on
    std::vector<double> rule_logp;  // channel_rule() of every confusion, for this document
    std::uint64_t changed_rule_bits = 0;  // bits (index mod 64) of the confusions adapting reweighed
  };

  int tier_of(std::u32string_view cased) const {
    // Every word a list gives is in the trie, and Hunspell's sv_SE has no prefix rules: a word
    // it knows begins like its stem, and a compound like its first part. A form that begins
    // like no word the trie lists ("férvaltningen", "åerken") is not put to Hunspell, whose
    // no's are the expensive answers (it tries every compound split).
    if (!begins_listed_word(cased)) return 0;
    const std::string word = to_utf8(cased);
    auto k = lexicon->lookup(word);
    // Hunspell accepts "Förslag" and "FÖRSLAG" when it accepts "förslag": asking again in lower
    // case only helps an odd mix ("fÖrslag").
    if (k == Lexicon::Known::no && cased.size() > 1 && case_pattern(word) == CasePattern::mixed)
      k = lexicon->lookup(to_utf8(lower32(cased)));
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
    // A confusion confirmed in this document is likelier here; one of several characters
    // ("ä" -> "da") needs two confirmations, a single misread letter one. How much likelier
    // depends on the count per length: in a long text even a rare confusion is confirmed a few
    // times, and by its count alone it would become near certain ("dar" read "är").
    if (auto it = doc.confirmed.find(&rule); it != doc.confirmed.end() && (rule.seen.size() == 1 || it->second >= 2))
      lp = std::max(lp, std::log10(it->second / (it->second + 4.0 + doc.words / kAdaptWords)));
    return lp;
  }
  void compute_rule_logps(DocState& doc) const {
    doc.rule_logp.resize(confusions.size());
    confusions.for_each([&](const Confusion& r) { doc.rule_logp[r.index] = channel_rule(r, doc); });
  }
  double channel_keep(char32_t c, const DocState& doc) const {
    if (is_swedish_diacritic(c)) return std::log10(std::max(1e-3, 1 - doc.strip));
    return confusions.log_keep(c);
  }

  // log10 prior of a word before context: its language model count, a floor for words only a
  // lexicon knows, document evidence, and for a capitalized name how common the name is (help
  // texts name no one: "Bäckström" is rarer there than "backström" is, not in Sweden); a word
  // no lexicon knows is as likely as its spelling.
  double word_prior(const std::string& lower, int id, int tier, double extra_count) const {
    double count = static_cast<double>(lm.count(id)) + extra_count;
    const double n = static_cast<double>(std::max<std::uint64_t>(1, lm.total()));
    if (tier == 0 && count == 0) return kLogUnknownWord + lm.log_spelling(lower);
    count += tier == 2 ? 0.5 : tier == 1 ? 0.05 : 0.0;
    return std::log10(count / n);
  }
  // A reading's score before context: its parts' priors (with `intact`, the words the document
  // shows intact, as evidence) and the association between its parts.
  double fixed_score(const Candidate& c, const std::unordered_map<std::string, int>* intact) const {
    double fixed = 0;
    for (std::size_t k = 0; k < c.lower.size(); ++k) {
      double extra = c.parts.size() == 1 ? c.name_weight + c.evidence : 0.0;
      if (intact)
        if (auto it = intact->find(c.lower[k]); it != intact->end()) extra += 2.0 * it->second;
      fixed += word_prior(c.lower[k], c.ids[k], c.part_tiers[k], extra);
    }
    for (std::size_t k = 1; k < c.ids.size(); ++k) fixed += lm.log_association(c.ids[k - 1], c.ids[k]);
    return fixed;
  }
  // Worked out once per reading (a reading is shared by the documents of a run, and the spelling
  // model of an unknown word is not cheap); a document adds its evidence in pack().
  void set_prior(Candidate& c) const {
    c.prior = fixed_score(c, nullptr);
    c.diacritics = std::any_of(c.parts.begin(), c.parts.end(), [](const std::u32string& p) {
      return std::any_of(p.begin(), p.end(), is_swedish_diacritic);
    });
  }

  // Readings of one word form: a best-first search through the lexicon trie, keeping each
  // character or undoing a confusion that starts there, so only words are built, likeliest
  // first. At a word's end the search may start a new word: a compound part (no space,
  // "sjuk|frånvaron", also after a linking "s" or the dropped "e"/"a" of "medarbetar|enkät")
  // or a word OCR glued on (a space: "Uppdrag|i").
  struct Walk {
    std::u32string text;  // cased output
    double logp = 0, base = 0;
    std::vector<const Confusion*> rules;
    std::uint8_t compounds = 0;  // boundaries the search put inside one part
  };
  // The readings a trie walk found: each a slice of one buffer of texts and one of confusions,
  // not strings and vectors of its own (a walk finds dozens, and generate() keeps few).
  struct Found {
    double logp, base;
    std::uint32_t text_begin, text_end, rules_begin, rules_end;
    std::uint8_t compounds;  // boundaries the search put inside one part
  };
  struct FoundReadings {
    std::vector<Found> found;
    std::u32string text;                  // cased output
    std::vector<const Confusion*> rules;  // undone, from the word's end to its start
    std::u32string_view text_of(const Found& f) const {
      return std::u32string_view(text).substr(f.text_begin, f.text_end - f.text_begin);
    }
    std::span<const Confusion* const> rules_of(const Found& f) const {
      return {rules.data() + f.rules_begin, f.rules_end - f.rules_begin};
    }
    void clear() {
      found.clear();
      text.clear();
      rules.clear();
    }
  };
  struct Step {
    std::uint32_t parent;
    std::uint32_t pos, node;
    float logp, base;
    std::uint16_t part_len;
    std::uint8_t edits, compounds, spaces;
    std::uint8_t kind;  // 0 start, 1 keep, 2 rule, 3 compound, 4 space
    const Confusion* rule;
  };

  void walk_trie(const std::u32string& seen, const DocState& doc, FoundReadings& done) const {
    // What each position of the form offers, worked out once rather than at every step: the
    // cost of keeping its character, that character lower-cased, and the confusions whose
    // seen side matches there.
    struct Offer {
      float keep;
      char32_t lower;
      std::uint32_t rules_begin, rules_end;  // into `rules`
    };
    thread_local std::vector<Offer> offers;
    thread_local std::vector<const Confusion*> rules;
    thread_local std::vector<Step> steps;
    offers.clear();
    rules.clear();
    steps.clear();
    // A capital the OCR printed inside a word ("fOr") is a misread small letter: a confusion
    // that gives back a capital ("Ö" read as "O") applies only at the start or in capitals.
    const bool capitals =
        std::none_of(seen.begin(), seen.end(), [](char32_t c) { return is_letter(c) && !is_upper(c); });
    for (std::size_t pos = 0; pos < seen.size(); ++pos) {
      Offer o{static_cast<float>(channel_keep(seen[pos], doc)), lower_cp(seen[pos]),
              static_cast<std::uint32_t>(rules.size()), 0};
      for (const Confusion* rule : confusions.starting_with(seen[pos]))
        if (seen.compare(pos, rule->seen.size(), rule->seen) == 0 &&
            (pos == 0 || capitals || !is_upper(rule->truth[0])))
          rules.push_back(rule);
      o.rules_end = static_cast<std::uint32_t>(rules.size());
      offers.push_back(o);
    }
    // A max-heap of (logp, step) packed into one integer that orders the same way (the float's
    // bits made monotonic, then the step): the heap compares one number instead of a pair.
    auto entry = [](float logp, std::uint32_t step) {
      std::uint32_t bits;
      if (logp == 0) logp = 0;  // no -0
      std::memcpy(&bits, &logp, sizeof bits);
      bits = bits & 0x80000000u ? ~bits : bits | 0x80000000u;
      return static_cast<std::uint64_t>(bits) << 32 | step;
    };
    thread_local std::vector<std::uint64_t> open;
    open.clear();
    steps.push_back(Step{UINT32_MAX, 0, detail::WordTrie::kRoot, 0, 0, 0, 0, 0, 0, 0, nullptr});
    open.push_back(entry(0.0f, 0));
    float best_done = -1e9f, best_word = -1e9f;  // any reading; a listed word as one part
    auto push = [&](Step st) {
      if (st.logp < kMinLogP || st.logp < best_done - kSearchBeam || st.logp < best_word - kWordBeam) return;
      trie.prefetch(st.node);  // read when the step is taken up, usually soon
      steps.push_back(st);
      open.push_back(entry(st.logp, static_cast<std::uint32_t>(steps.size() - 1)));
      std::push_heap(open.begin(), open.end());
    };
    while (!open.empty() && steps.size() < kMaxWalkSteps && done.found.size() < kMaxCandidates) {
      std::pop_heap(open.begin(), open.end());
      const auto id = static_cast<std::uint32_t>(open.back());
      open.pop_back();
      const Step w = steps[id];
      if (w.logp < best_done - kSearchBeam || w.logp < best_word - kWordBeam) break;
      const std::uint8_t here = trie.tier(w.node);
      const bool restarted = w.kind == 3 || w.kind == 4;
      if (w.pos == seen.size()) {
        if (here > 0 && !restarted) {
          Found out{w.logp, w.base, static_cast<std::uint32_t>(done.text.size()), 0,
                    static_cast<std::uint32_t>(done.rules.size()), 0, w.compounds};
          for (std::uint32_t k = id; k != 0; k = steps[k].parent) {
            const Step& st = steps[k];
            if (st.kind == 1) done.text += seen[st.pos - 1];
            else if (st.kind == 2) {
              done.text.append(st.rule->truth.rbegin(), st.rule->truth.rend());
              done.rules.push_back(st.rule);
            } else if (st.kind == 4) done.text += U' ';
          }
          std::reverse(done.text.begin() + out.text_begin, done.text.end());
          out.text_end = static_cast<std::uint32_t>(done.text.size());
          out.rules_end = static_cast<std::uint32_t>(done.rules.size());
          // Compound boundaries in different places spell the same word: keep the likeliest.
          const std::u32string_view text = done.text_of(out);
          if (std::any_of(done.found.begin(), done.found.end(), [&](const Found& d) { return done.text_of(d) == text; })) {
            done.text.resize(out.text_begin);
            done.rules.resize(out.rules_begin);
            continue;
          }
          best_done = std::max(best_done, w.logp);
          if (here == 2 && w.compounds == 0 && w.spaces == 0) best_word = std::max(best_word, w.logp);
          done.found.push_back(out);
        }
        continue;
      }
      // Start a new part where a word ends (not twice in one place, not for a short tail).
      if (!restarted && w.part_len >= 1 && seen.size() - w.pos >= 1) {
        auto dropped_vowel = [&] {
          return trie.tier(trie.child(w.node, U'e')) > 0 || trie.tier(trie.child(w.node, U'a')) > 0;
        };
        auto restart = [&](std::uint8_t kind, double cost) {
          Step r = w;
          r.parent = id;
          r.node = detail::WordTrie::kRoot;
          r.logp += static_cast<float>(cost);
          r.base += static_cast<float>(cost);
          ++(kind == 3 ? r.compounds : r.spaces);
          r.part_len = 0;
          r.kind = kind;
          push(r);
        };
        if (w.part_len >= 3 && seen.size() - w.pos >= 3 && w.compounds < 2 && (here > 0 || dropped_vowel()))
          restart(3, kCompoundLogP);
        if (here > 0 && w.spaces < 2) restart(4, kGlueLogP);
      }
      // Undo a confusion that starts here.
      const Offer& offer = offers[w.pos];
      if (w.edits < kMaxEdits) {
        for (std::uint32_t ri = offer.rules_begin; ri < offer.rules_end; ++ri) {
          const Confusion* rule = rules[ri];
          std::uint32_t node = w.node;
          for (char32_t t : rule->truth) {
            node = trie.child(node, lower_cp(t));
            if (node == detail::WordTrie::kNone) break;
          }
          if (node == detail::WordTrie::kNone) continue;
          Step r = w;
          r.parent = id;
          r.pos += static_cast<std::uint32_t>(rule->seen.size());
          r.node = node;
          r.logp += static_cast<float>(doc.rule_logp[rule->index]);
          ++r.edits;
          r.part_len = static_cast<std::uint16_t>(r.part_len + rule->truth.size());
          r.kind = 2;
          r.rule = rule;
          push(r);
        }
      }
      // Keep the character.
      std::uint32_t next = trie.child(w.node, offer.lower);
      if (next != detail::WordTrie::kNone) {
        const float keep = offer.keep;
        Step k = w;
        k.parent = id;
        k.node = next;
        ++k.pos;
        k.logp += static_cast<float>(keep);
        k.base += static_cast<float>(keep);
        ++k.part_len;
        k.kind = 1;
        k.rule = nullptr;
        push(k);
      }
    }
  }

  // Whether `word` may begin like a word Hunspell knows, as far as the trie can tell: its first
  // kListedPrefix letters (all of a shorter word) begin a listed word, or a listed word and
  // then one that begins so (the parts of a compound: "kö|situation").
  bool begins_listed_word(std::u32string_view word, std::size_t from = 0) const {
    std::uint32_t node = detail::WordTrie::kRoot;
    for (std::size_t i = from; i < word.size() && i < kListedPrefix; ++i) {
      if ((node = trie.child(node, lower_cp(word[i]))) == detail::WordTrie::kNone) return false;
      if (i + 1 < kListedPrefix && trie.tier(node) > 0 && begins_listed_word(word, i + 1)) return true;
    }
    return true;
  }

  // The trie node of a word as lower case, without building the lower-case string.
  std::uint32_t find_lower(std::u32string_view word) const {
    std::uint32_t node = detail::WordTrie::kRoot;
    for (char32_t c : word)
      if ((node = trie.child(node, lower_cp(c))) == detail::WordTrie::kNone) break;
    return node;
  }

  double name_weight_of(const Candidate& c) const {
    return c.parts.size() == 1 && !c.parts[0].empty() && is_upper(c.parts[0][0]) ? lexicon->name_weight(to_utf8(c.parts[0]))
                                                                                 : 0.0;
  }

  // The token as it stands, as a reading: every character kept.
  Candidate as_written(const std::u32string& seen, int tier, const DocState& doc) const {
    Candidate id;
    id.parts = {seen};
    std::string low = to_utf8(lower32(seen));
    id.ids = {lm.id(low)};
    id.identity = true;
    for (char32_t ch : seen) id.channel += channel_keep(ch, doc);
    id.base = id.channel;
    id.tier = tier;
    id.part_tiers = {static_cast<std::uint8_t>(tier)};
    id.lower = {std::move(low)};
    id.name_weight = name_weight_of(id);
    return id;
  }

  // All readings of a token (pure: safe to run for many forms in parallel).
  std::vector<Candidate> generate(const std::u32string& seen, const DocState& doc) const {
    // A listed word that carries å, ä or ö was read right: an English OCR model never prints
    // those letters, so the form is the page's own spelling ("förslag", "Öresund"). Only the
    // form itself is a reading; the search would only find less likely ones.
    if (std::any_of(seen.begin(), seen.end(), is_swedish_diacritic) && trie.tier(trie.find(lower32(seen))) == 2) {
      std::vector<Candidate> out;
      out.push_back(as_written(seen, 2, doc));
      set_prior(out.back());
      return out;
    }
    thread_local FoundReadings done;
    done.clear();
    walk_trie(seen, doc, done);
    std::sort(done.found.begin(), done.found.end(), [](const Found& a, const Found& b) { return a.logp > b.logp; });
    std::vector<Candidate> out;
    const auto& glue = glue_words();
    thread_local std::string lower;
    const bool listed_name = doc.names.count(lower_utf8(seen, lower)) > 0;
    const bool swedish_seen = swedish_spelling(seen);
    std::size_t verified = 0;
    double best_known = -1e9;  // channel of the likeliest known single word so far
    // Most walks are dropped (unknown compounds of a Swedish-spelled form): decide that from
    // the parts and their tiers first, and build a candidate's strings only when it is kept.
    thread_local std::vector<std::u32string_view> parts;
    thread_local std::vector<std::uint8_t> tiers;
    for (const Found& w : done.found) {
      if (out.size() >= kMaxCandidates) break;
      // Split into the space-separated words.
      parts.clear();
      const std::u32string_view text = done.text_of(w);
      std::size_t start = 0;
      for (std::size_t k = 0; k <= text.size(); ++k)
        if (k == text.size() || text[k] == U' ') {
          parts.push_back(text.substr(start, k - start));
          start = k + 1;
        }
      if (parts.size() > 1) {
        // Glued words: only around a short glue word, never inside a listed name.
        if (listed_name) continue;
        bool ok = true, any_glue = false;
        for (std::size_t k = 0; k < parts.size(); ++k) {
          bool g = glue.count(lower32(parts[k])) > 0;
          any_glue = any_glue || g;
          if (parts[k].size() == 1 && !g) ok = false;
          if (parts.size() == 3 && k == 1 && !g) ok = false;
        }
        if (!ok || !any_glue) continue;
      }
      int tier = 2;
      tiers.clear();
      for (const auto part : parts) {
        int t = trie.tier(find_lower(part));
        // Weak words and compounds the trie built: ask the lexicon (Hunspell) for the likeliest.
        // A change that the search could only spell as three words joined is not asked about:
        // Hunspell said yes to 2 of 2,509 on the 5 MB archive, and a no costs it every split of
        // a long word. The form as written is asked about all the same ("ledningsgrupps|utbild|
        // ningen" is right as it stands).
        if (t < 2 && verified < kVerifyCandidates && w.logp >= best_known - kVerifyGap) {
          ++verified;
          if (w.compounds < kUncheckedCompounds || text == seen)
            t = std::max(t, tier_of(part));
        }  // a compound Hunspell was not asked about stays unknown: scored by its spelling
        tier = std::min(tier, t);
        tiers.push_back(static_cast<std::uint8_t>(t));
      }
      const bool identity = text == seen;
      const auto rules = done.rules_of(w);
      // Trading a Swedish-spelled unknown form ("Karlegatt") for another unknown one is no fix.
      if (tier == 0 && !identity && swedish_seen) continue;
      if (!identity && respells_name(seen, rules)) continue;
      Candidate c;
      c.tier = tier;
      c.part_tiers.assign(tiers.begin(), tiers.end());
      for (const auto part : parts) {
        c.parts.emplace_back(part);
        std::string low = to_utf8(lower32(part));
        c.ids.push_back(lm.id(low));
        c.lower.push_back(std::move(low));
      }
      c.channel = w.logp;
      c.base = w.base;
      c.rules.assign(rules.begin(), rules.end());
      c.identity = identity;
      if (c.identity) {  // the token as written: no compound boundary costs
        c.channel = c.base = 0;
        for (char32_t ch : seen) c.channel += channel_keep(ch, doc);
        c.base = c.channel;
        c.rules.clear();
      }
      if (c.tier == 2 && c.parts.size() == 1) best_known = std::max(best_known, c.channel);
      c.name_weight = name_weight_of(c);
      out.push_back(std::move(c));
    }
    // Inflected forms that only Hunspell knows ("vägarna") are not in the trie: when the search
    // found no known word, try the likeliest plain variants against the lexicon.
    if (std::none_of(out.begin(), out.end(), [](const Candidate& c) { return c.tier == 2 && c.parts.size() == 1; }))
      add_lexicon_variants(seen, doc, out);
    // The token as it stands is always a candidate.
    if (std::none_of(out.begin(), out.end(), [](const Candidate& c) { return c.identity; })) {
      out.push_back(as_written(seen, tier_of(seen), doc));
    }
    // A form that is not Swedish spelling ("Hjelmstrém") was misread even when no lexicon
    // knows what it should be (names): Swedish-spelled readings that differ only where the
    // form is not Swedish compete too, scored by how Swedish they look.
    if (!swedish_spelling(seen) && !(out.size() > 1 && out.front().tier == 2)) add_respellings(seen, doc, out);
    for (Candidate& c : out) set_prior(c);
    return out;
  }

  // Variants of `seen` without the trie: each character kept or a confusion undone (those
  // `use_rule` allows, at most `max_edits`), likeliest first. For the two fallbacks below.
  template <class RuleFilter>
  std::vector<Walk> plain_variants(const std::u32string& seen, const DocState& doc, int max_edits,
                                   std::size_t limit, RuleFilter use_rule) const {
    // Depth first along one path that grows and shrinks (no copy per branch): the character
    // kept first, then the confusions from last to first.
    std::vector<Walk> done;
    Walk path;
    auto dfs = [&](auto&& self, std::size_t pos, int edits) -> void {
      if (done.size() >= limit || path.logp < kMinLogP) return;
      if (pos == seen.size()) {
        if (edits > 0) done.push_back(path);
        return;
      }
      const Walk saved{{}, path.logp, path.base, {}};
      const std::size_t length = path.text.size();
      const double keep = channel_keep(seen[pos], doc);
      path.text += seen[pos];
      path.logp += keep;
      path.base += keep;
      self(self, pos + 1, edits);
      path.text.resize(length);
      path.logp = saved.logp;
      path.base = saved.base;
      if (edits >= max_edits) return;
      const auto& rules = confusions.starting_with(seen[pos]);
      for (auto it = rules.rbegin(); it != rules.rend(); ++it) {
        const Confusion* rule = *it;
        if (!use_rule(*rule) || seen.compare(pos, rule->seen.size(), rule->seen) != 0) continue;
        path.text += rule->truth;
        path.logp += doc.rule_logp[rule->index];
        path.rules.push_back(rule);
        self(self, pos + rule->seen.size(), edits + 1);
        path.rules.pop_back();
        path.text.resize(length);
        path.logp = saved.logp;
        path.base = saved.base;
      }
    };
    dfs(dfs, 0, 0);
    std::sort(done.begin(), done.end(), [](const Walk& a, const Walk& b) { return a.logp > b.logp; });
    return done;
  }

  Candidate single_word(Walk&& w, int tier) const {
    Candidate c;
    c.parts = {std::move(w.text)};
    c.lower = {to_utf8(lower32(c.parts.front()))};
    c.ids = {lm.id(c.lower.front())};
    c.channel = w.logp;
    c.base = w.base;
    c.rules = std::move(w.rules);
    c.tier = tier;
    c.part_tiers = {static_cast<std::uint8_t>(tier)};
    c.name_weight = name_weight_of(c);
    return c;
  }

  // A form's readings scored for this document: priors from its evidence (a reading may have
  // been found for another document), the channel as found or, once the document's confusions
  // are known (`adapted`), from the rules the reading undid.
  // Adapting changes only the channel: the readings scored before (a list only grows, see
  // extend_readings) keep the rest.
  // Returns whether a score the document had for the form changed (always false unless `adapted`).
  bool pack(DocState& doc, std::size_t form, bool adapted) const {
    const std::span<Scored> out = doc.scored[form];
    const ReadingSet& set = *doc.readings[form];
    // Readings new to this document's scores (all, or those extend_readings appended since the
    // first round) start from the set's, with the document's evidence.
    const std::size_t first_new = adapted ? doc.scored.filled(form) : 0;
    std::copy(set.base.begin() + static_cast<long>(first_new), set.base.end(), out.begin() + static_cast<long>(first_new));
    doc.scored.filled(form) = static_cast<std::uint32_t>(set.base.size());
    if (!doc.intact.empty())
      for (const std::uint16_t k : set.with_diacritics) {
        const Candidate& c = set.cands[k];
        if (k >= first_new &&
            std::any_of(c.lower.begin(), c.lower.end(), [&](const std::string& w) { return doc.intact.count(w) > 0; }))
          out[k].fixed_score = fixed_score(c, &doc.intact);
      }
    if (!adapted) return false;
    bool changed = first_new < out.size();
    // Adapting changed the weight of none of its confusions: each channel would come out the
    // same sum, to the last bit.
    if (!changed && (set.rule_bits & doc.changed_rule_bits) == 0) return false;
    for (std::size_t k = 0; k < out.size(); ++k) {
      const double channel = set.channel(k, doc.rule_logp);
      changed |= out[k].channel != channel;
      out[k].channel = channel;
    }
    return changed;
  }

  // Inflected forms only Hunspell knows: the likeliest plain variants, put to the lexicon.
  void add_lexicon_variants(const std::u32string& seen, const DocState& doc, std::vector<Candidate>& out) const {
    auto variants = plain_variants(seen, doc, 3, 512, [&](const Confusion& r) { return doc.rule_logp[r.index] >= -3.5; });
    if (variants.size() > 192) variants.resize(192);  // the likeliest, before the costlier ranking
    // Hunspell is asked about few: rank by how likely and how Swedish-looking the reading is.
    std::vector<std::pair<double, std::size_t>> ranked;
    for (std::size_t k = 0; k < variants.size(); ++k)
      ranked.emplace_back(variants[k].logp + 0.5 * lm.log_spelling(to_utf8(lower32(variants[k].text))), k);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Walk> ordered;
    for (const auto& [score, k] : ranked) ordered.push_back(std::move(variants[k]));
    variants = std::move(ordered);
    std::size_t asked = 0;
    for (auto& v : variants) {
      if (asked >= kLexiconVariants) break;
      if (std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.parts.size() == 1 && c.parts[0] == v.text; }))
        continue;
      if (respells_name(seen, v.rules)) continue;
      ++asked;
      int t = tier_of(v.text);
      if (t > 0) out.push_back(single_word(std::move(v), t));
    }
  }

  // Readings of a form that is not Swedish spelling, changed only where it is not.
  void add_respellings(const std::u32string& seen, const DocState& doc, std::vector<Candidate>& out) const {
    auto variants = plain_variants(seen, doc, 2, 64, [](const Confusion& r) { return !swedish_spelling(r.seen); });
    std::size_t kept = 0;
    for (auto& v : variants)
      if (kept < kUnknownCandidates && swedish_spelling(v.text)) {
        out.push_back(single_word(std::move(v), 0));
        ++kept;
      }
  }

  // kNoWord: no context on that side (line start, punctuation that ends a clause).
  static constexpr int kNoWord = -2;

  // `continues_line`: the text starts inside a line (a piece of an overlong one), so its first
  // line does not start a line: no bullet, item number or page-top junk there.
  RepairedPiece run(const PieceText& piece) const;
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
    if (!is_space(lw.text[p])) return false;
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
// `letter_digits`: the digits OCR prints for letters (0, 1, and those the confusion table has:
// 6 for ö, 4 for ä).
bool repairable(std::u32string_view tok, std::u32string_view letter_digits) {
  // Longer than any Swedish compound: a code, a hash, or garbage; the search would only waste
  // time and memory on it.
  if (tok.size() > 48) return false;
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

// Comma-separated entries of one to four capitalized words: a list of people.
bool name_entries(std::u32string_view text, std::size_t& entries, std::size_t& names) {
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
  return true;
}

// Edit distance after folding what OCR confuses (é, 6, 0 to o and e; å, ä, ö to a and o), so
// that "Hjelmstréom" is one letter from "Hjelmström".
std::size_t folded_distance(std::u32string_view a, std::u32string_view b) {
  auto fold = [](std::u32string_view s) {
    std::u32string out;
    for (char32_t c : s) {
      char32_t l = lower_cp(c);
      if (l == U'å' || l == U'ä') l = U'a';
      else if (l == U'ö' || l == U'6' || l == U'0') l = U'o';
      else if (l == U'é') l = U'e';
      out += l;
    }
    return out;
  };
  std::u32string x = fold(a), y = fold(b);
  if (x.size() > y.size() + 1 || y.size() > x.size() + 1) return 2;
  return edit_distance(x, y);
}

// The plain letter an English OCR model leaves of å, ä and ö.
char32_t stripped_letter(char32_t c) { return c == U'å' || c == U'ä' ? U'a' : c == U'ö' ? U'o' : c; }

// Whether `seen` (lower case) reads `word` (lower case, with å/ä/ö) with its å/ä/ö stripped to
// a/o, and at most one of them misread as one or two other characters ("gidllande" for
// "gällande", "0Okad" for "ökad"): the misreadings of those letters are too many and too rare
// for the confusion table to list them all.
bool misreads_diacritics(std::u32string_view word, std::u32string_view seen, bool wildcard_used = false) {
  if (word.empty()) return seen.empty();
  const char32_t w = word[0];
  if (!seen.empty() && (seen[0] == w || seen[0] == stripped_letter(w)) &&
      misreads_diacritics(word.substr(1), seen.substr(1), wildcard_used))
    return true;
  if (wildcard_used || !is_swedish_diacritic(w)) return false;
  for (std::size_t n = 1; n <= 2 && n <= seen.size(); ++n)
    if (misreads_diacritics(word.substr(1), seen.substr(n), true)) return true;
  return false;
}

// Lookup keys for misreads_diacritics(): a word with one of its å/ä/ö (or a form with one or
// two of its characters) replaced by a gap, and everything else stripped to a/o. A form and a
// word it may misread share a key.
constexpr char32_t kGap = 0x1;
void stripped_key(std::u32string_view before, std::u32string_view after, std::u32string& key) {
  key.clear();
  for (char32_t c : before) key += stripped_letter(c);
  key += kGap;
  for (char32_t c : after) key += stripped_letter(c);
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

// A text's distinct word forms (views into its lines: a page file has a thousand, and a copy
// each was an allocation per form per page), numbered in order of first appearance. Every word of the text
// is looked up (800k in the 5 MB archive), so the table is flat: open addressing over the
// forms' hashes, at most half full, instead of a node per form.
class FormIndex {
 public:
  explicit FormIndex(std::vector<std::u32string_view>& forms) : forms_(forms), slots_(4096, Slot{0, kEmpty}) {}
  std::uint32_t add(std::u32string_view form) {
    if (2 * (forms_.size() + 1) > slots_.size()) grow();
    const std::uint64_t h = hash(form);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.index == kEmpty) {
        slot = Slot{h, static_cast<std::uint32_t>(forms_.size())};
        forms_.emplace_back(form);
        return slot.index;
      }
      if (slot.hash == h && forms_[slot.index] == form) return slot.index;
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint64_t hash;
    std::uint32_t index;
  };
  static std::uint64_t hash(std::u32string_view form) {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a over code points, then mixed
    for (char32_t c : form) h = (h ^ c) * 0x100000001b3ull;
    return h ^ (h >> 32);
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{0, kEmpty});
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.index == kEmpty) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].index != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  std::vector<std::u32string_view>& forms_;
  std::vector<Slot> slots_;
};

}  // namespace

RepairedPiece Repairer::Impl::run(const PieceText& piece) const {
  detail::StageTimer timer("repair");
  RepairedPiece result;
  const std::vector<std::string_view>& raw_lines = piece.lines;
  const bool continues_line = piece.continues_line;

  struct LineWork {
    std::u32string text;
    std::vector<Token> tokens;
    // A bullet can only be a line's first token: which one, and its replacement glyph.
    std::size_t bullet_token = SIZE_MAX;
    char32_t bullet_glyph = 0;
    char32_t bullet(std::size_t ti) const { return ti == bullet_token ? bullet_glyph : 0; }
    std::u32string read;           // the line as read, when its digits were given back in `text`
    std::vector<std::pair<std::size_t, std::size_t>> digit_spans;  // what it changed
    std::size_t junk_begin = 0, junk_end = 0;  // tokens of logo junk to drop at a page's top
  };
  std::vector<LineWork> lines(raw_lines.size());
  DocState doc;
  // The loops below over a text's lines, forms and words share the work out between threads
  // when the text is long (by its bytes, not its lines: a text may have lost its line breaks).
  // A page's are too short for that to pay (a batch repairs pages side by side instead): they
  // run on the calling thread, in blocks as they would be shared out.
  const bool parallel = piece.bytes >= kParallelBytes;
  auto for_blocks = [parallel](std::size_t n, std::size_t grain, auto&& body) {
    if (parallel) {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, grain), body);
      return;
    }
    for (std::size_t b = 0; b < n; b += grain) body(tbb::blocked_range<std::size_t>(b, std::min(n, b + grain)));
  };
  auto for_each_index = [parallel](std::size_t n, auto&& body) {
    if (parallel) {
      tbb::parallel_for(std::size_t(0), n, body);
      return;
    }
    for (std::size_t i = 0; i < n; ++i) body(i);
  };
  // Bullets, item numbers and page-top junk stand only where a line starts.
  auto starts_line = [continues_line](std::size_t li) { return li > 0 || !continues_line; };

  // Tokenize every line with ICU's word break rules, in blocks of lines in parallel (each with
  // its own break iterator: they are not thread-safe).
  std::vector<std::size_t> line_letters(lines.size()), line_diacritics(lines.size());
  for_blocks(raw_lines.size(), 256, [&](const auto& range) {
    std::unique_ptr<icu::BreakIterator> breaks;  // cloned when a line needs it (few do)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> segments;  // of a line, [begin, end) code points
    for (std::size_t li = range.begin(); li < range.end(); ++li) {
      LineWork& lw = lines[li];
      lw.text = to_u32(raw_lines[li]);
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
      line_letters[li] = letters;
      line_diacritics[li] = diacritics;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      if (specials && may_hold_address(lw.text)) spans = protected_spans(lw.text);
      if (options.threshold < kDigitScore && digits) lw.digit_spans = restore_digits(lw.text, spans, lw.read);
      // Plain Latin lines (most) without ICU, by the same rules (tests/word_breaks_test.cpp).
      segments.clear();
      const bool plain = detail::plain_word_breaks(lw.text, segments);
      if (!plain) {
        if (!breaks) breaks.reset(word_breaks->clone());
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
        if (t.word && !repairable(std::u32string_view(lw.text).substr(t.begin, t.end - t.begin), letter_digits))
          t.fixed = true;
        lw.tokens.push_back(t);
      }
      if (options.bullets && starts_line(li)) {
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
  // Agenda items numbered in order whose number OCR read as a letter ("S. Egoföredrag" between
  // "4." and "6."; the table's digit readings: S for 5, l for 1, O for 0): the number comes back
  // when the item before it or after it carries the neighbouring number, so that no item goes
  // missing from the records. A line that only starts like one ("S. Andersson") stays.
  auto restore_item_numbers = [&](std::vector<LineWork>& work) {
    // The number an item line starts with (after indentation), or -1.
    auto head = [](const std::u32string& text, std::size_t& at) -> long {
      at = 0;
      while (at < text.size() && (text[at] == U' ' || text[at] == U'\f')) ++at;
      std::size_t end = at;
      long n = 0;
      while (end < text.size() && is_digit(text[end]) && end - at < 3) n = n * 10 + (text[end++] - U'0');
      if (end == at || end + 1 >= text.size() || text[end] != U'.' || text[end + 1] != U' ') return -1;
      return n;
    };
    std::vector<long> number(work.size(), -1);
    std::vector<std::size_t> starts(work.size(), 0);
    bool any = false;
    for (std::size_t li = 0; li < work.size(); ++li)
      if (starts_line(li)) any |= (number[li] = head(work[li].text, starts[li])) >= 0;
    if (!any) return;
    for (std::size_t li = 0; li < work.size(); ++li) {
      if (!starts_line(li)) continue;
      LineWork& lw = work[li];
      const std::size_t at = starts[li];
      if (number[li] >= 0 || at + 3 >= lw.text.size() || lw.text[at + 1] != U'.' || lw.text[at + 2] != U' ' ||
          !is_upper(lw.text[at + 3]))
        continue;
      const auto digit = item_digits.find(lw.text[at]);
      if (digit == std::u32string::npos) continue;
      const long n = static_cast<long>(item_digits[digit + 1] - U'0');
      long before = -1, after = -1;
      for (std::size_t k = li; k-- > 0 && li - k <= 80;)
        if (number[k] >= 0) {
          before = number[k];
          break;
        }
      for (std::size_t k = li + 1; k < work.size() && k - li <= 80; ++k)
        if (number[k] >= 0) {
          after = number[k];
          break;
        }
      if (before != n - 1 && after != n + 1) continue;
      if (lw.read.empty()) lw.read = lw.text;
      lw.text[at] = item_digits[digit + 1];
      lw.digit_spans.emplace_back(at, at + 1);
      for (Token& t : lw.tokens)
        if (t.begin == at) t.fixed = true;
      number[li] = n;
    }
  };
  std::size_t letters = 0, diacritics = 0;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    letters += line_letters[li];
    diacritics += line_diacritics[li];
  }
  restore_item_numbers(lines);
  timer.lap("tokenize");
  // Logo junk: OCR reads a letterhead's logo as "%" or "POEk s" before the first line of a page.
  for (std::size_t li = 0; li < lines.size(); ++li) {
    LineWork& lw = lines[li];
    if (!starts_line(li)) continue;
    // The first line of a page, of a piece, or one that starts with a single space (archive
    // text without form feeds marks a new page that way).
    const bool page_top = li == 0 || piece.page_starts[li] ||
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
      bool odd_case = w.size() > 1 && case_pattern(to_utf8(w)) == CasePattern::mixed && tier_of(w) == 0;
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
    // In steps of 1/20: finer says nothing more, and documents with the same step share
    // their candidate searches (the reading cache).
    doc.strip = std::clamp(std::round(20 * (1.0 - observed / kRate)) / 20, 0.03, 0.97);
  }
  compute_rule_logps(doc);
  // Document evidence: words that carry å/ä/ö survived OCR; their every occurrence counts.
  for (std::size_t li = 0; li < lines.size(); ++li) {
    if (line_diacritics[li] == 0) continue;  // most lines of a text that lost them
    const LineWork& lw = lines[li];
    for (const auto& t : lw.tokens) {
      if (!t.word) continue;
      std::u32string_view w(lw.text.data() + t.begin, t.end - t.begin);
      if (std::any_of(w.begin(), w.end(), is_swedish_diacritic)) ++doc.intact[to_utf8(lower32(w))];
    }
  }

  // Whether token ti starts a sentence (or a line): there a capital says nothing about names.
  auto sentence_start = [&](const LineWork& lw, std::size_t ti) {
    for (std::size_t k = ti; k-- > 0;) {
      const Token& t = lw.tokens[k];
      if (t.word) return lw.bullet(k) != 0;
      for (std::size_t p = t.begin; p < t.end; ++p) {
        char32_t c = lw.text[p];
        if (c == U'.' || c == U':' || c == U'!' || c == U'?' || c == U';' || c == U'"' || c == U'”') return true;
      }
    }
    return true;
  };
  // Names: a line that lists people ("Tony Mufic, Karin Gerken, Mats Nilsson,") vouches for the
  // names on it, wherever they recur: "Mats" stays "Mats" although "mäts" is a word.
  std::vector<char> name_list(lines.size());  // lines that list people
  for_each_index(lines.size(), [&](std::size_t li) { name_list[li] = name_list_line(lines[li].text); });
  for (std::size_t li = 0; li < lines.size(); ++li) {
    if (!name_list[li] && !(li > 0 && name_list[li - 1] && continues_name_list(lines[li].text)))
      continue;
    for (const auto& t : lines[li].tokens) {
      if (!t.word) continue;
      std::u32string_view w(lines[li].text.data() + t.begin, t.end - t.begin);
      if (w.size() > 1 && is_upper(w[0]) && !all_upper(w) && swedish_spelling(w)) doc.names.insert(to_utf8(lower32(w)));
    }
  }

  timer.lap("evidence");
  // Decide each token: two passes so that context uses the neighbours' repaired forms.
  // One per word decided on (a 5 MB text has 800k): kept small. Indices are into *cands,
  // which holds a few dozen readings at most.
  constexpr std::uint16_t kNoReading = UINT16_MAX;
  struct Choice {
    const std::vector<Candidate>* cands = nullptr;
    double best_score = 0, identity_score = 0;
    std::uint32_t form = 0;      // index of the word form in doc.readings
    float identity_bonus = 0;    // names and proper nouns as written
    std::uint16_t best = 0, identity = 0, runner_up = kNoReading;
    bool listed_name = false;    // the token is a name on a participant list
  };
  std::vector<Choice> choices;  // one per entry of `order`
  // What a word's choice needs of its form, found once per form rather than per word.
  struct FormFacts {
    std::uint16_t identity = 0;  // index of the reading "as written"
    std::uint8_t tier = 0;       // the lexicon's tier of the form as written
    bool capitalized = false;    // "Mats", not "MATS" or "mats"
    bool listed = false;         // a name on one of the document's participant lists
  };
  std::vector<FormFacts> facts;  // per form
  std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (line, token) of repairable words
  {
    // Every distinct form once, generated in parallel: the search is the expensive part.
    std::vector<std::u32string_view> forms;  // into the lines' text, which stays put from here on
    std::vector<std::uint32_t> form_of;  // per entry of `order`
    {
      FormIndex ids(forms);
      for (std::size_t li = 0; li < lines.size(); ++li) {
        const auto& lw = lines[li];
        for (std::size_t ti = 0; ti < lw.tokens.size(); ++ti) {
          const Token& t = lw.tokens[ti];
          if (!t.word) continue;
          ++result.words;
          if (order.size() >= INT32_MAX) throw std::length_error("repair: too many words in one text");
          if (t.fixed) continue;
          form_of.push_back(ids.add(std::u32string_view(lw.text).substr(t.begin, t.end - t.begin)));
          lines[li].tokens[ti].slot = static_cast<std::int32_t>(order.size());
          order.emplace_back(static_cast<std::uint32_t>(li), static_cast<std::uint32_t>(ti));
        }
      }
    }
    timer.lap("forms");
    doc.readings.resize(forms.size());
    doc.owned.resize(forms.size());
    facts.resize(forms.size());
    for_blocks(forms.size(), 64, [&](const auto& range) {
      // The keys of a block of forms first, and the cache's memory for all of them asked for
      // before any is looked up (see ReadingCache::prefetch): a page file finds most of its
      // forms there, and one lookup after another waited on each miss.
      std::vector<std::pair<ReadingCache::Key, std::uint64_t>> keys;
      keys.reserve(range.size());
      std::string lower;
      for (std::size_t i = range.begin(); i < range.end(); ++i) {
        const bool listed = !doc.names.empty() && doc.names.count(lower_utf8(forms[i], lower)) > 0;
        facts[i].listed = listed;
        const auto key = ReadingCache::key(forms[i], doc.strip, listed);
        keys.emplace_back(key, ReadingCache::hash(key));
      }
      if (options.share_readings)
        for (int step = 0; step < ReadingCache::kPrefetchSteps; ++step)
          for (const auto& [key, h] : keys) reading_cache.prefetch(h, step);
      for (std::size_t i = range.begin(); i < range.end(); ++i) {
        const auto& [key, h] = keys[i - range.begin()];
        if (!options.share_readings || !(doc.readings[i] = reading_cache.find(key, h))) {
          auto set = std::make_shared<ReadingSet>();
          for (Candidate& c : generate(std::u32string(forms[i]), doc)) set->add(std::move(c));
          set->sum_channels(doc.rule_logp);
          doc.readings[i] = set.get();
          if (!options.share_readings || !reading_cache.insert(key, set)) doc.owned[i] = std::move(set);
        }
        FormFacts& f = facts[i];
        f.identity = doc.readings[i]->identity;
        f.capitalized = is_upper(forms[i][0]) && !all_upper(forms[i]);
        f.tier = doc.readings[i]->base[f.identity].tier;
      }
    });
    doc.scored.lay_out(doc.readings);
    for_blocks(forms.size(), 256, [&](const auto& range) {
      for (std::size_t i = range.begin(); i < range.end(); ++i) pack(doc, i, false);
    });
    timer.lap("generate");
    choices.resize(order.size());
    for_each_index(order.size(), [&](std::size_t i) {
      const auto [li, ti] = order[i];
      Choice& ch = choices[i];
      ch.form = form_of[i];
      ch.cands = &doc.readings[ch.form]->cands;
      const FormFacts& f = facts[ch.form];
      ch.identity = f.identity;
      if (f.capitalized) {
        ch.listed_name = f.listed;
        if (f.tier == 2 && !f.listed && !sentence_start(lines[li], ti)) ch.identity_bonus = 1.0;
      }
    });
  }
  timer.lap("candidates");
  // The neighbours a decision reads its context from, found once: the nearest word on the same
  // line each way (its index in `order`), none past punctuation that ends a clause or when
  // that word is never repaired (a number, a bullet). -1: no context on that side.
  std::vector<std::int32_t> prev_of(order.size(), -1), next_of(order.size(), -1);
  {
    auto neighbour = [&](std::size_t li, std::size_t ti, int dir) -> std::int32_t {
      const auto& toks = lines[li].tokens;
      for (long k = static_cast<long>(ti) + dir; k >= 0 && k < static_cast<long>(toks.size()); k += dir) {
        const Token& t = toks[static_cast<std::size_t>(k)];
        if (t.word) return t.slot;
        for (std::size_t p = t.begin; p < t.end; ++p) {
          char32_t c = lines[li].text[p];
          if (c == U'.' || c == U':' || c == U';' || c == U'!' || c == U'?' || c == U'(' || c == U')' ||
              c == U'/' || c == U'•')
            return -1;
        }
      }
      return -1;
    };
    for (std::size_t i = 0; i < order.size(); ++i) {
      prev_of[i] = neighbour(order[i].first, order[i].second, -1);
      next_of[i] = neighbour(order[i].first, order[i].second, +1);
    }
  }
  // The language model ids each position currently reads as (its first and last word), as the
  // previous pass decided.
  std::vector<int> context_first(order.size(), kNoWord), context_last(order.size(), kNoWord);
  // PROTOKOLL_DEBUG_REPAIR=1 prints every decision's candidates to stderr (for tuning).
  static const bool debug = std::getenv("PROTOKOLL_DEBUG_REPAIR") != nullptr;
  // Each pass decides every token from the previous pass's neighbours, so tokens are
  // independent within a pass and run in parallel (and the result does not depend on order).
  // The context position i reads in a pass after the first, from the neighbours' ids `first`
  // and `last` as the previous pass left them.
  auto prev_context = [&](std::size_t i, const std::vector<int>& last) {
    return prev_of[i] >= 0 ? last[static_cast<std::size_t>(prev_of[i])] : kNoWord;
  };
  auto next_context = [&](std::size_t i, const std::vector<int>& first) {
    return next_of[i] >= 0 ? first[static_cast<std::size_t>(next_of[i])] : kNoWord;
  };
  auto decide = [&](int pass, std::size_t i) {
        Choice& ch = choices[i];
        const auto& scored = doc.scored[ch.form];
        const std::size_t n = scored.size();
        if (n == 1) {
          ch.best = ch.identity;
          return;
        }
        const int prev = pass ? prev_context(i, context_last) : kNoWord;
        const int next = pass ? next_context(i, context_first) : kNoWord;
        double best = -1e18, second = -1e18;
        std::size_t best_k = ch.identity, second_k = SIZE_MAX;
        for (std::size_t k = 0; k < n; ++k) {
          const Scored& c = scored[k];
          double context = c.fixed_score;
          if (prev != kNoWord) context += lm.log_association(prev, c.first_id);
          if (next != kNoWord) context += lm.log_association(c.last_id, next);
          double s = c.channel + context;
          // On a participant list a word is a name: readings the lexicon knows only capitalized
          // ("Åke", "Pär") or as a listed name ("Ann", though "ann" is a word too) are favoured,
          // and a known word as written does not turn into a common word ("Mats" does not become
          // "mäts").
          if (ch.listed_name && (*ch.cands)[k].parts.size() == 1) {
            const Candidate& cand = (*ch.cands)[k];
            const bool common = lexicon->lookup(cand.lower.front()) == Lexicon::Known::yes;
            if (c.name || (!common && lexicon->lookup(to_utf8(cand.parts.front())) == Lexicon::Known::yes))
              s += kProperNameBonus;
            if (common && k != ch.identity && scored[ch.identity].tier == 2) s -= kNameBonus;
          }
          // The bonus keeps a proper noun from turning into a common word; between two names
          // ("Marta", "Märta") how common each is decides.
          if (k != ch.identity && c.name) s += ch.identity_bonus;
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
        // In a text that lost its å/ä/ö a word without them is itself suspect: the margin shrinks.
        const double margin =
            options.threshold + (scored[ch.identity].tier == 2 ? 0.2 + kValidWordMargin * (1 - doc.strip) : 0.0);
        if (best_k != ch.identity && best - ch.identity_score < margin) {
          second_k = best_k;
          second = best;
          best_k = ch.identity;
          best = ch.identity_score;
        }
        if (pass == 1 && debug) {
          std::string line = "repair-debug " + std::to_string(order[i].first + 1) + ":";
          for (std::size_t k = 0; k < ch.cands->size() && k < 12; ++k) {
            const Candidate& c = (*ch.cands)[k];
            std::string text;
            for (const auto& p : c.parts) text += to_utf8(p) + (&p == &c.parts.back() ? "" : "_");
            char buf[96];
            const Scored& sc = doc.scored[ch.form][k];
            double context = sc.fixed_score;
            if (prev != kNoWord) context += lm.log_association(prev, sc.first_id);
            if (next != kNoWord) context += lm.log_association(sc.last_id, next);
            std::snprintf(buf, sizeof buf, " %s[t%d ch%.2f pr%.2f]%s", text.c_str(), c.tier, sc.channel, context,
                          k == best_k ? "*" : "");
            line += buf;
          }
          std::fprintf(stderr, "%s\n", line.c_str());
        }
        ch.best = static_cast<std::uint16_t>(best_k);
        ch.best_score = best;
        ch.runner_up = second_k == SIZE_MAX ? kNoReading : static_cast<std::uint16_t>(second_k);
  };
  // Without context (pass 0) a decision depends only on the form, unless the token has a bonus
  // of its own (a name as written, a listed name): a form's other plain tokens copy the first's.
  auto decide_without_context = [&] {
    std::vector<std::int32_t> first_plain(doc.readings.size(), -1);
    std::vector<std::uint32_t> firsts, copies;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Choice& ch = choices[i];
      if (ch.listed_name || ch.identity_bonus != 0) {
        firsts.push_back(static_cast<std::uint32_t>(i));
      } else if (first_plain[ch.form] < 0) {
        first_plain[ch.form] = static_cast<std::int32_t>(i);
        firsts.push_back(static_cast<std::uint32_t>(i));
      } else {
        copies.push_back(static_cast<std::uint32_t>(i));
      }
    }
    for_each_index(firsts.size(), [&](std::size_t k) { decide(0, firsts[k]); });
    for_each_index(copies.size(), [&](std::size_t k) {
      Choice& ch = choices[copies[k]];
      const Choice& first = choices[static_cast<std::size_t>(first_plain[ch.form])];
      ch.best = first.best;
      ch.best_score = first.best_score;
      ch.identity_score = first.identity_score;
      ch.runner_up = first.runner_up;
    });
  };
  // A decision is a function of its form's scores and its context alone: a pass with context
  // decides again only the words where one of those differs from the pass that decided them
  // last (most words, after adapting; a word with no context on either side, after the pass
  // without). `rescored`: per form, whether its scores changed since the first round.
  std::vector<int> read_first, read_last;  // the context the last pass with context read
  std::vector<char> rescored;
  auto decide_all = [&](int first_pass) {
    for (int pass = first_pass; pass < 2; ++pass) {
      if (debug) {
        for (std::size_t i = 0; i < order.size(); ++i) decide(pass, i);
      } else if (pass == 0) {
        decide_without_context();
      } else if (first_pass == 0) {
        for_each_index(order.size(), [&](std::size_t i) {
          if (prev_context(i, context_last) != kNoWord || next_context(i, context_first) != kNoWord) decide(pass, i);
        });
      } else {
        for_each_index(order.size(), [&](std::size_t i) {
          if (rescored[choices[i].form] || prev_context(i, context_last) != prev_context(i, read_last) ||
              next_context(i, context_first) != next_context(i, read_first))
            decide(pass, i);
        });
      }
      if (pass == 1) {
        read_first = context_first;
        read_last = context_last;
      }
      for (std::size_t i = 0; i < order.size(); ++i) {
        const Choice& ch = choices[i];
        const Scored& c = doc.scored[ch.form][ch.best];
        context_first[i] = c.first_id;
        context_last[i] = c.last_id;
      }
    }
  };
  decide_all(0);
  timer.lap("decide");
  // Adapt the channel to this document: the confusions behind its confident repairs are
  // likelier here ("medarbetarenkit" -> "medarbetarenkät" makes "hinder" -> "händer" thinkable),
  // then decide again.
  doc.words = static_cast<double>(choices.size());
  // These loops visit every word: they test what the choice and the packed scores hold first
  // and read a reading itself only for the few that pass.
  for (const Choice& ch : choices) {
    if (ch.best == ch.identity || ch.best_score - ch.identity_score < 2.0 || facts[ch.form].tier != 0) continue;
    if (doc.scored[ch.form][ch.best].tier != 2) continue;
    const Candidate& best = (*ch.cands)[ch.best];
    if (best.parts.size() == 1)
      for (const Confusion* r : best.rules) ++doc.confirmed[r];
  }
  // The two steps below give a form one more reading. Its list may be shared with the cache
  // and other documents, so the form gets a copy with the reading appended (the indices of the
  // others hold); the old list is gone when nothing else shared it, so until the decisions are
  // pointed at the new lists again, a step reads a form's list through doc.readings.
  bool extended_any = false;
  auto extend_readings = [&](std::uint32_t form, Candidate c) {
    set_prior(c);
    auto extended = std::make_shared<ReadingSet>(*doc.readings[form]);
    extended->add(std::move(c));
    doc.scored.grow(form, extended->cands.size());
    doc.readings[form] = extended.get();
    doc.owned[form] = std::move(extended);
    extended_any = true;
  };
  // The two steps look at forms no lexicon knows as written that a word of them was left as:
  // each form once (they only add to its readings, so the order does not matter).
  std::vector<char> unresolved(doc.readings.size(), 0);
  for (const Choice& ch : choices)
    if (facts[ch.form].tier == 0 && !unresolved[ch.form] && doc.scored[ch.form][ch.best].tier == 0)
      unresolved[ch.form] = 1;  // packed scores: those of the readings before the steps
  // Names the lists settled ("Hjelmstrém" read as "Hjelmström") are evidence for the same
  // name misread another way elsewhere ("Hjelmstréom"): a capitalized word no lexicon knows
  // that folds to one of them within one letter gets that name as a candidate.
  {
    std::vector<std::u32string> settled;
    for (std::size_t li = 0; li < lines.size(); ++li) {
      if (!name_list[li]) continue;
      for (const Token& t : lines[li].tokens) {
        if (t.slot < 0) continue;
        const Choice& ch = choices[static_cast<std::size_t>(t.slot)];
        const Candidate& c = (*ch.cands)[ch.best];
        if (c.parts.size() == 1 && c.parts[0].size() >= 5 && is_upper(c.parts[0][0]) && swedish_spelling(c.parts[0]))
          settled.push_back(c.parts[0]);
      }
    }
    std::sort(settled.begin(), settled.end());
    settled.erase(std::unique(settled.begin(), settled.end()), settled.end());
    for (std::uint32_t form = 0; form < unresolved.size() && !settled.empty(); ++form) {
      if (!unresolved[form]) continue;
      const auto& cands = doc.readings[form]->cands;  // as it is now (see extend_readings)
      const Candidate& id = cands[facts[form].identity];
      if (!is_upper(id.parts[0][0])) continue;
      for (const auto& name : settled) {
        if (name == id.parts[0] || folded_distance(name, id.parts[0]) > 1) continue;
        const auto& list = doc.readings[form]->cands;
        if (std::any_of(list.begin(), list.end(), [&](const Candidate& c) { return c.parts[0] == name; })) continue;
        Walk w;
        w.text = name;
        w.logp = w.base = kNameMatchLogP;
        extend_readings(form, single_word(std::move(w), 2));
        break;
      }
    }
  }
  // Words the document settled are evidence for the same word misread another way elsewhere
  // in it (TICCL's document lexicon): a form no lexicon knows that reads a word written with
  // å/ä/ö in the document, or one a clear repair gave back, with those letters stripped or
  // one of them misread ("Egoforedrag" where "Egofoéredrag" became "Egoföredrag", "gidllande"
  // where "gällande" stands) gets that word as a candidate, as likely as the document's use.
  {
    // The forms that may read such a word (a handful in a page): unresolved, of four letters or
    // more, not a listed name. Only the words that give a key one of them looks up are
    // collected: a page settles a few hundred words, and most match nothing.
    std::vector<std::pair<std::uint32_t, std::u32string>> open;  // form, as written in lower case
    for (std::uint32_t form = 0; form < unresolved.size(); ++form) {
      if (!unresolved[form]) continue;
      const Candidate& id = doc.readings[form]->cands[facts[form].identity];  // as it is now (see extend_readings)
      if (id.parts[0].size() < 4 || doc.names.count(id.lower[0])) continue;
      open.emplace_back(form, lower32(id.parts[0]));
    }
    std::u32string key;
    std::unordered_set<std::u32string> wanted;
    for (const auto& [form, seen] : open) {
      const std::u32string_view sv(seen);
      for (std::size_t i = 0; i < sv.size(); ++i)
        for (std::size_t n = 1; n <= 2 && i + n <= sv.size(); ++n) {
          stripped_key(sv.substr(0, i), sv.substr(i + n), key);
          wanted.insert(key);
        }
    }
    // Calls f(key) for each key a settled word gives: one per letter å/ä/ö, taken out.
    auto for_each_key = [&](const std::u32string& w, auto&& f) {
      if (w.size() < 4) return;
      for (std::size_t p = 0; p < w.size(); ++p)
        if (is_swedish_diacritic(w[p])) {
          stripped_key(std::u32string_view(w).substr(0, p), std::u32string_view(w).substr(p + 1), key);
          f(key);
        }
    };
    auto is_wanted = [&](const std::u32string& w) {
      bool any = false;
      for_each_key(w, [&](const std::u32string& k) { any = any || wanted.count(k) > 0; });
      return any;
    };
    // word (lower case) -> how often the document settled it
    std::unordered_map<std::u32string, double> settled;
    if (!wanted.empty()) {
      for (const auto& [word, n] : doc.intact)
        if (std::u32string w = to_u32(word); is_wanted(w)) settled[w] += n;
      // Clear repairs counted per (form, reading) first: one word's string built once, not per word.
      std::unordered_map<std::uint64_t, std::uint32_t> repairs;
      for (const Choice& ch : choices)
        if (ch.best != ch.identity && ch.best_score - ch.identity_score >= kSettledMargin)
          ++repairs[static_cast<std::uint64_t>(ch.form) << 16 | ch.best];
      for (const auto& [form_reading, n] : repairs) {
        const Candidate& c = doc.readings[form_reading >> 16]->cands[form_reading & 0xffff];
        if (c.parts.size() == 1 && std::any_of(c.parts[0].begin(), c.parts[0].end(), is_swedish_diacritic))
          if (std::u32string w = lower32(c.parts[0]); is_wanted(w)) settled[w] += n;
      }
    }
    std::unordered_map<std::u32string, std::vector<const std::u32string*>> by_key;
    for (const auto& entry : settled)
      for_each_key(entry.first, [&](const std::u32string& k) {
        if (wanted.count(k)) by_key[k].push_back(&entry.first);
      });
    for (const auto& [form, seen] : open) {
      if (by_key.empty()) break;
      const auto& cands = doc.readings[form]->cands;
      const Candidate& id = cands[facts[form].identity];
      const std::u32string_view sv(seen);
      // Of several words it may read, the one the document settled most often.
      const std::u32string* match = nullptr;
      for (std::size_t i = 0; i < sv.size(); ++i)
        for (std::size_t n = 1; n <= 2 && i + n <= sv.size(); ++n) {
          stripped_key(sv.substr(0, i), sv.substr(i + n), key);
          auto it = by_key.find(key);
          if (it == by_key.end()) continue;
          for (const std::u32string* w : it->second)
            if (*w != seen && misreads_diacritics(*w, seen) &&
                (!match || settled.at(*w) > settled.at(*match) || (settled.at(*w) == settled.at(*match) && *w < *match)))
              match = w;
        }
      if (!match) continue;
      if (std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) { return c.parts.size() == 1 && lower32(c.parts[0]) == *match; }))
        continue;
      // The word in the form's case: "0Okad" reads "Ökad", "GIDLLANDE" "GÄLLANDE".
      Walk w;
      w.text = *match;
      const auto first_letter = std::find_if(id.parts[0].begin(), id.parts[0].end(), is_letter);
      if (all_upper(id.parts[0])) w.text = to_u32(to_upper(to_utf8(w.text)));
      else if (first_letter != id.parts[0].end() && is_upper(*first_letter)) w.text = to_u32(capitalize(to_utf8(w.text)));
      w.logp = w.base = kSettledMatchLogP;
      Candidate c = single_word(std::move(w), trie.tier(trie.find(*match)));
      c.evidence = 2.0 * settled.at(*match);
      extend_readings(form, std::move(c));
    }
  }
  for (Choice& ch : choices) ch.cands = &doc.readings[ch.form]->cands;  // the extended lists
  if (!doc.confirmed.empty() || extended_any) {
    const std::vector<double> unadapted = doc.rule_logp;
    compute_rule_logps(doc);
    for (std::size_t r = 0; r < unadapted.size(); ++r)
      if (doc.rule_logp[r] != unadapted[r]) doc.changed_rule_bits |= std::uint64_t{1} << (r % 64);
    rescored.assign(doc.readings.size(), 0);
    for_each_index(doc.readings.size(), [&](std::size_t i) { rescored[i] = pack(doc, i, true); });
    decide_all(1);  // the first round's readings are the context
  }

  timer.lap("adapt");
  // Write the lines out, in parallel: a line nothing changed is the input line as it was.
  std::vector<std::string> rewritten(lines.size());
  std::vector<char> is_rewritten(lines.size(), 0);
  std::vector<std::vector<Change>> line_changes(lines.size());
  std::vector<std::size_t> line_changed(lines.size(), 0);
  for_blocks(lines.size(), 512, [&](const auto& range) {
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
      line.reserve(raw_lines[li].size() + raw_lines[li].size() / 8);
      auto append = [&line](std::u32string_view text) {
        for (char32_t c : text) append_utf8(line, c);
      };
      std::size_t cursor = 0;
      if (lw.junk_end > lw.junk_begin) ++line_changed[li];
      line_changed[li] += lw.digit_spans.size();
      if (options.record_changes)
        for (auto [b, e] : lw.digit_spans) {
          Change change;
          change.line = li + 1;
          change.column = b + 1;
          change.from = to_utf8(std::u32string_view(lw.read).substr(b, e - b));
          change.to = to_utf8(std::u32string_view(lw.text).substr(b, e - b));
          change.score = kDigitScore;
          changes.push_back(std::move(change));
        }
      if (lw.junk_end > lw.junk_begin && options.record_changes) {
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
        const bool small = pattern == CasePattern::capitalized && c.parts.size() == 1 && !ch.listed_name &&
                           c.name_weight == 0 &&  // "sal Åsen": a place, though "åsen" is a word
                           lower_cp(c.parts[0][0]) != lower_cp(original[0]) && !sentence_start(lw, ti) &&
                           lm.count(c.ids.front()) >= kFrequentWord;
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
          }
        }
        append(replacement);
        if (replacement == original) continue;
        ++line_changed[li];
        if (!options.record_changes) continue;
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
  timer.lap("output");
  return result;
}

Repairer::Repairer(const RepairOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  std::string dir = options.data_dir;
  LexiconOptions lex;
  lex.data_dir = dir;
  lex.user_word_files = options.user_word_files;
  detail::StageTimer timer("setup");
  // The parts are independent until the trie: load them side by side (start-up time counts
  // for every short job).
  tbb::parallel_invoke(
      [&] { impl_->lexicon = std::make_unique<Lexicon>(lex); },
      [&] {
        impl_->lm.load((fs::path(dir) / "lm-unigrams.tsv").string(), (fs::path(dir) / "lm-bigrams.tsv").string());
        impl_->confusions.load((fs::path(dir) / "confusions.tsv").string());
      });
  // The trie holds every listed word: the language model's vocabulary and our lists (strong),
  // Tesseract's web list (weak: it also holds stripped forms like "forslag").
  timer.lap("lexicon, language model");
  std::vector<detail::WordTrie::Entry> words;
  impl_->lm.for_each_word([&](const std::string& w, std::uint32_t) { words.emplace_back(w, 2); });
  impl_->lexicon->for_each_listed([&](std::string_view w, bool strong) { words.emplace_back(w, strong ? 2 : 1); });
  timer.lap("trie words");
  impl_->trie = detail::WordTrie(std::move(words));
  impl_->confusions.for_each([&](const Confusion& r) {
    if (r.truth.size() == 1 && is_digit(r.truth[0]) && r.seen.size() == 1 && is_letter(r.seen[0]) &&
        impl_->item_digits.find(r.seen[0]) == std::u32string::npos) {
      impl_->item_digits += r.seen[0];
      impl_->item_digits += r.truth[0];
    }
    if (std::any_of(r.truth.begin(), r.truth.end(), is_letter))
      for (char32_t c : r.seen)
        if (is_digit(c) && impl_->letter_digits.find(c) == std::u32string::npos) impl_->letter_digits += c;
  });
  timer.lap("trie");
  UErrorCode status = U_ZERO_ERROR;
  impl_->word_breaks.reset(icu::BreakIterator::createWordInstance(icu::Locale("sv", "SE"), status));
  if (U_FAILURE(status) || !impl_->word_breaks) throw SetupError("ICU word break iterator unavailable");
}

Repairer::~Repairer() = default;

void Repairer::repair(Document& doc) const {
  // Every line of every page, in reading order.
  std::vector<std::string_view> views;
  std::vector<char> page_starts;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where;  // page, line of each
  views.reserve(doc.line_count());
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (std::size_t l = 0; l < doc.pages[p].lines.size(); ++l) {
      views.emplace_back(doc.pages[p].lines[l].text);
      page_starts.push_back(l == 0);
      where.emplace_back(static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(l));
    }
  doc.changes.clear();
  doc.words = doc.repaired_words = doc.unknown_words = 0;
  const std::vector<repair::Piece> pieces = repair::plan_pieces(views, kPieceBytes);
  auto text_of = [&](const repair::Piece& piece) {
    PieceText t;
    for (std::size_t i = piece.first_line; i <= piece.last_line; ++i) {
      t.lines.push_back(piece.segment(views, i));
      t.page_starts.push_back(page_starts[i]);
    }
    t.continues_line = piece.continues_line();
    t.bytes = piece.bytes;
    return t;
  };
  // A line that pieces cut is put together from their parts once its last part is in; every
  // other line is rewritten in place as soon as its piece is done (no other piece reads it).
  std::string cut_line;
  bool cut_changed = false;
  auto apply = [&](const repair::Piece& piece, RepairedPiece&& part) {
    const std::size_t first_columns = utf8_length(views[piece.first_line].substr(0, piece.first_begin));
    for (Change& c : part.changes) {
      const std::size_t i = piece.first_line + c.line - 1;
      if (i == piece.first_line) c.column += first_columns;
      c.line = i + 1;
      c.page = doc.pages[where[i].first].number;
      doc.changes.push_back(std::move(c));
    }
    doc.repaired_words += part.changed_words;
    doc.words += part.words;
    doc.unknown_words += part.unknown_words;
    for (std::size_t i = piece.first_line; i <= piece.last_line; ++i) {
      const std::size_t k = i - piece.first_line;
      const bool whole = (i > piece.first_line || piece.first_begin == 0) &&
                         (i < piece.last_line || piece.last_end == views[i].size());
      std::string& text = doc.pages[where[i].first].lines[where[i].second].text;
      if (whole) {
        if (part.is_rewritten[k]) text = std::move(part.rewritten[k]);
        continue;
      }
      if (part.is_rewritten[k]) cut_line += part.rewritten[k];
      else cut_line += piece.segment(views, i);
      cut_changed |= part.is_rewritten[k] != 0;
      if (i < piece.last_line || piece.last_end == views[i].size()) {  // its last part
        if (cut_changed) text = std::move(cut_line);
        cut_line.clear();
        cut_changed = false;
      }
    }
  };
  if (pieces.empty()) return;
  // The first piece alone: it finds the readings of most forms, which the others then share
  // (two pieces at once would search the same forms twice). The rest two at a time, so that
  // one piece's serial steps (collecting forms and evidence, adapting) overlap the other's
  // parallel ones; the output is the same as one after the other.
  apply(pieces[0], impl_->run(text_of(pieces[0])));
  std::size_t next = 1;
  tbb::parallel_pipeline(
      2,
      tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                          [&](tbb::flow_control& fc) -> std::size_t {
                                            if (next < pieces.size()) return next++;
                                            fc.stop();
                                            return 0;
                                          }) &
          tbb::make_filter<std::size_t, std::pair<std::size_t, RepairedPiece>>(
              tbb::filter_mode::parallel,
              [&](std::size_t i) { return std::pair{i, impl_->run(text_of(pieces[i]))}; }) &
          tbb::make_filter<std::pair<std::size_t, RepairedPiece>, void>(
              tbb::filter_mode::serial_in_order,
              [&](std::pair<std::size_t, RepairedPiece>&& done) { apply(pieces[done.first], std::move(done.second)); }));
}

RepairResult Repairer::repair(std::string_view text) const {
  Document doc;
  load_text_lines(text, doc);
  repair(doc);
  RepairResult result;
  result.text = document_text(doc);
  result.changes = std::move(doc.changes);
  result.changed_words = doc.repaired_words;
  result.words = doc.words;
  result.unknown_words = doc.unknown_words;
  return result;
}

}  // namespace protokoll
