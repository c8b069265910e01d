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
  bool other_shard = false;  ///< left to another shard (PipelineOptions::shard)
  std::string sha256 = {};   ///< when known: resumed inputs and second copies of the same content
};

/// The shard (0-based, of `count`) an input belongs to: from the first 64 bits of its SHA-256
/// (hex), so the partition is stable across machines, runs and the order of inputs, and the
/// same content under two names lands in the same shard.
std::size_t shard_of(std::string_view sha256_hex, std::size_t count);

struct PipelineOptions {
  OcrOptions ocr;
  RepairOptions repair;
  bool repair_text = true;  ///< run the repair stage on text and OCR output
  bool per_file = false;    ///< each file its own stream of meetings
  bool images_only = false; ///< `ocr`: text inputs are failures
  bool digest = true;       ///< SHA-256 of each input (records cite it; `repair` and `ocr` skip it)
  /// Text inputs are in this charset (an ICU converter name), not detected; empty: detect.
  /// A file in it that is neither an image nor a PDF is text, whatever its bytes look like.
  std::string encoding;
  int jobs = 0;             ///< worker threads, 0 = all cores
  /// When it becomes true, no further input is started; those under way finish and are
  /// handed on (the CLI sets it on SIGINT/SIGTERM).
  const std::atomic<bool>* stop = nullptr;
  /// Resume: asked once an input's bytes are read and hashed; true skips it (its failure is
  /// reported with `skipped` and the reason "done in an earlier run").
  std::function<bool(const Source&)> already_done;
  /// Scale-out: only inputs whose shard_of(content) is `shard` (0-based) of `shard_count` are
  /// processed; the others are reported with `other_shard`. An input that cannot be read is
  /// placed by its path instead, so exactly one shard reports it.
  std::size_t shard = 0, shard_count = 1;
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
