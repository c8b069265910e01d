// `protokoll run` and `protokoll segment`: inputs in, one JSON record per meeting out.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.hpp"

namespace protokoll::cli {
namespace {

void print_records(const std::vector<Record>& records, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& r : records) all.push_back(r.to_json());
    std::cout << all.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  } else if (format == "text") {
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (i) std::cout << '\f';
      std::cout << records[i].text;
      if (!records[i].text.empty() && records[i].text.back() != '\n') std::cout << '\n';
    }
  } else {
    for (const auto& r : records)
      std::cout << r.to_json().dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }
}

// Both verbs read inputs, optionally repair them, and print the records of their meetings.
class RecordsVerb : public Verb {
 public:
  RecordsVerb(Shared& shared, CLI::App* sub, bool repair) : shared_(shared), sub_(sub), repair_(repair) {
    sub->add_option("--format", format_, "jsonl (one record a line), json (an array) or text (the cleaned text)")
        ->check(CLI::IsMember({"jsonl", "json", "text"}))
        ->capture_default_str();
    sub->add_flag("--per-file", shared.options.per_file, "each file its own stream of meetings");
    if (!repair) return;
    sub->add_flag("--no-repair", no_repair_, "skip the repair stage");
    sub->add_option("--changes", shared.changes_path, "write every repair as JSON Lines to this file");
    add_repair_options(sub, shared);
    add_ocr_options(sub, shared);
  }
  CLI::App* subcommand() const override { return sub_; }
  int execute(char** argv) override {
    shared_.options.repair_text = repair_ && !no_repair_;
    shared_.options.repair.record_changes = !shared_.changes_path.empty();
    std::vector<Document> loaded;
    const int code = process_inputs(shared_, argv, false, [&](Document&& doc) { loaded.push_back(std::move(doc)); });
    if (code == kUsage) return code;
    print_records(Pipeline(shared_.options).records(loaded), format_);
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "protokoll: cannot write to standard output\n";
      return kUsage;
    }
    return code;
  }

 private:
  Shared& shared_;
  CLI::App* sub_;
  bool repair_;
  bool no_repair_ = false;
  std::string format_ = "jsonl";
};

}  // namespace

std::unique_ptr<Verb> make_run(CLI::App& app, Shared& shared) {
  CLI::App* sub = app.add_subcommand("run", "the whole chain: inputs -> OCR or text -> repair -> meeting records");
  sub->footer(
      "Example:\n  protokoll run samples/ | jq -r '.date + \"  \" + .location'\n"
      "  protokoll run --format text samples/pages/ > clean.txt");
  sub->add_option("inputs", shared.inputs, "files, directories (read recursively) or - for stdin")->required();
  return std::make_unique<RecordsVerb>(shared, sub, true);
}

std::unique_ptr<Verb> make_segment(CLI::App& app, Shared& shared) {
  CLI::App* sub = app.add_subcommand("segment", "split clean text into meetings and extract their records");
  sub->footer("Example:\n  protokoll segment samples/pages/ks-au-2023-03-14.source.txt | jq '{date, location, items: [.items[].title]}'");
  sub->add_option("inputs", shared.inputs, "text files or - for stdin (default)");
  return std::make_unique<RecordsVerb>(shared, sub, false);
}

}  // namespace protokoll::cli
