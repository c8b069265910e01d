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
  // With the input (the text before repair):
  std::optional<double> input_wer;
  std::size_t damaged = 0, fixed = 0, intact = 0, broken = 0;
  std::optional<double> fix_rate, break_rate;
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

}  // namespace protokoll
