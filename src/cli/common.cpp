#include "cli/common.hpp"

#include "cli/outputs.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <iomanip>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

namespace protokoll::cli {

void add_repair_options(CLI::App* sub, Shared& shared) {
  sub->add_option("--words", shared.options.repair.user_word_files, "extra word list (one word per line), repeatable")
      ->check(CLI::ExistingFile);
  sub->add_option("--threshold", shared.options.repair.threshold,
                  "how much better (log10) a repair must score than the word as it stands; "
                  "higher is safer, lower repairs more")
      ->capture_default_str();
  sub->add_option("--encoding", shared.options.encoding,
                  "decode every text input as this charset (an ICU name: windows-1252, ISO-8859-1, IBM437, "
                  "UTF-16LE, ...) instead of detecting it line by line");
}

void add_ocr_options(CLI::App* sub, Shared& shared) {
  sub->add_option("--lang", shared.options.ocr.language, "Tesseract model(s), e.g. swe or swe+eng")->capture_default_str();
  sub->add_option("--tessdata", shared.options.ocr.tessdata_dir, "folder with *.traineddata");
  sub->add_option("--dpi", shared.options.ocr.dpi, "resolution of images that do not say (default 300)");
  sub->add_option("--max-megapixels", shared.options.ocr.max_megapixels,
                  "refuse larger images from their header, before decoding them")
      ->capture_default_str();
  sub->add_option("--ocr",
                  "PDF pages that carry text: skip (use their text, OCR the others), force (OCR every page) or "
                  "redo (OCR again the pages an OCR engine's invisible text layer covers)")
      ->type_name("MODE")
      ->check(CLI::IsMember({"skip", "force", "redo"}))
      ->each([&shared](const std::string& mode) {
        shared.options.ocr.pdf_text = mode == "force" ? PdfTextLayer::force
                                      : mode == "redo" ? PdfTextLayer::redo
                                                       : PdfTextLayer::skip;
      })
      ->default_str("skip");
  sub->add_option("--page-timeout", shared.options.ocr.page_timeout,
                  "seconds a page may take; a page that takes longer is left out with a warning and the rest of "
                  "its document kept (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_flag("--no-preprocess{false}", shared.options.ocr.preprocess,
                "hand Tesseract each image as it is (no enlarging, flattening, deskewing or turning)");
}

void report_failure(const InputFailure& f) {
  std::cerr << "protokoll: " << (f.path == "-" ? "<stdin>" : f.path) << ": " << f.reason << '\n';
}

void write_changes(std::ostream& out, const std::string& file, const std::vector<Change>& changes) {
  for (const auto& c : changes) {
    nlohmann::ordered_json j;
    j["file"] = file;
    j["page"] = c.page;
    j["line"] = c.line;
    j["column"] = c.column;
    j["from"] = c.from;
    j["to"] = c.to;
    j["score"] = std::round(c.score * 1000) / 1000;
    j["runner_up"] = c.runner_up.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.runner_up);
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

int process_inputs(Shared& shared, char** argv, bool will_ocr, const std::function<void(Document&&)>& on_document) {
  if (shared.inputs.empty()) shared.inputs.push_back("-");
  const std::vector<InputPath> paths = expand_inputs(shared.inputs);
  if (std::count_if(paths.begin(), paths.end(), [](const InputPath& p) { return p.path == "-"; }) > 1) {
    std::cerr << "protokoll: standard input (-) can be named only once\n";
    return kUsage;
  }
  limit_openmp_threads(argv, paths, will_ocr);
  shared.options.jobs = shared.jobs;
  shared.options.stop = &interrupted();
  watch_for_interrupts();
  std::ofstream changes_file;
  if (!shared.changes_path.empty()) {
    changes_file.open(shared.changes_path);
    if (!changes_file) {
      std::cerr << "protokoll: " << shared.changes_path << ": cannot write\n";
      return kUsage;
    }
  }
  // Deliberately never freed: the process ends right after, and tearing down the models
  // (Hunspell, the trie, the language model) costs a tenth of a second for nothing. Held by a
  // static pointer, so leak checkers see it reachable.
  static Pipeline* kept = nullptr;
  kept = new Pipeline(shared.options);
  Pipeline& pipeline = *kept;
  std::size_t failed = 0, done = 0, finished = 0;
  // auto: a bar when stderr is a terminal; json: one line per input for machines.
  const std::string& mode = shared.progress;
  const bool bar = !shared.quiet && paths.size() > 1 && (mode == "bar" || (mode == "auto" && ::isatty(STDERR_FILENO)));
  const bool json_lines = mode == "json";
  const auto started = std::chrono::steady_clock::now();
  // Every input that finishes, whatever became of it, moves the count, the rate and the time left.
  auto tick = [&](const std::string& path, const char* status, std::size_t pages) {
    ++finished;
    if (!bar && !json_lines) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double rate = finished / std::max(seconds, 1e-3);
    const double left = (paths.size() - finished) / std::max(rate, 1e-9);
    if (json_lines) {
      nlohmann::ordered_json j;
      j["input"] = path;
      j["status"] = status;
      j["pages"] = pages;
      j["finished"] = finished;
      j["total"] = paths.size();
      j["seconds"] = std::round(seconds * 1000) / 1000;
      j["files_per_second"] = std::round(rate * 100) / 100;
      j["eta_seconds"] = std::round(left * 10) / 10;
      std::cerr << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n' << std::flush;
      return;
    }
    const auto l = static_cast<long>(left);
    std::cerr << "\r[" << finished << "/" << paths.size() << "] " << std::fixed << std::setprecision(1) << rate << " files/s, "
              << l / 60 << "m" << std::setw(2) << std::setfill('0') << l % 60 << std::setfill(' ') << "s left  " << path
              << "\x1b[K" << std::flush;
  };
  pipeline.process(
      paths,
      [&](std::size_t, Document&& doc) {
        ++done;
        tick(doc.source.path, "ok", doc.pages.size());
        shared.tally.pages += doc.pages.size();
        shared.tally.repairs += doc.repaired_words;
        shared.tally.warnings += doc.source.warnings.size();
        for (const auto& w : doc.source.warnings)
          std::cerr << "protokoll: " << (doc.source.path == "-" ? "<stdin>" : doc.source.path) << ": warning: " << w << '\n';
        if (changes_file.is_open()) write_changes(changes_file, doc.source.path, doc.changes);
        on_document(std::move(doc));
      },
      [&](const InputFailure& f) {
        tick(f.path, f.other_shard ? "other-shard" : f.resumed ? "done-before" : f.skipped ? "skipped" : "failed", 0);
        if (f.other_shard) {  // another shard's: not this run's to enter or report
          ++shared.tally.other_shard;
          return;
        }
        if (shared.manifest && !f.resumed) shared.manifest->append(manifest_entry(f));
        if (shared.report && !f.resumed) shared.report->add_failure(f);
        if (f.resumed) {
          ++shared.tally.resumed;
          return;
        }
        if (f.skipped) {
          ++shared.tally.skipped;
          if (!shared.quiet) report_failure(f);
          return;
        }
        ++failed;
        report_failure(f);
      });
  shared.tally.inputs = paths.size();
  shared.tally.done = done;
  shared.tally.failed = failed;
  if (bar) std::cerr << "\r\x1b[K";
  if (changes_file.is_open()) {
    changes_file.close();
    if (!changes_file) {
      std::cerr << "protokoll: " << shared.changes_path << ": cannot write (" << std::strerror(errno) << ")\n";
      return kUsage;
    }
  }
  if (interrupt_exit_code()) {
    std::cerr << "protokoll: interrupted: " << done + failed << " of " << paths.size() << " inputs done\n";
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "protokoll: cannot write to standard output\n";
    return kUsage;
  }
  return failed ? kSomeFailed : kOk;
}

std::string parse_shard(const std::string& spec, PipelineOptions& options) {
  long k = 0, n = 0;
  auto number = [](const char* v, long& out) {
    if (!v || !*v) return false;
    char* end = nullptr;
    out = std::strtol(v, &end, 10);
    return *end == '\0';
  };
  if (spec == "auto") {
    long id = 0, min = 0;
    if (number(std::getenv("SLURM_ARRAY_TASK_ID"), id) && number(std::getenv("SLURM_ARRAY_TASK_COUNT"), n)) {
      if (!number(std::getenv("SLURM_ARRAY_TASK_MIN"), min)) min = 0;
      k = id - min + 1;
    } else if (number(std::getenv("JOB_COMPLETION_INDEX"), id)) {
      if (!number(std::getenv("PROTOKOLL_SHARD_COUNT"), n))
        return "--shard auto: JOB_COMPLETION_INDEX is set but PROTOKOLL_SHARD_COUNT (the Job's completions) is not";
      k = id + 1;
    } else {
      return "--shard auto: neither SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (a Slurm array job) nor "
             "JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; give --shard K/N";
    }
  } else {
    const auto slash = spec.find('/');
    if (slash == std::string::npos || !number(spec.substr(0, slash).c_str(), k) || !number(spec.substr(slash + 1).c_str(), n))
      return "--shard " + spec + ": expected K/N, e.g. 2/4, or auto";
  }
  if (n < 1 || k < 1 || k > n)
    return "--shard: shard " + std::to_string(k) + " of " + std::to_string(n) + " does not exist (K runs from 1 to N)";
  options.shard = static_cast<std::size_t>(k - 1);
  options.shard_count = static_cast<std::size_t>(n);
  return "";
}

}  // namespace protokoll::cli
