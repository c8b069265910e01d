// The repair stage: restore Swedish text that OCR damaged (lost diacritics, character
// confusions, glued words, bullet glyphs), noisy-channel style: a candidate's score is the
// confusion likelihood of the damaged form times its probability in context, with evidence
// from the rest of the document. Line i out is line i in.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protokoll/document.hpp"


namespace protokoll {

struct RepairOptions {
  std::string data_dir;                      ///< dictionaries/
  std::vector<std::string> user_word_files;  ///< --words
  /// Minimum score margin (log10) by which a change must beat leaving the word as it is.
  /// Higher is safer (fewer changes, fewer breaks); lower repairs more.
  double threshold = 0.0;
  bool bullets = true;  ///< turn bullet glyphs read as letters ("e ", "o ", "¢ ") into • and ◦
  /// Fill RepairResult::changes (for --changes, --dry-run). Off, only changed_words is counted:
  /// a whole archive's changes with their runners-up cost time and memory nobody reads.
  bool record_changes = true;
  /// Share the readings found for a word form across the documents this Repairer repairs (an
  /// archive of page files repeats most forms on every page). Results are the same either way.
  bool share_readings = true;
};

/// The repair of a text given as a string (Repairer::repair(std::string_view)).
struct RepairResult {
  std::string text;               ///< repaired text: line i out is line i in, line ends as they came
  std::vector<Change> changes;    ///< empty unless RepairOptions::record_changes
  std::size_t changed_words = 0;  ///< changes made (recorded or not)
  std::size_t words = 0;          ///< word tokens seen
  std::size_t unknown_words = 0;  ///< word tokens left that the lexicon does not know
};

class Repairer {
 public:
  /// Loads the lexicon, the confusion model and the language model; throws std::runtime_error
  /// with an actionable message when a resource is missing.
  explicit Repairer(const RepairOptions& options);
  ~Repairer();
  Repairer(const Repairer&) = delete;
  Repairer& operator=(const Repairer&) = delete;

  /// Repair a document's lines in place: one document for the evidence (its share of lost
  /// å/ä/ö, the words it shows intact, its lists of names). Sets doc.words, repaired_words and
  /// unknown_words, and doc.changes when RepairOptions::record_changes. Thread-safe. A document
  /// longer than kPieceBytes is repaired in pieces of whole lines (preferably ending at a blank
  /// line), each a document of its own, so that memory does not grow with the file; a single
  /// line longer than that is cut after a space, which shows neither in the text nor in the
  /// changes' columns.
  void repair(Document& doc) const;
  /// The same for a text given as a string (UTF-8): normalized, repaired, written back.
  RepairResult repair(std::string_view text) const;
  static constexpr std::size_t kPieceBytes = 1u << 20;


 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace protokoll
