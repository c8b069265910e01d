// The repair engine (internal). For every word token:
//   1. propose candidates by running the confusion model backwards over the damaged form
//      ("férvaltningen" -> "förvaltningen", "gidllande" -> "gällande", "0Okad" -> "Ökad"),
//      and splits of glued words ("Uppdragi" -> "Uppdrag i")          (candidates.cpp);
//   2. keep the candidates the lexicon knows (the token itself too, when it is a word);
//   3. score each: channel log P(seen | candidate) + prior (language model, lexicon tier,
//      document evidence) + context (bigrams with the chosen neighbours)      (scoring.cpp),
//      and take the best when it beats leaving the token as it is by more than the threshold
//      (decide.cpp).
// The channel adapts to the document (adapt.cpp): a text with no å/ä/ö at all lost them to OCR,
// so there "har" -> "här" is only a question of context; in clean text a valid word is left
// alone unless context is overwhelming.
//
// Engine::run (repairer.cpp) is the order of the steps over one document's state
// (repair/state.hpp); each step lives in its own file and is tested on its own.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/brkiter.h>

#include "models/confusion_model.hpp"
#include "models/language_model.hpp"
#include "models/lexicon.hpp"
#include "models/word_trie.hpp"
#include "protokoll/repair.hpp"
#include "repair/readings.hpp"
#include "repair/state.hpp"

namespace protokoll::repair {

/// One way through the confusions for a form: the output so far and its costs.
struct Walk {
  std::u32string text;  // cased output
  double logp = 0, base = 0;
  std::vector<const Confusion*> rules;
  std::uint8_t compounds = 0;  // boundaries the search put inside one part
};

struct FoundReadings;  // candidates.cpp: what one trie walk found

struct Engine {
  RepairOptions options;
  std::unique_ptr<Lexicon> lexicon;
  LanguageModel lm;
  ConfusionModel confusions;
  std::unique_ptr<icu::BreakIterator> word_breaks;  // cloned per call (not thread-safe)
  detail::WordTrie trie;                            // listed words, for candidate generation
  std::u32string letter_digits = U"01";             // digits OCR prints for letters; see repairable()
  std::u32string item_digits;  // letters OCR prints for digits, each followed by its digit ("S5l1O0")
  mutable ReadingCache reading_cache;
  /// Names' weights and kFrequentWord are counts per tuning::kNameScaleTokens tokens: this
  /// turns them into counts of the model loaded.
  double reference_scale() const { return static_cast<double>(lm.total()) / tuning::kNameScaleTokens; }

  /// Load the models (throws SetupError naming what is missing).
  explicit Engine(const RepairOptions& options);

  /// Repair one piece of a document: the steps in order over its state.
  RepairedPiece run(const PieceText& piece) const;

  // --- scoring.cpp: channel and priors
  /// The lexicon's tier of a cased form: 0 unknown, 1 weak (Tesseract's web list), 2 known.
  int tier_of(std::u32string_view cased) const;
  /// Channel log10 P(seen | truth) for one rule, adapted to the document's diacritic loss and
  /// the confusions it confirmed.
  double channel_rule(const Confusion& rule, const DocumentState& doc) const;
  void compute_rule_logps(DocumentState& doc) const;
  /// log10 P(c | c) in this document: a character read as itself.
  double channel_keep(char32_t c, const DocumentState& doc) const;
  /// log10 prior of a word before context.
  double word_prior(const std::string& lower, int id, int tier, double extra_count) const;
  /// A reading's score before context, with `intact` (the document's intact words) as evidence.
  double fixed_score(const Candidate& c, const std::unordered_map<std::string, int>* intact) const;
  /// Worked out once per reading (shared by the documents of a run): its prior and whether it
  /// has å/ä/ö.
  void set_prior(Candidate& c) const;
  /// A form's readings scored for this document; see scoring.cpp. Returns whether a score the
  /// document had for the form changed (only when `adapted`).
  bool pack(DocumentState& doc, std::size_t form, bool adapted) const;

  // --- candidates.cpp: the readings of a form
  /// All readings of a form (pure: safe to run for many forms in parallel).
  std::vector<Candidate> generate(const std::u32string& seen, const DocumentState& doc) const;
  /// The form as it stands, as a reading: every character kept.
  Candidate as_written(const std::u32string& seen, int tier, const DocumentState& doc) const;
  /// A one-word reading from a walk.
  Candidate single_word(Walk&& w, int tier) const;
  /// Whether `word` may begin like a word Hunspell knows, as far as the trie can tell.
  bool begins_listed_word(std::u32string_view word, std::size_t from = 0) const;

 private:
  // candidates.cpp
  void walk_trie(const std::u32string& seen, const DocumentState& doc, FoundReadings& done) const;
  std::uint32_t find_lower(std::u32string_view word) const;
  double name_weight_of(const Candidate& c) const;
  template <class RuleFilter>
  std::vector<Walk> plain_variants(const std::u32string& seen, const DocumentState& doc, int max_edits,
                                   std::size_t limit, RuleFilter use_rule) const;
  void add_lexicon_variants(const std::u32string& seen, const DocumentState& doc, std::vector<Candidate>& out) const;
  void add_respellings(const std::u32string& seen, const DocumentState& doc, std::vector<Candidate>& out) const;
};

// --- The steps, in the order Engine::run takes them ---------------------------------------------

/// tokens.cpp: each line as code points, its tokens (ICU's word breaks), protected spans (URLs,
/// addresses), numbers given their digits back (numbers.cpp), bullets read as letters.
void tokenize(const Engine& engine, DocumentState& doc);
/// numbers.cpp: agenda item numbers read as letters, given back in sequence.
void restore_item_numbers(const Engine& engine, DocumentState& doc);
/// tokens.cpp: logo junk at the top of a page.
void mark_page_top_junk(const Engine& engine, DocumentState& doc);
/// evidence.cpp: the share of å/ä/ö lost, the words that survived intact, names on lists.
void gather_evidence(const Engine& engine, DocumentState& doc);
/// readings.cpp: each distinct form's readings (cached or searched), scored, and a choice per word.
void find_readings(const Engine& engine, DocumentState& doc);
/// decide.cpp: the neighbours each decision reads its context from.
void find_neighbours(DocumentState& doc);
/// decide.cpp: decide every word, without context then with the neighbours' choices; from
/// `first_pass` 1 (after adapting) only the words whose scores or context changed.
void decide_all(const Engine& engine, DocumentState& doc, int first_pass);
/// adapt.cpp: adapt the channel and the readings to what the document settled; whether any
/// score changed (then decide again).
bool adapt(const Engine& engine, DocumentState& doc);
/// rewrite.cpp: the lines written out with their changes.
RepairedPiece rewrite(const Engine& engine, const DocumentState& doc);

// --- Helpers the steps share ------------------------------------------------------------------

/// Whether token ti of a line starts a sentence (or the line): there a capital says nothing
/// about names.
bool sentence_start(const LineWork& lw, std::size_t ti);

}  // namespace protokoll::repair
