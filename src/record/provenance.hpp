// Where a record came from (internal): the files and pages its meeting spans, the OCR confidence
// of those pages, and its share of the repair's counts. Worked out from the stream's own line
// references, so no text is read again.
#pragma once

#include <span>
#include <unordered_map>
#include <vector>

#include "protokoll/document.hpp"
#include "protokoll/record.hpp"
#include "protokoll/segment.hpp"

namespace protokoll::record {

/// Per document, once: its line count and each page's OCR confidence sum (a meeting reads them
/// for the pages it spans; summing them per meeting made long files quadratic).
class ProvenanceIndex {
 public:
  explicit ProvenanceIndex(std::span<const Document> documents);
  /// The same over documents that are not side by side (a stream's deque); StreamLine::document
  /// indexes `documents`.
  explicit ProvenanceIndex(std::vector<const Document*> documents);
  /// Sets r.source, r.ocr_confidence (with a `low-ocr-confidence` warning under 70%, and an
  /// `unread-region` warning for each of its pages with ink no text was read from) and
  /// r.repaired_words / r.unknown_words from the meeting's lines.
  void describe(Record& r, std::span<const StreamLine> meeting) const;

 private:
  std::vector<const Document*> documents_;
  std::vector<std::size_t> lines_;                                // per document
  std::vector<std::unordered_map<int, ConfidenceSum>> confidence_;  // per document, by page number
  std::vector<std::unordered_map<int, std::string>> unread_;        // per document: describe_unread by page
};

}  // namespace protokoll::record
