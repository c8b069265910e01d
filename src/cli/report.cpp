// `protokoll report` and what `run --report` shares with it: the review report's folder.
#include <filesystem>
#include <iostream>

#include "cli/common.hpp"
#include "cli/outputs.hpp"

namespace protokoll::cli {
namespace fs = std::filesystem;

void ReportFolder::add(const Document& doc, std::span<const Record> records) {
  const fs::path stem = output_stem(dir_, doc.source.path);
  const fs::path inside = stem.lexically_relative(dir_);
  // From the page back up to the index: one "../" per folder the input's path goes down.
  std::string up;
  for (auto it = inside.begin(); it != inside.end() && std::next(it) != inside.end(); ++it) up += "../";
  const std::string name = stem.filename().string();
  DocumentReport page = document_report(doc, records, name, up + "index.html");
  // The images first: a page on disk finds its images there.
  for (const auto& image : page.images) write_atomically(stem.parent_path() / image.file, image.bytes);
  write_atomically(stem.string() + ".html", page.html);
  page.entry.href = inside.string() + ".html";
  entries_.push_back(std::move(page.entry));
}

void ReportFolder::add_failure(const InputFailure& failure) {
  ReportEntry e;
  e.input = failure.path;
  e.error = failure.reason;
  e.kind = failure.skipped ? "skipped" : "failed";
  entries_.push_back(std::move(e));
}

void ReportFolder::finish() { write_atomically(fs::path(dir_) / "index.html", index_report(entries_)); }

namespace {

class ReportVerb : public Verb {
 public:
  ReportVerb(Shared& shared, CLI::App* sub) : shared_(shared), sub_(sub) {
    sub->add_option("--out", out_, "the report's folder: index.html and a page per input")->required();
    sub->add_flag("--no-repair", no_repair_, "show the text as read, without the repair");
    add_repair_options(sub, shared);
    add_ocr_options(sub, shared);
  }
  CLI::App* subcommand() const override { return sub_; }
  int execute(char** argv) override {
    shared_.options.repair_text = !no_repair_;
    shared_.options.repair.record_changes = true;
    shared_.options.per_file = true;
    shared_.options.ocr.preview_width = kReportImageWidth;
    ReportFolder folder(out_);
    shared_.report = &folder;
    Pipeline records_of(shared_.options);
    bool failed_write = false;
    const int code = process_inputs(shared_, argv, false, [&](Document&& doc) {
      if (failed_write) return;
      write_or_stop(failed_write, [&] { folder.add(doc, records_of.records(std::span<const Document>(&doc, 1))); });
    });
    if (code == kUsage) return code;
    // The index of what was done, also after a page could not be written.
    write_or_stop(failed_write, [&] { folder.finish(); });
    if (!shared_.quiet) std::cerr << "protokoll: report written to " << (fs::path(out_) / "index.html").string() << '\n';
    return failed_write ? kUsage : code;
  }

 private:
  Shared& shared_;
  CLI::App* sub_;
  std::string out_;
  bool no_repair_ = false;
};

}  // namespace

std::unique_ptr<Verb> make_report(CLI::App& app, Shared& shared) {
  CLI::App* sub = app.add_subcommand("report", "a review report in HTML: what was read, changed and extracted, per input");
  sub->footer(
      "Example:\n  protokoll report samples/pages/ --out review/   # then open review/index.html\n"
      "  protokoll report samples/legacy/000.txt --out review/");
  sub->add_option("inputs", shared.inputs, "files, directories (read recursively) or - for stdin")->required();
  return std::make_unique<ReportVerb>(shared, sub);
}

}  // namespace protokoll::cli
