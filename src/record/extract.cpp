// Record extraction: a meeting's lines in, its record out. The layout first (what each line
// is, where the agenda and the closing are), then the readers, each filling its fields.
#include "protokoll/record.hpp"

#include <algorithm>

#include "protokoll/input.hpp"
#include "record/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll {
namespace {

// Where the text disagrees with itself: the paragraphs the minutes say they cover are not the
// items' ("Paragrafer §§ 31–35" over §§ 31–34).
void check_paragraphs(Record& r) {
  if (!r.paragraphs || r.items.empty()) return;
  const auto dash = r.paragraphs->find('-');
  if (dash == std::string::npos) return;
  const int first = std::stoi(r.paragraphs->substr(0, dash)), last = std::stoi(r.paragraphs->substr(dash + 1));
  const auto& a = r.items.front().number;
  const auto& b = r.items.back().number;
  if (!a || !b) return;
  if (*a != first || *b != last)
    r.warnings.push_back({"paragraph-range-mismatch", "the minutes give paragraphs " + *r.paragraphs + " but the items run " +
                                                          std::to_string(*a) + "-" + std::to_string(*b)});
}

}  // namespace

Record extract_record(std::string_view meeting_text) {
  Document doc;
  load_text_lines(meeting_text, doc);
  return extract_record(stream_lines(std::span<const Document>(&doc, 1)));
}

Record extract_record(std::span<const StreamLine> meeting) {
  using namespace record;
  Record r;
  MeetingText m = meeting_text(meeting, r);
  find_agenda(m);
  read_header(m, r);
  read_attendance(m, r);
  read_items(m, r);
  read_closing(m, r);
  check_paragraphs(r);
  // The id: the date and the body; make_ids_unique tells apart what a run holds twice.
  std::string who = r.body ? *r.body : r.organization ? *r.organization : "meeting";
  r.id = (r.date ? *r.date : std::string("undated")) + "-" + slug(who);
  return r;
}

}  // namespace protokoll
