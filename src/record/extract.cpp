// Record extraction: a meeting's lines in, its record out. The readers (header, attendance,
// items) each fill their fields from the same lines.
#include "protokoll/record.hpp"

#include "record/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll {

Record extract_record(std::string_view meeting_text) {
  std::vector<StreamLine> stream;
  for (std::string_view l : split_lines(meeting_text)) {
    StreamLine line;
    line.text = l;
    stream.push_back(line);
  }
  return extract_record(stream);
}

Record extract_record(std::span<const StreamLine> meeting) {
  using namespace record;
  Record r;
  MeetingText m = meeting_text(meeting, r);
  read_date(m, r);
  read_header(m, r);
  read_fields(m, r);
  read_items(m, r);
  read_unnumbered_items(m, r);
  // Stable id: date + body slug.
  std::string who = r.body ? *r.body : r.organization ? *r.organization : "meeting";
  r.id = (r.date ? *r.date : std::string("undated")) + "-" + slug(who);
  return r;
}

}  // namespace protokoll
