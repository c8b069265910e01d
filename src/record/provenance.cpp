#include "record/provenance.hpp"

#include <string>
#include <utility>

namespace protokoll::record {

namespace {
std::vector<const Document*> addresses(std::span<const Document> documents) {
  std::vector<const Document*> out;
  out.reserve(documents.size());
  for (const Document& d : documents) out.push_back(&d);
  return out;
}
}  // namespace

ProvenanceIndex::ProvenanceIndex(std::span<const Document> documents) : ProvenanceIndex(addresses(documents)) {}

ProvenanceIndex::ProvenanceIndex(std::vector<const Document*> documents)
    : documents_(std::move(documents)), lines_(documents_.size(), 0), confidence_(documents_.size()), unread_(documents_.size()) {
  for (std::size_t d = 0; d < documents_.size(); ++d)
    for (const Page& page : documents_[d]->pages) {
      lines_[d] += page.lines.size();
      confidence_[d][page.number] += confidence_sum(page);
      if (!page.unread.empty()) unread_[d][page.number] = describe_unread(page);
    }
}

void ProvenanceIndex::describe(Record& r, std::span<const StreamLine> meeting) const {
  // Every document and page the meeting spans, in order, and how many of its lines each holds.
  std::vector<std::pair<std::size_t, std::vector<int>>> spans;  // document, page numbers
  std::vector<std::size_t> lines_in;
  for (const StreamLine& line : meeting) {
    if (spans.empty() || spans.back().first != line.document) {
      spans.push_back({line.document, {}});
      lines_in.push_back(0);
    }
    auto& pages = spans.back().second;
    if (pages.empty() || pages.back() != line.page_number) pages.push_back(line.page_number);
    ++lines_in.back();
  }
  ConfidenceSum total;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const std::size_t d = spans[k].first;
    const Document& doc = *documents_[d];
    r.source.push_back(SourceSpan{doc.source.path, doc.source.sha256, spans[k].second});
    for (int page : spans[k].second) {
      if (auto it = confidence_[d].find(page); it != confidence_[d].end()) total += it->second;
      if (auto it = unread_[d].find(page); it != unread_[d].end())
        r.warnings.push_back({"unread-region", doc.source.path + " page " + std::to_string(page) + ": " + it->second});
    }
    // Repair counts are per document; a meeting gets its share by lines.
    if (lines_[d]) {
      r.repaired_words += doc.repaired_words * lines_in[k] / lines_[d];
      r.unknown_words += doc.unknown_words * lines_in[k] / lines_[d];
    }
  }
  if (total.words) {
    r.ocr_confidence = total.mean();
    if (*r.ocr_confidence < 70)
      r.warnings.push_back({"low-ocr-confidence",
                            "mean OCR word confidence is " + std::to_string(static_cast<int>(*r.ocr_confidence)) + "%"});
  }
}

}  // namespace protokoll::record
