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

/// One change the repair made, for --changes / --dry-run.
struct Change {
  std::size_t line = 0;    ///< 1-based
  std::size_t column = 0;  ///< 1-based, in code points of the input line
  std::string from, to;
  double score = 0;        ///< log10 margin over leaving the word as it was
  std::string runner_up;   ///< the next best candidate ("" when none)
};

struct RepairResult {
  std::string text;  ///< repaired text, same line count as the input
  std::vector<Change> changes;     ///< empty unless RepairOptions::record_changes
  std::size_t changed_words = 0;  ///< changes made (recorded or not)
  std::size_t words = 0;          ///< word tokens seen
  std::size_t unknown_words = 0;  ///< word tokens left that the lexicon does not know
};

/// Optional per-word OCR confidences, for text that came from OCR (indexed by line, then word).
using LineConfidences = std::vector<std::vector<float>>;

class Repairer {
 public:
  /// Loads the lexicon, the confusion model and the language model; throws std::runtime_error
  /// with an actionable message when a resource is missing.
  explicit Repairer(const RepairOptions& options);
  ~Repairer();
  Repairer(const Repairer&) = delete;
  Repairer& operator=(const Repairer&) = delete;

  /// Repair one document's text (the unit for document-level evidence). Thread-safe. A text
  /// longer than kPieceBytes is repaired in pieces of whole lines (preferably ending at a blank
  /// line), each a document of its own, so that memory does not grow with the file; a single
  /// line longer than that is cut after a space.
  RepairResult repair(std::string_view text) const;
  static constexpr std::size_t kPieceBytes = 1u << 20;


 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace protokoll
