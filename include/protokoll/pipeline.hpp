// The batch runner: inputs -> sources and pages (decoded text or OCR) -> repaired text ->
// meeting records. Inputs are processed in parallel; results keep input order. A bad input is
// reported and skipped, never stops the batch.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protokoll/document.hpp"
#include "protokoll/input.hpp"
#include "protokoll/ocr.hpp"
#include "protokoll/record.hpp"
#include "protokoll/repair.hpp"

namespace protokoll {

struct InputFailure {
  std::string path;
  std::string reason;
};

struct BatchOptions {
  OcrOptions ocr;
  RepairOptions repair;
  bool repair_text = true;  ///< run the repair stage on text and OCR output
  bool per_file = false;    ///< each file its own stream of meetings
  bool images_only = false; ///< `ocr`: text inputs are failures
  bool digest = true;       ///< SHA-256 of each input (records cite it; `repair` and `ocr` skip it)
  /// Repaired text back into the pages' lines (records need them). Off (`repair`, which only
  /// writes the text): LoadedSource::text holds it and the pages stay as read.
  bool repaired_pages = true;
  int jobs = 0;             ///< worker threads, 0 = all cores
};

/// A loaded input: its source and pages, repaired when asked.
struct LoadedSource {
  Source source;
  std::vector<Page> pages;
  std::size_t repaired_words = 0, unknown_words = 0;
  std::vector<Change> changes;
  bool ends_with_newline = true;  ///< text input: whether its last line ended with a newline
  bool crlf = false;              ///< text input: its lines end with CR LF (text from Windows)
  /// The repaired text when BatchOptions::repaired_pages is off: what pages_text() gives of the
  /// pages repaired (pages joined by '\f', lines by '\n').
  std::optional<std::string> text;
};

class Batch {
 public:
  explicit Batch(BatchOptions options);
  ~Batch();

  /// Read, detect, decode or OCR, and repair every input in parallel, handing each result to
  /// `on_loaded` (or `on_failure`) one at a time, in input order, as soon as it and all before
  /// it are done, so output streams for large batches. Throws SetupError when a model
  /// or dictionary is missing; any other problem is one input's failure.
  void process(const std::vector<InputPath>& inputs,
               const std::function<void(std::size_t, LoadedSource&&)>& on_loaded,
               const std::function<void(const InputFailure&)>& on_failure);

  /// process() collected: failures are appended to `failures` and left out of the result.
  std::vector<LoadedSource> load(const std::vector<InputPath>& inputs,
                                 std::vector<InputFailure>& failures);

  /// Meeting records from loaded sources (one stream, or one per file with per_file).
  std::vector<Record> records(const std::vector<LoadedSource>& sources) const;

  /// The repairer, created on first use (throws on missing resources).
  const Repairer& repairer();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Page texts joined by '\n', pages separated by "\f".
std::string pages_text(const std::vector<Page>& pages);

}  // namespace protokoll
