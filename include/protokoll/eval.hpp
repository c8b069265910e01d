// Evaluation of a text output against a gold text: word and character error rates, computed
// the same way as the project's yardstick (words are maximal runs of letters/digits after NFC).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace protokoll {

struct TextScores {
  std::size_t gold_words = 0;
  double wer = 0, cer = 0;
  std::size_t diacritic_words = 0;  ///< gold words with å, ä, ö or é
  double diacritic_acc = 0;         ///< of those, the share the output has aligned as they are
  // With the input (the text before repair):
  std::optional<double> input_wer;
  std::size_t damaged = 0, fixed = 0, intact = 0, broken = 0;
  std::optional<double> fix_rate, break_rate;
  std::optional<double> error_reduction;  ///< 1 - wer / input_wer
  // The counts behind the rates, so that several texts can be pooled exactly.
  std::size_t word_errors = 0, char_errors = 0, gold_chars = 0, input_word_errors = 0, diacritic_hits = 0;
};

/// Words as the yardstick counts them.
std::vector<std::string> eval_words(std::string_view text);

TextScores score_text(std::string_view output, std::string_view gold,
                      std::optional<std::string_view> input = std::nullopt);

/// One gold record's field scores (0..1 each), in the order the yardstick lists them.
struct RecordFieldScores {
  std::string doc;
  std::vector<std::pair<std::string, double>> fields;
};
struct RecordScores {
  std::size_t records = 0, expected = 0, extra = 0;  ///< extra: records no gold asked for (or second ones)
  std::vector<RecordFieldScores> per_doc;
  std::vector<std::pair<std::string, double>> field_mean;  ///< per field, and "segmentation" last
  double overall = 0;                                      ///< the mean of the field means
};

/// Meeting records scored against gold records (name, JSON) as the project's yardstick does:
/// each gold matched to the first record of its date; date, start, end, location, secretary,
/// chair exact; participants, absent, adjusters as F1 of names; items as F1 of titles matched
/// with a Levenshtein ratio of 0.85; decisions as recall; `segmentation` = gold meetings found
/// / (gold meetings + records no gold has).
RecordScores score_records(const std::vector<nlohmann::json>& records,
                           const std::vector<std::pair<std::string, nlohmann::json>>& golds);

/// Several texts scored as one: edits and words summed, so the rates are those of the whole.
TextScores pool_text_scores(const std::vector<TextScores>& parts);
/// Several record files scored as one: every gold record's row together, field means over all
/// rows, stray records summed (each file's records were matched only to that file's gold).
RecordScores pool_record_scores(const std::vector<RecordScores>& parts);

/// The scores as JSON with the yardstick's keys (score.py text / json), so the two can be diffed.
nlohmann::ordered_json to_json(const TextScores& s);
nlohmann::ordered_json to_json(const RecordScores& s);

/// Meeting records from a file's text: a JSON array or object (run --format json, run
/// --out-dir's NAME.records.json) or JSON Lines (run's default; lines that are not JSON are
/// skipped, as the yardstick does). Throws std::runtime_error when nothing in it is JSON.
std::vector<nlohmann::json> parse_records(const std::string& text);

// -- Pairing outputs with their gold, for `protokoll eval` over files or folders. --

enum class EvalKind { text, records };

/// One thing to score: an output and its gold, with the input before repair where one is known.
struct EvalCase {
  std::string name;    ///< the pairing key: the file name without its extensions and role
  EvalKind kind = EvalKind::text;
  std::string output;  ///< empty: the gold has no output (a miss, never silently dropped)
  std::string gold;
  std::string input;   ///< text only; may be empty
};

struct EvalPlan {
  std::vector<EvalCase> cases;            ///< sorted by name, text before records
  std::vector<std::string> unpaired;      ///< outputs no gold matched
};

/// The key a file pairs by: its name without extensions and role words, so that
/// `a.legacy.txt.records.json` (run --out-dir), `a.gold.json`, `a.legacy.txt` and `a.txt` all
/// give "a".
std::string eval_key(const std::string& file_name);

/// Pairs outputs with gold (and inputs) given as files or folders (read recursively). A file
/// and a file pair directly; a folder pairs by eval_key. In a gold folder, `*.gold.txt` (or
/// else `*.source.txt`) is a text's gold and `*.gold.json` a records' gold; in an output
/// folder, `*.json`/`*.jsonl` are records (not `*.changes.jsonl` or a manifest) and `*.txt`
/// texts; in an input folder `*.legacy.txt` (or else `*.txt`). Throws std::runtime_error,
/// naming the files, when two outputs or two inputs claim one gold or a path is not there.
EvalPlan plan_eval(const std::string& output, const std::string& gold, const std::string& input = "");

}  // namespace protokoll
