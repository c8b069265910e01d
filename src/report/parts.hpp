// The blocks of a document's report page (internal): the pages with their marked text and
// image, and the records' tables whose fields link to the lines they came from.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "protokoll/document.hpp"
#include "protokoll/record.hpp"
#include "protokoll/report.hpp"

namespace protokoll::report {

/// Where a change stands in its line after the repair, in code points; `placed` false when its
/// replacement could not be found there (it is then shown after the line, still once).
struct PlacedChange {
  std::size_t change = 0;  ///< index in Document::changes
  std::size_t begin = 0, end = 0;
  bool placed = true;
};

/// The changes of one line (1-based source line `number`) placed in its repaired text.
std::vector<PlacedChange> place_changes(const std::u32string& repaired, std::span<const Change> all,
                                        std::span<const std::size_t> of_line);

/// Every page of the document: its image with the word boxes (scans that kept one), its lines
/// with the changes and doubtful words marked. Appends the images to `images`.
void append_pages(std::string& out, const Document& doc, const std::string& name,
                  std::vector<DocumentReport::Image>& images);

/// The records as tables, each field a link to the line it was read from (#L<n>).
void append_records(std::string& out, const Document& doc, std::span<const Record> records);

}  // namespace protokoll::report
