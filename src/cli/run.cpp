// `protokoll run` and `protokoll segment`: inputs in, one JSON record per meeting out.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/outputs.hpp"

namespace protokoll::cli {
namespace {

// Records to stdout as they come, each batch flushed: JSON Lines a record a line; one JSON
// array over the whole run (opened at the first record, closed at the end, the same bytes as
// one dump of all of them); or the cleaned text, a form feed between meetings.
class RecordPrinter {
 public:
  explicit RecordPrinter(const std::string& format) : format_(format) {}
  void print(const std::vector<Record>& records) {
    for (const Record& r : records) {
      if (format_ == "json") {
        const std::string one = r.to_json().dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        std::cout << (printed_ ? ",\n  " : "[\n  ");
        for (char c : one) {
          std::cout << c;
          if (c == '\n') std::cout << "  ";
        }
      } else if (format_ == "text") {
        if (printed_) std::cout << '\f';
        std::cout << r.text;
        if (!r.text.empty() && r.text.back() != '\n') std::cout << '\n';
      } else {
        std::cout << r.to_json().dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      }
      ++printed_;
    }
    std::cout.flush();
  }
  void finish() {
    if (format_ == "json") std::cout << (printed_ ? "\n]\n" : "[]\n");
    std::cout.flush();
  }

 private:
  std::string format_;
  std::size_t printed_ = 0;
};

// Both verbs read inputs, optionally repair them, and print the records of their meetings.
class RecordsVerb : public Verb {
 public:
  RecordsVerb(Shared& shared, CLI::App* sub, bool repair) : shared_(shared), sub_(sub), repair_(repair) {
    sub->add_option("--format", format_, "jsonl (one record a line), json (an array) or text (the cleaned text)")
        ->check(CLI::IsMember({"jsonl", "json", "text"}))
        ->capture_default_str();
    sub->add_flag("--per-file", shared.options.per_file,
                  "each file its own stream of meetings, its records written as soon as it is read");
    if (!repair) return;
    sub->add_option("--out-dir", out_dir_,
                    "write per input NAME.records.json, NAME.txt and NAME.changes.jsonl here, each whole or "
                    "not at all (implies --per-file; a manifest goes to DIR/manifest.jsonl)");
    sub->add_option("--manifest", manifest_path_, "append one JSON line per input as it finishes (status, sha256, outputs, ...)");
    sub->add_option("--report", report_dir_, "also write a review report (HTML) here, as `protokoll report --out` does (implies --per-file)");
    sub->add_option("--shard", shard_,
                    "K/N: only the inputs of shard K (1..N) by content hash, for N runs side by side; auto: K and N "
                    "from a Slurm array job or Kubernetes Indexed Job (docs/scale-out.md)");
    sub->add_flag("--resume", resume_, "skip inputs the manifest has as done with the same content and outputs present");
    sub->add_flag("--no-repair", no_repair_, "skip the repair stage");
    sub->add_option("--changes", shared.changes_path, "write every repair as JSON Lines to this file");
    add_repair_options(sub, shared);
    add_ocr_options(sub, shared);
  }
  CLI::App* subcommand() const override { return sub_; }
  int execute(char** argv) override {
    shared_.options.repair_text = repair_ && !no_repair_;
    shared_.options.repair.record_changes = !shared_.changes_path.empty() || !out_dir_.empty() || !report_dir_.empty();
    std::optional<ReportFolder> report;
    if (!report_dir_.empty()) {
      shared_.options.per_file = true;
      shared_.options.ocr.preview_width = kReportImageWidth;
      report.emplace(report_dir_);
      shared_.report = &*report;
    }
    if (!shard_.empty()) {
      if (const std::string error = parse_shard(shard_, shared_.options); !error.empty()) {
        std::cerr << "protokoll: " << error << '\n';
        return kUsage;
      }
      // A meeting never spans shards, so none may span files: the union equals a plain run.
      shared_.options.per_file = true;
    }
    if (!out_dir_.empty()) {
      shared_.options.per_file = true;
      const std::size_t n = shared_.options.shard_count;
      if (manifest_path_.empty())
        manifest_path_ = (std::filesystem::path(out_dir_) /
                          (n > 1 ? "manifest." + std::to_string(shared_.options.shard + 1) + "-of-" + std::to_string(n) + ".jsonl"
                                 : std::string("manifest.jsonl")))
                             .string();
    }
    if (resume_ && manifest_path_.empty()) {
      std::cerr << "protokoll: --resume needs --manifest FILE or --out-dir DIR\n";
      return kUsage;
    }
    std::map<std::string, nlohmann::json> before;
    std::optional<Manifest> manifest;
    try {
      if (resume_) before = Manifest::read_last_entries(manifest_path_);
      if (!manifest_path_.empty()) manifest.emplace(manifest_path_);
    } catch (const std::exception& e) {
      std::cerr << "protokoll: " << e.what() << '\n';
      return kUsage;
    }
    if (manifest) shared_.manifest = &*manifest;
    if (resume_)
      shared_.options.already_done = [&before](const Source& source) {
        const auto it = before.find(source.path);
        return it != before.end() && done_before(it->second, source.sha256);
      };
    const auto started = std::chrono::steady_clock::now();
    Pipeline records_of(shared_.options);
    RecordStream stream;  // one stream of meetings over all inputs (without --per-file)
    RecordPrinter printer(format_);
    std::size_t meetings = 0;
    bool write_failed = false;
    const int code = process_inputs(shared_, argv, false, [&](Document&& doc) {
      if (!shared_.options.per_file) {
        // Its meetings may go on in the next input: the stream says which are complete.
        if (manifest) manifest->append(manifest_entry(doc, 0, {}));
        const std::vector<Record> records = stream.add(std::move(doc));
        meetings += records.size();
        printer.print(records);
        return;
      }
      // Each file its own meetings: its records are complete now, so they go out now.
      std::vector<Record> records = records_of.records(std::span<const Document>(&doc, 1));
      meetings += records.size();
      if (report && !write_failed) write_or_stop(write_failed, [&] { report->add(doc, records); });
      if (out_dir_.empty()) {
        printer.print(records);
        if (manifest) manifest->append(manifest_entry(doc, records.size(), {}));
        return;
      }
      write_outputs(doc, records, *manifest, write_failed);
    });
    if (code == kUsage) return code;
    if (!shared_.options.per_file) {
      const std::vector<Record> records = stream.finish();
      meetings += records.size();
      printer.print(records);
    }
    if (out_dir_.empty()) printer.finish();
    if (!shared_.quiet && (!out_dir_.empty() || ::isatty(STDERR_FILENO)) && shared_.tally.inputs > 1) {
      const auto& t = shared_.tally;
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << "protokoll: " << t.inputs << " inputs: " << t.done << " read (" << t.pages << " pages, " << meetings
                << " meetings, " << t.repairs << " repairs, " << t.warnings << " warnings), " << t.skipped << " skipped, "
                << t.resumed << " done before, " << t.failed << " failed"
                << (shared_.options.shard_count > 1 ? ", " + std::to_string(t.other_shard) + " in other shards" : std::string())
                << "; " << std::fixed << std::setprecision(1)
                << seconds << " s\n";
    }
    if (report && !write_failed) write_or_stop(write_failed, [&] { report->finish(); });
    if (write_failed) return kUsage;
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
  std::string out_dir_, manifest_path_, report_dir_, shard_;
  bool resume_ = false;

  // The three files of one input, each whole or not at all, then its manifest entry: an entry
  // that says ok names files that are there. A write that fails (a full disk) stops the run:
  // every later input would fail the same way.
  void write_outputs(const Document& doc, const std::vector<Record>& records, Manifest& manifest, bool& failed) {
    if (failed) return;
    const std::filesystem::path stem = output_stem(out_dir_, doc.source.path);
    const std::string base = stem.string();
    std::string records_json, changes;
    {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (const auto& r : records) all.push_back(r.to_json());
      records_json = all.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
      std::ostringstream c;
      write_changes(c, doc.source.path, doc.changes);
      changes = c.str();
    }
    const std::vector<std::string> outputs{base + ".records.json", base + ".txt", base + ".changes.jsonl"};
    write_or_stop(failed, [&] {
      write_atomically(outputs[0], records_json);
      write_atomically(outputs[1], document_text(doc));
      write_atomically(outputs[2], changes);
      manifest.append(manifest_entry(doc, records.size(), outputs));
    });
  }
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
