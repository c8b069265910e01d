// The pipeline runner: inputs -> documents (text decoded, or pages OCR'd) -> repaired in place
// -> meeting records. Inputs are processed in parallel; results keep input order. A bad input is
// reported and skipped, never stops the batch.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <span>
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
  bool skipped = false;  ///< not minutes, found in a folder: a note, not a failure
  bool resumed = false;  ///< skipped because an earlier run did it (PipelineOptions::already_done)
};

struct PipelineOptions {
  OcrOptions ocr;
  RepairOptions repair;
  bool repair_text = true;  ///< run the repair stage on text and OCR output
  bool per_file = false;    ///< each file its own stream of meetings
  bool images_only = false; ///< `ocr`: text inputs are failures
  bool digest = true;       ///< SHA-256 of each input (records cite it; `repair` and `ocr` skip it)
  int jobs = 0;             ///< worker threads, 0 = all cores
  /// When it becomes true, no further input is started; those under way finish and are
  /// handed on (the CLI sets it on SIGINT/SIGTERM).
  const std::atomic<bool>* stop = nullptr;
  /// Resume: asked once an input's bytes are read and hashed; true skips it (its failure is
  /// reported with `skipped` and the reason "done in an earlier run").
  std::function<bool(const Source&)> already_done;
};

class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options);
  ~Pipeline();

  /// Read, detect, decode or OCR, and repair every input in parallel, handing each document
  /// to `on_document` (or its failure to `on_failure`) one at a time, in input order, as soon
  /// as it and all before it are done, so output streams for large batches. Throws SetupError
  /// when a model or dictionary is missing; any other problem is one input's failure.
  void process(const std::vector<InputPath>& inputs,
               const std::function<void(std::size_t, Document&&)>& on_document,
               const std::function<void(const InputFailure&)>& on_failure);

  /// process() collected: failures are appended to `failures` and left out of the result.
  std::vector<Document> load(const std::vector<InputPath>& inputs, std::vector<InputFailure>& failures);

  /// Meeting records from loaded documents (one stream, or one per file with per_file), with
  /// ids unique in the run.
  std::vector<Record> records(std::span<const Document> documents) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace protokoll
