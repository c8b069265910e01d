// The review report: what protokoll read, changed and extracted, as static HTML a person checks
// by looking. One page per input document — its page images with the OCR's word boxes, the
// repaired text with every change marked, its warnings and its meeting records — and an index
// of the run. Self-contained: no server, no network, no script, style or font from elsewhere;
// a page forbids itself any fetch (Content-Security-Policy) but its own images.
//
// The library makes the pages as strings; the caller writes them (protokoll report, run
// --report) where it likes, each document's images beside its page.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "protokoll/document.hpp"
#include "protokoll/record.hpp"

namespace protokoll {

/// Page images in a report are this wide (OcrOptions::preview_width): type stays readable at a
/// screen's width, and a page with its image stays near 100 KB.
inline constexpr int kReportImageWidth = 1000;

/// OCR word confidences below this are marked as doubtful in a report.
inline constexpr float kLowWordConfidence = 50.0f;

/// One input as the index lists it.
struct ReportEntry {
  std::string input;       ///< the path as given
  std::string href;        ///< its page, relative to the index ("" for a failed input)
  std::string kind;        ///< "text", "image", "tiff", "pdf"
  std::size_t pages = 0, meetings = 0, repairs = 0, unknown_words = 0, words = 0;
  std::optional<double> ocr_confidence;
  std::vector<std::string> warnings;  ///< warning codes, one per warning
  std::string error;                  ///< why it could not be read ("" when it was)
};

/// One document's report page and the images it shows.
struct DocumentReport {
  std::string html;
  struct Image {
    std::string file;   ///< file name, beside the page
    std::string bytes;  ///< JPEG
  };
  std::vector<Image> images;
  ReportEntry entry;  ///< its line in the index (href left to the caller)
};

/// The report page of a loaded (and repaired) document and the records read from it.
/// `name` is the page's file name without ".html" (images are NAME.pN.jpg beside it);
/// `index_href` links back to the run's index. Changes are marked where doc.changes say
/// (RepairOptions::record_changes must have been on), every one of them exactly once.
DocumentReport document_report(const Document& doc, std::span<const Record> records, const std::string& name,
                               const std::string& index_href);

/// The index of a run: every input with its counts and warnings, sortable (worst first by
/// default), filterable, shown a hundred at a time so ten thousand inputs stay usable.
std::string index_report(std::span<const ReportEntry> entries);

}  // namespace protokoll
