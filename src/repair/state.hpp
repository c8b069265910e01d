// What the repair knows about one document while it repairs it (internal): the explicit state
// the steps (tokens, numbers, evidence, readings, decide, adapt, rewrite) pass between them.
// A document here is a piece of one input (repair/pieces.hpp): the unit of evidence.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "protokoll/document.hpp"
#include "repair/readings.hpp"
#include "repair/tuning.hpp"
#include "text/text_util.hpp"

namespace protokoll::repair {

// The lines of one piece of a document, as the engine reads them.
struct PieceText {
  std::vector<std::string_view> lines;
  std::vector<char> page_starts;  // per line: the first line of a page
  bool continues_line = false;    // the first line is the rest of a line cut by the piece before
  // Every line was read by an OCR model that knows å/ä/ö (Swedish): a word without them is
  // likelier as read than in text of unknown origin (tuning::kDiacriticPrior).
  bool read_by_swedish_model = false;
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

struct Token {
  std::uint32_t begin = 0, end = 0;  // code point offsets in the line
  std::int32_t slot = -1;            // index of its decision, -1 when it is not decided on
  bool word = false;
  bool fixed = false;                // never changed (numbers, URLs, acronyms, ...)
};

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
  std::size_t letters = 0, diacritics = 0;   // letters, and how many of them are å/ä/ö
  bool name_list = false;                    // the line lists people
};

inline constexpr std::uint16_t kNoReading = UINT16_MAX;
/// No context on that side (line start, punctuation that ends a clause).
inline constexpr int kNoWord = -2;

// One per word decided on (a 5 MB text has 800k): kept small. Indices are into *cands, which
// holds a few dozen readings at most.
struct Choice {
  const std::vector<Candidate>* cands = nullptr;
  double best_score = 0, identity_score = 0;
  std::uint32_t form = 0;      // index of the word form in DocumentState::readings
  float identity_bonus = 0;    // names and proper nouns as written
  std::uint16_t best = 0, identity = 0, runner_up = kNoReading;
  bool listed_name = false;    // the token is a name on a participant list
};

// What a word's choice needs of its form, found once per form rather than per word.
struct FormFacts {
  std::uint16_t identity = 0;  // index of the reading "as written"
  std::uint8_t tier = 0;       // the lexicon's tier of the form as written
  bool capitalized = false;    // "Mats", not "MATS" or "mats"
  bool listed = false;         // a name on one of the document's participant lists
};

struct DocumentState {
  explicit DocumentState(const PieceText& piece)
      : piece(piece), parallel(piece.bytes >= tuning::kParallelBytes), lines(piece.lines.size()) {}

  const PieceText& piece;
  // The loops over a text's lines, forms and words share the work out between threads when
  // the text is long (by its bytes, not its lines: a text may have lost its line breaks). A
  // page's are too short for that to pay (a batch repairs pages side by side instead): they run
  // on the calling thread, in blocks as they would be shared out.
  const bool parallel;
  template <class Body>
  void for_blocks(std::size_t n, std::size_t grain, Body&& body) const {
    if (parallel) {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, grain), body);
      return;
    }
    for (std::size_t b = 0; b < n; b += grain) body(tbb::blocked_range<std::size_t>(b, std::min(n, b + grain)));
  }
  template <class Body>
  void for_each_index(std::size_t n, Body&& body) const {
    if (parallel) {
      tbb::parallel_for(std::size_t(0), n, body);
      return;
    }
    for (std::size_t i = 0; i < n; ++i) body(i);
  }
  /// Bullets, item numbers and page-top junk stand only where a line starts: not at the first
  /// line of a piece that continues a line cut by the piece before.
  bool starts_line(std::size_t li) const { return li > 0 || !piece.continues_line; }

  // --- tokens (tokens.cpp, numbers.cpp)
  std::vector<LineWork> lines;

  // --- evidence (evidence.cpp)
  double strip = 0.5;  // estimated share of å/ä/ö that OCR lost in this document
  std::unordered_map<std::string, int> intact;  // lower-case words seen intact
  std::unordered_set<std::string, StringHash, std::equal_to<>> names;  // lower case, from participant lists
  // Confusions this document shows for certain (an unknown word that one reading turns into
  // a known word by a wide margin): they are likelier here than in general.
  std::unordered_map<const Confusion*, int> confirmed;
  double words = 0;  // word tokens decided on
  std::vector<double> rule_logp;  // Engine::channel_rule() of every confusion, for this document
  std::uint64_t changed_rule_bits = 0;  // bits (index mod 64) of the confusions adapting reweighed

  // --- readings (readings.cpp)
  // Readings per distinct word form, shared with the reading cache (and so with other
  // documents): never changed; a document that adds a reading (a name) copies the list first.
  // The cache owns what it holds; `owned` keeps the others (per form, mostly empty).
  std::vector<const ReadingSet*> readings;
  std::vector<std::shared_ptr<const ReadingSet>> owned;
  ScoredForms scored;  // per form, parallel to `readings`
  std::vector<FormFacts> facts;  // per form
  std::vector<std::pair<std::uint32_t, std::uint32_t>> order;  // (line, token) of repairable words
  std::vector<Choice> choices;  // one per entry of `order`
  std::size_t word_tokens = 0;  // every word token, repairable or not

  // --- decide (decide.cpp)
  // The neighbours a decision reads its context from: the nearest word on the same line each
  // way (its index in `order`), -1 for none.
  std::vector<std::int32_t> prev_of, next_of;
  // The language model ids each position currently reads as (its first and last word), as the
  // previous pass decided, and as the last pass with context read them.
  std::vector<int> context_first, context_last, read_first, read_last;
  std::vector<char> rescored;  // per form: its scores changed since the first round
};

}  // namespace protokoll::repair
