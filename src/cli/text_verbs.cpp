// `protokoll ocr` and `protokoll repair`: inputs in, their text out (line i out is line i in),
// each input's text as soon as it and those before it are done.
#include <iostream>

#include "cli/common.hpp"

namespace protokoll::cli {
namespace {

class TextVerb : public Verb {
 public:
  TextVerb(Shared& shared, CLI::App* sub, bool ocr) : shared_(shared), sub_(sub), ocr_(ocr) {}
  CLI::App* subcommand() const override { return sub_; }
  bool dry_run = false, no_bullets = false;

  int execute(char** argv) override {
    // Only records cite an input's SHA-256; text out does not need it.
    shared_.options.digest = false;
    shared_.options.repair_text = !ocr_;
    shared_.options.images_only = ocr_;
    shared_.options.repair.bullets = !no_bullets;
    shared_.options.repair.record_changes = dry_run || !shared_.changes_path.empty();
    bool first = true;
    return process_inputs(shared_, argv, ocr_, [&](Document&& doc) {
      if (dry_run) {
        write_changes(std::cout, doc.source.path, doc.changes);
        return;
      }
      if (!first) std::cout << '\f';
      first = false;
      // Line i out is line i in, with the source's line ends and final newline.
      std::cout << document_text(doc);
      std::cout.flush();
    });
  }

 private:
  Shared& shared_;
  CLI::App* sub_;
  bool ocr_;
};

}  // namespace

std::unique_ptr<Verb> make_ocr(CLI::App& app, Shared& shared) {
  CLI::App* sub = app.add_subcommand("ocr", "OCR page images (PNG, JPEG, TIFF, PDF) with Tesseract; text on stdout");
  sub->footer(
      "Example:\n  protokoll ocr samples/pages/ks-au-2023-03-14.png\n"
      "  protokoll ocr --lang swe+eng samples/pages/two-pages.tif > scan.txt");
  sub->add_option("inputs", shared.inputs, "image files or directories")->required();
  add_ocr_options(sub, shared);
  return std::make_unique<TextVerb>(shared, sub, true);
}

std::unique_ptr<Verb> make_repair(CLI::App& app, Shared& shared) {
  CLI::App* sub = app.add_subcommand("repair", "restore Swedish text damaged by OCR; line i out is line i in");
  sub->footer(
      "Example:\n  protokoll repair samples/legacy/000.txt > clean.txt\n"
      "  protokoll repair --dry-run samples/legacy/000.txt | jq -r '.from + \" -> \" + .to'");
  auto verb = std::make_unique<TextVerb>(shared, sub, false);
  sub->add_option("inputs", shared.inputs, "text files or - for stdin (default)");
  sub->add_option("--changes", shared.changes_path, "write every change as JSON Lines to this file");
  sub->add_flag("--dry-run", verb->dry_run, "print the changes (JSON Lines) instead of the text");
  sub->add_flag("--no-bullets", verb->no_bullets, "leave bullet glyphs read as letters (e, o, ¢) alone");
  add_repair_options(sub, shared);
  return verb;
}

}  // namespace protokoll::cli
