// protokoll: scanned Swedish meeting minutes to clean text and dated meeting records.
// A thin command line over the library: parse options, run a stage, print data on stdout,
// everything else on stderr. Exit codes: 0 ok, 1 usage or setup error, 2 some inputs failed,
// 3 an eval threshold was not met.
#include <algorithm>
#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "protokoll/pipeline.hpp"
#include "protokoll/eval.hpp"
#include "protokoll/input.hpp"
#include "protokoll/record.hpp"
#include "protokoll/resources.hpp"

namespace {

using namespace protokoll;

constexpr int kOk = 0, kUsage = 1, kSomeFailed = 2, kThreshold = 3;

// Debian's Tesseract uses OpenMP, and libgomp reads OMP_THREAD_LIMIT once, when it is loaded,
// before main() runs. Unlimited, its threads fight over 2 cores and a page takes ~10x longer.
// So when an input may need OCR (see may_need_ocr) the binary sets the variable and re-executes
// itself once (a value the user set is kept). Text files do not pay for starting twice (~0.03 s:
// loading the libraries is most of a start).
void ensure_single_threaded_openmp(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT")) return;
  ::setenv("OMP_THREAD_LIMIT", "1", 1);
  ::execv("/proc/self/exe", argv);
  // If re-executing is impossible, carry on: slower OCR, same results.
}

// Whether an input may be a scan (an image or a PDF), by its first bytes, read without using
// them up: a regular file (or standard input redirected from one) is read at its current place.
// A pipe, a FIFO or a terminal cannot be read twice, so it counts as a scan (the binary then
// starts once more, as it would have anyway).
bool may_need_ocr(const InputPath& p) {
  constexpr std::size_t kHead = 16;  // enough for every signature detect_kind() knows
  const bool from_stdin = p.path == "-";
  struct stat st {};
  // A file that cannot be looked at is reported when the batch opens it.
  if (from_stdin ? ::fstat(STDIN_FILENO, &st) != 0 : ::stat(p.path.c_str(), &st) != 0) return from_stdin;
  // Not even opened unless regular: opening a FIFO would let its writer start, and closing it
  // again would cut the writer off.
  if (!S_ISREG(st.st_mode)) return true;
  const int fd = from_stdin ? STDIN_FILENO : ::open(p.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const off_t at = from_stdin ? ::lseek(fd, 0, SEEK_CUR) : 0;
  std::string head(kHead, '\0');
  const ssize_t got = at < 0 ? -1 : ::pread(fd, head.data(), kHead, at);
  if (!from_stdin) ::close(fd);
  if (at < 0) return true;
  head.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
  const SourceKind kind = detect_kind(head);
  return kind == SourceKind::image || kind == SourceKind::tiff || kind == SourceKind::pdf;
}

bool any_input_needs_ocr(const std::vector<InputPath>& paths) {
  // Looking costs a few microseconds a file and saves ~0.03 s once: past a few thousand files
  // starting again is cheaper (and nothing next to the batch's own time).
  constexpr std::size_t kLookedAt = 2000;
  if (paths.size() > kLookedAt) return true;
  return std::any_of(paths.begin(), paths.end(), [](const InputPath& p) { return p.error.empty() && may_need_ocr(p); });
}

bool g_quiet = false;

void report_failure(const InputFailure& f) {
  std::cerr << "protokoll: " << (f.path == "-" ? "<stdin>" : f.path) << ": " << f.reason << '\n';
}

void print_records(const std::vector<Record>& records, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const auto& r : records) all.push_back(r.to_json());
    std::cout << all.dump(2) << '\n';
  } else if (format == "text") {
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (i) std::cout << '\f';
      std::cout << records[i].text;
      if (!records[i].text.empty() && records[i].text.back() != '\n') std::cout << '\n';
    }
  } else {
    for (const auto& r : records) std::cout << r.to_json().dump() << '\n';
  }
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
    out << j.dump() << '\n';
  }
}

std::string read_text_file(const std::string& path) {
  return decode_text(read_bytes(path)).utf8;
}

}  // namespace

int main(int argc, char** argv) {
  // The repair of each piece of a long text allocates and frees vectors of tens of MB. By
  // default glibc maps such blocks afresh each time and hands freed memory back, so each piece
  // pays the page faults again (in a VM, a tenth of the repair's time); kept, they are reused.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  std::ios::sync_with_stdio(false);

  CLI::App app{"protokoll " + version() +
               " — scanned Swedish meeting minutes to clean text and dated meeting records.\n\n"
               "  protokoll run samples/legacy/000.txt     # a JSON record per meeting\n"
               "  protokoll ocr page.png > page.txt        # OCR a scan (Swedish model)\n"
               "  protokoll repair old.txt > clean.txt     # restore å/ä/ö and OCR damage\n"
               "  protokoll segment clean.txt | jq .date   # records from clean text\n"
               "  protokoll eval --output clean.txt --gold gold.txt --input old.txt\n\n"
               "Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 usage or setup error,\n"
               "2 some inputs failed (the rest were processed), 3 an eval threshold was not met.",
               "protokoll"};
  app.set_version_flag("--version", "protokoll " + version() + (pdf_supported() ? " (PDF input: poppler, GPL)" : ""));
  app.require_subcommand(1);
  int jobs = 0;
  app.add_option("-j,--jobs", jobs, "worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
  app.add_flag("-q,--quiet", g_quiet, "no progress messages on stderr");

  PipelineOptions options;
  std::vector<std::string> inputs;
  std::string format = "jsonl", changes_path;
  bool dry_run = false, no_repair = false, no_bullets = false;

  auto add_repair_options = [&](CLI::App* sub) {
    sub->add_option("--words", options.repair.user_word_files, "extra word list (one word per line), repeatable")
        ->check(CLI::ExistingFile);
    sub->add_option("--threshold", options.repair.threshold,
                    "how much better (log10) a repair must score than the word as it stands; "
                    "higher is safer, lower repairs more")
        ->capture_default_str();
  };
  auto add_ocr_options = [&](CLI::App* sub) {
    sub->add_option("--lang", options.ocr.language, "Tesseract model(s), e.g. swe or swe+eng")->capture_default_str();
    sub->add_option("--tessdata", options.ocr.tessdata_dir, "folder with *.traineddata");
    sub->add_option("--dpi", options.ocr.dpi, "resolution of images that do not say (default 300)");
  };

  CLI::App* run = app.add_subcommand("run", "the whole chain: inputs -> OCR or text -> repair -> meeting records");
  run->footer(
      "Example:\n  protokoll run samples/ | jq -r '.date + \"  \" + .location'\n  protokoll run --format text scans/ > clean.txt");
  run->add_option("inputs", inputs, "files, directories (read recursively) or - for stdin")->required();
  run->add_option("--format", format, "jsonl (one record a line), json (an array) or text (the cleaned text)")
      ->check(CLI::IsMember({"jsonl", "json", "text"}))
      ->capture_default_str();
  run->add_flag("--per-file", options.per_file, "each file its own stream of meetings");
  run->add_flag("--no-repair", no_repair, "skip the repair stage");
  run->add_option("--changes", changes_path, "write every repair as JSON Lines to this file");
  add_repair_options(run);
  add_ocr_options(run);

  CLI::App* ocr = app.add_subcommand("ocr", "OCR page images (PNG, JPEG, TIFF, PDF) with Tesseract; text on stdout");
  ocr->footer("Example:\n  protokoll ocr samples/pages/page-1.png\n  protokoll ocr --lang swe+eng scan.tiff > scan.txt");
  ocr->add_option("inputs", inputs, "image files or directories")->required();
  add_ocr_options(ocr);

  CLI::App* repair = app.add_subcommand("repair", "restore Swedish text damaged by OCR; line i out is line i in");
  repair->footer(
      "Example:\n  protokoll repair samples/legacy/000.txt > clean.txt\n"
      "  protokoll repair --dry-run old.txt | jq -r '.from + \" -> \" + .to'");
  repair->add_option("inputs", inputs, "text files or - for stdin (default)");
  repair->add_option("--changes", changes_path, "write every change as JSON Lines to this file");
  repair->add_flag("--dry-run", dry_run, "print the changes (JSON Lines) instead of the text");
  repair->add_flag("--no-bullets", no_bullets, "leave bullet glyphs read as letters (e, o, ¢) alone");
  add_repair_options(repair);

  CLI::App* segment = app.add_subcommand("segment", "split clean text into meetings and extract their records");
  segment->footer("Example:\n  protokoll segment clean.txt | jq '{date, location, items: [.items[].title]}'");
  segment->add_option("inputs", inputs, "text files or - for stdin (default)");
  segment->add_option("--format", format, "jsonl, json or text")
      ->check(CLI::IsMember({"jsonl", "json", "text"}))
      ->capture_default_str();
  segment->add_flag("--per-file", options.per_file, "each file its own stream of meetings");

  std::string eval_output, eval_gold, eval_input;
  std::optional<double> min_fix, max_break, max_wer, max_cer;
  CLI::App* eval = app.add_subcommand("eval", "word and character error rates of a text against a gold text");
  eval->footer(
      "Example:\n  protokoll eval --output clean.txt --gold gold.txt --input old.txt --min-fix 0.9 --max-break 0.01");
  eval->add_option("--output", eval_output, "the text to score")->required()->check(CLI::ExistingFile);
  eval->add_option("--gold", eval_gold, "the correct text")->required()->check(CLI::ExistingFile);
  eval->add_option("--input", eval_input, "the text before repair (adds fix and break rates)")->check(CLI::ExistingFile);
  eval->add_option("--min-fix", min_fix, "exit 3 unless the fix rate is at least this (needs --input)");
  eval->add_option("--max-break", max_break, "exit 3 unless the break rate is at most this (needs --input)");
  eval->add_option("--max-wer", max_wer, "exit 3 unless the word error rate is at most this");
  eval->add_option("--max-cer", max_cer, "exit 3 unless the character error rate is at most this");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  options.jobs = jobs;
  options.repair.bullets = !no_bullets;
  options.repair.record_changes = dry_run || !changes_path.empty();

  try {
    if (eval->parsed()) {
      if ((min_fix || max_break) && eval_input.empty()) {
        std::cerr << "protokoll eval: --min-fix and --max-break need --input\n";
        return kUsage;
      }
      std::string out = read_text_file(eval_output), gold = read_text_file(eval_gold);
      std::optional<std::string> in;
      if (!eval_input.empty()) in = read_text_file(eval_input);
      TextScores s = score_text(out, gold, in ? std::optional<std::string_view>(*in) : std::nullopt);
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
      std::cout << j.dump() << '\n';
      bool ok = true;
      auto check = [&](bool pass, const char* what) {
        if (!pass) {
          std::cerr << "protokoll eval: " << what << " not met\n";
          ok = false;
        }
      };
      if (min_fix) check(*s.fix_rate >= *min_fix, "--min-fix");
      if (max_break) check(*s.break_rate <= *max_break, "--max-break");
      if (max_wer) check(s.wer <= *max_wer, "--max-wer");
      if (max_cer) check(s.cer <= *max_cer, "--max-cer");
      return ok ? kOk : kThreshold;
    }

    if (inputs.empty()) inputs.push_back("-");
    std::vector<InputPath> paths = expand_inputs(inputs);
    if (std::count_if(paths.begin(), paths.end(), [](const InputPath& p) { return p.path == "-"; }) > 1) {
      std::cerr << "protokoll: standard input (-) can be named only once\n";
      return kUsage;
    }
    if (!std::getenv("OMP_THREAD_LIMIT") && (ocr->parsed() || any_input_needs_ocr(paths)))
      ensure_single_threaded_openmp(argv);
    // Only records cite an input's SHA-256; text out does not need it.
    options.digest = !(ocr->parsed() || repair->parsed());
    if (ocr->parsed()) {
      options.repair_text = false;
      options.images_only = true;
    } else if (segment->parsed()) {
      options.repair_text = false;
    } else {
      options.repair_text = !no_repair;
    }
    // Deliberately never freed: the process ends right after, and tearing down the models
    // (Hunspell, the trie, the language model) costs a tenth of a second for nothing.
    Pipeline& batch = *new Pipeline(options);
    std::size_t failed = 0, done = 0;
    const bool progress = !g_quiet && ::isatty(STDERR_FILENO) && paths.size() > 1;
    auto on_failure = [&](const InputFailure& f) {
      ++failed;
      report_failure(f);
    };
    auto tick = [&](const std::string& path) {
      ++done;
      if (progress) std::cerr << "\r[" << done << "/" << paths.size() << "] " << path << "\x1b[K" << std::flush;
    };
    std::ofstream changes_file;
    if (!changes_path.empty()) {
      changes_file.open(changes_path);
      if (!changes_file) {
        std::cerr << "protokoll: " << changes_path << ": cannot write\n";
        return kUsage;
      }
    }

    if (ocr->parsed() || repair->parsed()) {
      // Stream: each input's text as soon as it and those before it are done.
      bool first = true;
      batch.process(
          paths,
          [&](std::size_t, Document&& src) {
            tick(src.source.path);
            if (changes_file.is_open()) write_changes(changes_file, src.source.path, src.changes);
            if (dry_run) {
              write_changes(std::cout, src.source.path, src.changes);
              return;
            }
            if (!first) std::cout << '\f';
            first = false;
            // Line i out is line i in, with the source's line ends and final newline.
            const std::string text = document_text(src);
            std::cout << text;
            std::cout.flush();
          },
          on_failure);
    } else {
      std::vector<Document> loaded;
      batch.process(
          paths,
          [&](std::size_t, Document&& src) {
            tick(src.source.path);
            if (changes_file.is_open()) write_changes(changes_file, src.source.path, src.changes);
            loaded.push_back(std::move(src));
          },
          on_failure);
      print_records(batch.records(loaded), format);
    }
    if (progress) std::cerr << "\r\x1b[K";
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "protokoll: cannot write to standard output\n";
      return kUsage;
    }
    return failed ? kSomeFailed : kOk;
  } catch (const SetupError& e) {
    std::cerr << "protokoll: " << e.what() << '\n';
    return kUsage;
  } catch (const std::exception& e) {
    std::cerr << "protokoll: " << e.what() << '\n';
    return kUsage;
  }
}
