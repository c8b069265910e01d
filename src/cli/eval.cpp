// `protokoll eval`: a text scored against its gold text, with thresholds for a CI gate.
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "protokoll/eval.hpp"

namespace protokoll::cli {
namespace {

std::string read_text_file(const std::string& path) { return decode_text(read_bytes(path)).utf8; }

class EvalVerb : public Verb {
 public:
  explicit EvalVerb(CLI::App* sub) : sub_(sub) {
    sub->add_option("--output", output_, "the text to score")->required()->check(CLI::ExistingFile);
    sub->add_option("--gold", gold_, "the correct text")->required()->check(CLI::ExistingFile);
    sub->add_option("--input", input_, "the text before repair (adds fix and break rates)")->check(CLI::ExistingFile);
    sub->add_option("--min-fix", min_fix_, "exit 3 unless the fix rate is at least this (needs --input)");
    sub->add_option("--max-break", max_break_, "exit 3 unless the break rate is at most this (needs --input)");
    sub->add_option("--max-wer", max_wer_, "exit 3 unless the word error rate is at most this");
    sub->add_option("--max-cer", max_cer_, "exit 3 unless the character error rate is at most this");
  }
  CLI::App* subcommand() const override { return sub_; }

  int execute(char**) override {
    if ((min_fix_ || max_break_) && input_.empty()) {
      std::cerr << "protokoll eval: --min-fix and --max-break need --input\n";
      return kUsage;
    }
    const std::string out = read_text_file(output_), gold = read_text_file(gold_);
    std::optional<std::string> in;
    if (!input_.empty()) in = read_text_file(input_);
    const TextScores s = score_text(out, gold, in ? std::optional<std::string_view>(*in) : std::nullopt);
    nlohmann::ordered_json j;
    j["gold_words"] = s.gold_words;
    j["wer"] = s.wer;
    j["cer"] = s.cer;
    if (in) {
      j["input_wer"] = *s.input_wer;
      j["damaged"] = s.damaged;
      j["fixed"] = s.fixed;
      j["intact"] = s.intact;
      j["broken"] = s.broken;
      j["fix_rate"] = *s.fix_rate;
      j["break_rate"] = *s.break_rate;
    }
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    bool ok = true;
    auto check = [&](bool pass, const char* what) {
      if (!pass) {
        std::cerr << "protokoll eval: " << what << " not met\n";
        ok = false;
      }
    };
    if (min_fix_) check(*s.fix_rate >= *min_fix_, "--min-fix");
    if (max_break_) check(*s.break_rate <= *max_break_, "--max-break");
    if (max_wer_) check(s.wer <= *max_wer_, "--max-wer");
    if (max_cer_) check(s.cer <= *max_cer_, "--max-cer");
    return ok ? kOk : kThreshold;
  }

 private:
  CLI::App* sub_;
  std::string output_, gold_, input_;
  std::optional<double> min_fix_, max_break_, max_wer_, max_cer_;
};

}  // namespace

std::unique_ptr<Verb> make_eval(CLI::App& app, Shared&) {
  CLI::App* sub = app.add_subcommand("eval", "word and character error rates of a text against a gold text");
  sub->footer(
      "Example:\n  protokoll eval --output samples/legacy/000.txt --gold samples/legacy/000.gold.txt --max-wer 0.5");
  return std::make_unique<EvalVerb>(sub);
}

}  // namespace protokoll::cli
