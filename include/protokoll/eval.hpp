// Evaluation of a text output against a gold text: word and character error rates, computed
// the same way as the project's yardstick (words are maximal runs of letters/digits after NFC).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace protokoll
