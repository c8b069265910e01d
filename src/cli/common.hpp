// What the verbs of the command line share (internal to the CLI): exit codes, the options every
// verb that reads inputs has, and the batch loop that reads them and reports what failed.
#pragma once

#include <atomic>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "protokoll/pipeline.hpp"

namespace protokoll::cli {

inline constexpr int kOk = 0, kUsage = 1, kSomeFailed = 2, kThreshold = 3;

/// The options and inputs the verbs fill as CLI11 parses.
struct Shared {
  int jobs = 0;
  bool quiet = false;
  std::string progress = "auto";  ///< --progress: auto, bar, json, none
  PipelineOptions options;
  std::vector<std::string> inputs;
  std::string changes_path;  ///< --changes
  class Manifest* manifest = nullptr;  ///< run --manifest: failures and skips are entered too
  class ReportFolder* report = nullptr;  ///< report, run --report: failures and skips are listed too
  /// What the batch did, for the summary at its end.
  struct Tally {
    std::size_t inputs = 0, done = 0, failed = 0, skipped = 0, resumed = 0, other_shard = 0, pages = 0, repairs = 0, warnings = 0;
  } tally;
};

/// One verb of the command line: it adds its subcommand and options, then runs when chosen.
class Verb {
 public:
  virtual ~Verb() = default;
  virtual CLI::App* subcommand() const = 0;
  /// `argv` as the program was started (for limit_openmp_threads).
  virtual int execute(char** argv) = 0;
};

std::unique_ptr<Verb> make_run(CLI::App& app, Shared& shared);
std::unique_ptr<Verb> make_ocr(CLI::App& app, Shared& shared);
std::unique_ptr<Verb> make_repair(CLI::App& app, Shared& shared);
std::unique_ptr<Verb> make_segment(CLI::App& app, Shared& shared);
std::unique_ptr<Verb> make_eval(CLI::App& app, Shared& shared);
std::unique_ptr<Verb> make_report(CLI::App& app, Shared& shared);
std::unique_ptr<Verb> make_merge_manifests(CLI::App& app, Shared& shared);
/// `completions bash|zsh|fish` and `manpage`, written from `app`'s definitions (add them last).
std::unique_ptr<Verb> make_completions(CLI::App& app, Shared& shared);
std::unique_ptr<Verb> make_manpage(CLI::App& app, Shared& shared);

void add_repair_options(CLI::App* sub, Shared& shared);

/// "--shard K/N" (1 <= K <= N) or "auto" (K and N from SLURM_ARRAY_TASK_ID/_MIN/_COUNT, or from
/// JOB_COMPLETION_INDEX and PROTOKOLL_SHARD_COUNT) into options.shard (0-based) and
/// shard_count. Returns the error message, or "" when it is good.
std::string parse_shard(const std::string& spec, PipelineOptions& options);
void add_ocr_options(CLI::App* sub, Shared& shared);

/// A first word that is no verb ("rnu"): the message, with the nearest verb if one is near.
std::optional<std::string> unknown_verb(const CLI::App& app, int argc, char** argv);
/// For an option CLI11 did not know: "did you mean '--jobs'?", or "".
std::string suggest_option(const CLI::App& app, const CLI::ParseError& error);

/// Set once SIGINT or SIGTERM arrived (after watch_for_interrupts).
const std::atomic<bool>& interrupted();
/// 128 + the signal once interrupted (130 for SIGINT, 143 for SIGTERM), else 0.
int interrupt_exit_code();
/// Stop starting new inputs because of an error that every later one would meet (a full disk).
void interrupt_for_error();
/// Catch SIGINT and SIGTERM (the first stops new inputs, a second ends the process); ignore SIGXFSZ.
void watch_for_interrupts();

/// "protokoll: FILE: reason" on stderr.
void report_failure(const InputFailure& f);
/// Every change as one JSON object a line.
void write_changes(std::ostream& out, const std::string& file, const std::vector<Change>& changes);

/// Expand the inputs, make OCR single-threaded when it may run (limit_openmp_threads), and run
/// the pipeline over them, handing each document to `on_document` in input order; failures are
/// reported as they come, and --changes written. Returns the exit code.
int process_inputs(Shared& shared, char** argv, bool will_ocr, const std::function<void(Document&&)>& on_document);

}  // namespace protokoll::cli
