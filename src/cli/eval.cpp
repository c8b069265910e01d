// `protokoll eval`: outputs scored against their gold, file by file or folder by folder, with
// thresholds and a saved baseline, so that it can gate a CI run. Texts are scored as
// `score.py text` does, records as `score.py json` does (the same numbers on the same files).
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "protokoll/eval.hpp"

namespace protokoll::cli {
namespace {

using ojson = nlohmann::ordered_json;

std::string read_text_file(const std::string& path) { return decode_text(read_bytes(path)).utf8; }
const char* kind_name(EvalKind k) { return k == EvalKind::text ? "text" : "records"; }

struct Scored {
  EvalCase c;
  std::optional<TextScores> text;
  std::optional<RecordScores> records;
};

// A metric a case missed: which, its value, the limit and by how much.
struct Miss {
  std::string name, kind, metric, limit_name;
  double value = 0, limit = 0;
  std::string message() const {
    std::ostringstream o;
    o << name << " (" << kind << "): ";
    if (metric.empty()) return o.str() + limit_name;
    o << metric << ' ' << std::setprecision(4) << value << (value < limit ? " < " : " > ") << limit_name << ' '
      << limit << " (by " << std::fabs(value - limit) << ')';
    return o.str();
  }
};

// The metrics a baseline compares, with the direction that is better.
std::vector<std::pair<std::string, double>> metrics_of(const Scored& s) {
  std::vector<std::pair<std::string, double>> m;
  if (s.text) {
    m = {{"wer", s.text->wer}, {"cer", s.text->cer}};
    if (s.text->fix_rate) m.insert(m.end(), {{"fix_rate", *s.text->fix_rate}, {"break_rate", *s.text->break_rate}});
  } else if (s.records) {
    m.emplace_back("overall", s.records->overall);
    for (const auto& [f, v] : s.records->field_mean) m.emplace_back(f, v);
  }
  return m;
}
bool lower_is_better(const std::string& metric) { return metric == "wer" || metric == "cer" || metric == "break_rate"; }

std::string fixed(double v, int digits) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(digits) << v;
  return o.str();
}

class EvalVerb : public Verb {
 public:
  explicit EvalVerb(CLI::App* sub) : sub_(sub) {
    sub->add_option("--output", output_, "what to score: a text or records file, or a folder of them (run --out-dir)")->required();
    sub->add_option("--gold", gold_, "the correct text or records: a file, or a folder of NAME.gold.txt / NAME.gold.json")->required();
    sub->add_option("--input", input_, "the text before repair, a file or folder (adds fix and break rates)");
    sub->add_flag("--json", json_, "print the scores as one JSON object (the shape --baseline reads)");
    sub->add_option("--baseline", baseline_, "a saved `eval --json`: exit 3 where a score is worse than it")->check(CLI::ExistingFile);
    sub->add_option("--tolerance", tolerance_, "how much worse than the baseline a score may be")->default_val(0.0);
    sub->add_option("--min-fix", min_fix_, "exit 3 where a text's fix rate is below this (needs --input)");
    sub->add_option("--max-break", max_break_, "exit 3 where a text's break rate is above this (needs --input)");
    sub->add_option("--max-wer", max_wer_, "exit 3 where a text's word error rate is above this");
    sub->add_option("--max-cer", max_cer_, "exit 3 where a text's character error rate is above this");
    sub->add_option("--min-field-score", min_field_, "exit 3 where a records field (date, items, ...) scores below this");
    sub->add_option("--min-overall", min_overall_, "exit 3 where a records file's overall score is below this");
  }
  CLI::App* subcommand() const override { return sub_; }

  int execute(char**) override {
    if ((min_fix_ || max_break_) && input_.empty()) {
      std::cerr << "protokoll eval: --min-fix and --max-break need --input\n";
      return kUsage;
    }
    EvalPlan plan;
    try {
      plan = plan_eval(output_, gold_, input_);
    } catch (const std::exception& e) {
      std::cerr << "protokoll eval: " << e.what() << '\n';
      return kUsage;
    }
    if (plan.cases.empty()) {
      std::cerr << "protokoll eval: nothing in " << output_ << " pairs with a gold in " << gold_ << '\n';
      return kUsage;
    }
    for (const auto& u : plan.unpaired) std::cerr << "protokoll eval: " << u << ": no gold for it, not scored\n";

    std::vector<Scored> scored;
    std::vector<Miss> misses;
    bool unreadable = false;
    for (const auto& c : plan.cases) {
      try {
        scored.push_back(score(c));
        if (c.output.empty()) misses.push_back({c.name, kind_name(c.kind), "", "no output for " + c.gold});
      } catch (const std::exception& e) {
        std::cerr << "protokoll eval: " << (c.output.empty() ? c.gold : c.output) << ": " << e.what() << '\n';
        unreadable = true;
      }
    }
    if (scored.empty()) return kSomeFailed;
    check_thresholds(scored, misses);
    if (!baseline_.empty() && !check_baseline(scored, misses)) return kUsage;

    const ojson all = to_json(scored, misses);
    if (json_) std::cout << all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else print_table(scored, all);
    for (const auto& m : misses) std::cerr << "protokoll eval: " << m.message() << '\n';
    if (!misses.empty()) return kThreshold;
    return unreadable ? kSomeFailed : kOk;
  }

 private:
  Scored score(const EvalCase& c) const {
    Scored s{c, std::nullopt, std::nullopt};
    if (c.kind == EvalKind::text) {
      const std::string out = c.output.empty() ? "" : read_text_file(c.output);
      if (!out.empty() && (out.front() == '{' || out.front() == '[') && !nlohmann::json::parse(out, nullptr, false).is_discarded())
        throw std::runtime_error("is JSON, but its gold " + c.gold + " is a text (records are scored against a .json gold)");
      std::optional<std::string> in;
      if (!c.input.empty()) in = read_text_file(c.input);
      s.text = score_text(out, read_text_file(c.gold), in ? std::optional<std::string_view>(*in) : std::nullopt);
    } else {
      std::vector<nlohmann::json> records;
      if (!c.output.empty()) records = parse_records(read_text_file(c.output));
      const nlohmann::json g = nlohmann::json::parse(read_text_file(c.gold), nullptr, false);
      if (g.is_discarded()) throw std::runtime_error(c.gold + ": the gold is not JSON");
      std::vector<std::pair<std::string, nlohmann::json>> golds;
      if (g.is_array())
        for (std::size_t i = 0; i < g.size(); ++i) golds.emplace_back(c.gold + "#" + std::to_string(i + 1), g[i]);
      else
        golds.emplace_back(c.gold, g);
      s.records = score_records(records, golds);
    }
    return s;
  }

  void check_thresholds(const std::vector<Scored>& scored, std::vector<Miss>& misses) const {
    for (const auto& s : scored) {
      const std::string kind = kind_name(s.c.kind);
      auto over = [&](const char* metric, double v, const std::optional<double>& max, const char* opt) {
        if (max && v > *max) misses.push_back({s.c.name, kind, metric, opt, v, *max});
      };
      auto under = [&](const std::string& metric, double v, const std::optional<double>& min, const char* opt) {
        if (min && v < *min) misses.push_back({s.c.name, kind, metric, opt, v, *min});
      };
      if (s.text) {
        over("wer", s.text->wer, max_wer_, "--max-wer");
        over("cer", s.text->cer, max_cer_, "--max-cer");
        if (s.text->fix_rate) {
          under("fix_rate", *s.text->fix_rate, min_fix_, "--min-fix");
          over("break_rate", *s.text->break_rate, max_break_, "--max-break");
        }
      } else if (s.records) {
        under("overall", s.records->overall, min_overall_, "--min-overall");
        for (const auto& [f, v] : s.records->field_mean) under(f, v, min_field_, "--min-field-score");
      }
    }
  }

  // False when the baseline cannot be read (a setup error, not a miss).
  bool check_baseline(const std::vector<Scored>& scored, std::vector<Miss>& misses) const {
    const nlohmann::json base = nlohmann::json::parse(read_text_file(baseline_), nullptr, false);
    if (base.is_discarded() || !base.contains("cases") || !base["cases"].is_array()) {
      std::cerr << "protokoll eval: " << baseline_ << ": not a saved `protokoll eval --json`\n";
      return false;
    }
    std::map<std::pair<std::string, std::string>, const Scored*> now;
    for (const auto& s : scored) now[{s.c.name, kind_name(s.c.kind)}] = &s;
    for (const auto& b : base["cases"]) {
      const std::string name = b.value("name", ""), kind = b.value("kind", "");
      const auto it = now.find({name, kind});
      if (it == now.end()) {
        misses.push_back({name, kind, "", "in the baseline, not scored now"});
        continue;
      }
      const nlohmann::json& was = b.contains("scores") ? b["scores"] : nlohmann::json::object();
      for (const auto& [metric, v] : metrics_of(*it->second)) {
        const nlohmann::json* old = nullptr;
        if (was.contains(metric) && was[metric].is_number()) old = &was[metric];
        else if (was.contains("field_mean") && was["field_mean"].contains(metric)) old = &was["field_mean"][metric];
        if (!old) continue;
        const double limit = old->get<double>() + (lower_is_better(metric) ? tolerance_ : -tolerance_);
        if (lower_is_better(metric) ? v > limit + 1e-12 : v < limit - 1e-12)
          misses.push_back({name, kind, metric, "the baseline", v, old->get<double>()});
      }
    }
    return true;
  }

  ojson to_json(const std::vector<Scored>& scored, const std::vector<Miss>& misses) const {
    ojson j;
    j["schema"] = "protokoll.eval/1";
    j["cases"] = ojson::array();
    std::vector<TextScores> texts;
    std::vector<RecordScores> records;
    for (const auto& s : scored) {
      ojson c;
      c["name"] = s.c.name;
      c["kind"] = kind_name(s.c.kind);
      c["output"] = s.c.output.empty() ? ojson() : ojson(s.c.output);
      c["gold"] = s.c.gold;
      if (!s.c.input.empty()) c["input"] = s.c.input;
      if (s.text) {
        c["scores"] = protokoll::to_json(*s.text);
        texts.push_back(*s.text);
      } else {
        c["scores"] = protokoll::to_json(*s.records);
        records.push_back(*s.records);
      }
      j["cases"].push_back(std::move(c));
    }
    j["total"] = ojson::object();
    if (!texts.empty()) j["total"]["text"] = protokoll::to_json(pool_text_scores(texts));
    if (!records.empty()) {
      ojson r = protokoll::to_json(pool_record_scores(records));
      r.erase("per_doc");  // each case has its own
      j["total"]["records"] = std::move(r);
    }
    j["missed"] = ojson::array();
    for (const auto& m : misses) j["missed"].push_back(m.message());
    return j;
  }

  static void print_table(const std::vector<Scored>& scored, const ojson& all) {
    std::size_t width = 5;
    for (const auto& s : scored) width = std::max(width, s.c.name.size());
    auto pad = [&](const std::string& s) { return s + std::string(width + 2 - std::min(width + 1, s.size()), ' '); };
    auto text_row = [&](const std::string& name, const ojson& t) {
      std::cout << pad(name) << std::setw(7) << t["gold_words"].get<std::size_t>() << "  " << fixed(t["wer"], 4) << "  "
                << fixed(t["cer"], 4);
      if (t.contains("fix_rate"))
        std::cout << "  " << fixed(t["fix_rate"], 3) << " (" << t["fixed"] << '/' << t["damaged"] << ")  "
                  << fixed(t["break_rate"], 4) << " (" << t["broken"] << '/' << t["intact"] << ')';
      std::cout << '\n';
    };
    auto records_row = [&](const std::string& name, const ojson& r) {
      std::cout << pad(name) << std::setw(4) << r["records"].get<std::size_t>() << '/' << std::left << std::setw(4)
                << r["expected"].get<std::size_t>() << std::right << "  " << fixed(r["overall"], 3);
      std::string below;
      for (const auto& [f, v] : r["field_mean"].items())
        if (v.get<double>() < 1) below += (below.empty() ? "  " : ", ") + f + ' ' + fixed(v, 3);
      std::cout << below << '\n';
    };
    // One table per kind: its header, a row per case of that kind, and the pooled row.
    auto section = [&](const char* kind, const char* header, const auto& print_row) {
      bool any = false;
      for (std::size_t i = 0; i < scored.size(); ++i)
        if (all["cases"][i]["kind"] == kind) {
          if (!any) std::cout << pad(kind) << header << '\n';
          any = true;
          print_row(scored[i].c.name, all["cases"][i]["scores"]);
        }
      if (any && all["total"].contains(kind)) print_row("all", all["total"][kind]);
    };
    section("text", "  words  WER     CER     fixed            broken", text_row);
    section("records", "found/gold  overall  fields below 1", records_row);
  }

  CLI::App* sub_;
  std::string output_, gold_, input_, baseline_;
  bool json_ = false;
  double tolerance_ = 0;
  std::optional<double> min_fix_, max_break_, max_wer_, max_cer_, min_field_, min_overall_;
};

}  // namespace

std::unique_ptr<Verb> make_eval(CLI::App& app, Shared&) {
  CLI::App* sub = app.add_subcommand("eval", "outputs scored against their gold (text and records); thresholds make it a CI gate");
  sub->footer(
      "Outputs pair with gold by name: run --out-dir's a.legacy.txt.txt and a.legacy.txt.records.json\n"
      "with a.gold.txt and a.gold.json. A gold whose kind was scored but that has no output is a miss.\n"
      "Exit 0 all met, 2 an output could not be read, 3 a threshold or the baseline was missed\n"
      "(each miss on stderr: file, metric, value, limit, by how much).\n\n"
      "Example:\n"
      "  protokoll eval --output samples/legacy/000.txt --gold samples/legacy/000.gold.txt --max-wer 0.5\n"
      "  protokoll run --out-dir out samples/heldout/\n"
      "  protokoll eval --output out --gold samples/heldout --input samples/heldout --min-fix 0.9 --max-wer 0.05");
  return std::make_unique<EvalVerb>(sub);
}

}  // namespace protokoll::cli
