// protokoll: scanned Swedish meeting minutes to clean text and dated meeting records.
// A thin command line over the library: parse options, run a verb (one file each), print data
// on stdout, everything else on stderr. Exit codes: 0 ok, 1 usage or setup error, 2 some inputs
// failed, 3 an eval threshold was not met.
#include <malloc.h>

#include <iostream>
#include <memory>
#include <vector>

#include "cli/common.hpp"
#include "protokoll/resources.hpp"

using namespace protokoll;
using namespace protokoll::cli;

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
               "  protokoll ocr samples/pages/ks-au-2023-03-14.png > page.txt   # OCR a scan\n"
               "  protokoll repair samples/legacy/000.txt > clean.txt            # restore å/ä/ö\n"
               "  protokoll segment samples/legacy/000.gold.txt | jq .date       # records from clean text\n"
               "  protokoll eval --output clean.txt --gold samples/legacy/000.gold.txt --input samples/legacy/000.txt\n\n"
               "Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 usage or setup error,\n"
               "2 some inputs failed (the rest were processed), 3 an eval threshold was not met,\n"
               "130/143 interrupted (SIGINT/SIGTERM: what was read is written).",
               "protokoll"};
  app.set_version_flag("--version", "protokoll " + version() + (pdf_supported() ? " (PDF input: poppler, GPL)" : ""));
  app.require_subcommand(1);
  // Options of protokoll itself (-j, -q, --version) are taken after the verb too:
  // "protokoll run --jobs 2 DIR" as "protokoll -j 2 run DIR". Verbs inherit this.
  app.fallthrough();
  Shared shared;
  app.add_option("-j,--jobs", shared.jobs, "worker threads (default: all cores)")->check(CLI::NonNegativeNumber);
  app.add_flag("-q,--quiet", shared.quiet, "no progress messages on stderr");
  app.add_option("--progress", shared.progress,
                 "auto (a bar when stderr is a terminal), bar, none, or json: one JSON line per input on stderr "
                 "(input, status, pages, finished, total, seconds, files_per_second, eta_seconds)")
      ->check(CLI::IsMember({"auto", "bar", "json", "none"}))
      ->capture_default_str();
  std::vector<std::unique_ptr<Verb>> verbs;
  verbs.push_back(make_run(app, shared));
  verbs.push_back(make_ocr(app, shared));
  verbs.push_back(make_repair(app, shared));
  verbs.push_back(make_segment(app, shared));
  verbs.push_back(make_eval(app, shared));
  verbs.push_back(make_report(app, shared));
  verbs.push_back(make_merge_manifests(app, shared));
  verbs.push_back(make_completions(app, shared));
  verbs.push_back(make_manpage(app, shared));

  if (const auto wrong = unknown_verb(app, argc, argv)) {
    std::cerr << "protokoll: " << *wrong << "\nRun 'protokoll --help' for the verbs.\n";
    return kUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    const std::string hint = suggest_option(app, e);
    app.exit(e);
    if (!hint.empty()) std::cerr << hint << '\n';
    return kUsage;
  }
  try {
    for (auto& verb : verbs)
      if (verb->subcommand()->parsed()) {
        const int code = verb->execute(argv);
        return interrupt_exit_code() ? interrupt_exit_code() : code;
      }
    return kUsage;
  } catch (const std::exception& e) {  // SetupError: a model or dictionary is missing
    std::cerr << "protokoll: " << e.what() << '\n';
    return kUsage;
  }
}
