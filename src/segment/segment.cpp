#include "protokoll/segment.hpp"

#include "minutes/dates.hpp"
#include "text/text_util.hpp"
#include "minutes/vocabulary.hpp"

namespace protokoll {
namespace {

// A line that dates a meeting: short, and the date is its subject (a weekday before it, a date
// label, or the date at the start or end of the line), not a date inside running text.
std::optional<Date> meeting_date_line(std::string_view raw) {
  std::string_view line = trim(raw);
  if (line.empty() || utf8_length(line) > 90) return std::nullopt;
  auto m = find_date(line);
  if (!m) return std::nullopt;
  auto label = minutes::match_label(line).label;
  bool labelled = label == minutes::Label::date || label == minutes::Label::time ||
                  label == minutes::Label::place_and_time;
  bool edge = m->begin <= 2 || trim(line.substr(m->end)).size() <= 14;
  if (!m->weekday.empty() || labelled || edge) return m->date;
  return std::nullopt;
}

bool header_like(std::string_view raw) {
  std::string_view line = trim(raw);
  if (line.empty()) return true;
  if (utf8_length(line) > 70) return false;
  if (minutes::match_item(line) || minutes::closing_secretary(line)) return false;
  if (line.back() == '.' || line.back() == ',') return false;
  auto lead = line.substr(0, 3);
  if (lead.rfind("•", 0) == 0 || lead.rfind("◦", 0) == 0 || lead.rfind("- ", 0) == 0) return false;
  return true;
}

// The first line of a page or file. Archive text without form feeds marks a new page by one
// leading space (" Skol- och fritidsförvaltningen").
bool page_start(std::span<const StreamLine> lines, std::size_t i) {
  if (i == 0) return true;
  if (lines[i].page != lines[i - 1].page || lines[i].document != lines[i - 1].document) return true;
  const std::string_view t = lines[i].text;
  return t.size() > 1 && t[0] == ' ' && t[1] != ' ';
}

// Whether the lines after a date line hold a meeting's header fields (participants, place).
bool header_block_follows(std::span<const StreamLine> lines, std::size_t i) {
  for (std::size_t j = i; j < lines.size() && j < i + 10; ++j) {
    auto label = minutes::match_label(lines[j].text).label;
    if (label == minutes::Label::participants || label == minutes::Label::place ||
        label == minutes::Label::place_and_time || label == minutes::Label::absent)
      return true;
    if (minutes::match_item(lines[j].text)) return false;
  }
  return false;
}

}  // namespace

std::vector<StreamLine> stream_lines(std::span<const Document> documents) {
  std::vector<StreamLine> stream;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const auto& pages = documents[d].pages;
    for (std::size_t p = 0; p < pages.size(); ++p)
      for (std::size_t l = 0; l < pages[p].lines.size(); ++l)
        stream.push_back(StreamLine{pages[p].lines[l].text, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(p),
                                    static_cast<std::uint32_t>(l), pages[p].number});
  }
  return stream;
}

std::vector<Segment> segment_meetings(std::span<const StreamLine> lines) {
  std::vector<Segment> segments;
  if (lines.empty()) return segments;
  std::vector<std::size_t> starts;
  std::optional<Date> current;
  bool has_body = false;  // the current meeting has reached its agenda (items or sections)
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (minutes::match_item(lines[i].text) || minutes::match_section(lines[i].text)) has_body = true;
    auto date = meeting_date_line(lines[i].text);
    if (!date) continue;
    if (!current) {
      current = date;
      continue;  // the first meeting starts at the top of the stream
    }
    // Another date in a meeting's header ("Justeringens plats och tid: ... 2023-03-16") is not
    // a new meeting; one after the agenda has begun is. The same date again is a page header,
    // unless a header block (who, where) follows: two meetings on one day.
    const bool header = header_block_follows(lines, i);
    bool near_page_start = false;
    for (std::size_t j = i + 1; j-- > 0 && j + 8 >= i;) near_page_start = near_page_start || page_start(lines, j);
    if (*date == *current ? !(has_body && header) : !(has_body || (header && near_page_start))) continue;
    current = date;
    has_body = false;
    // The meeting starts at its header block: walk back over short header lines (organisation,
    // body, page header) to the first line after the previous meeting's content.
    std::size_t start = i, nonblank = 0;
    const std::size_t floor = starts.empty() ? 0 : starts.back() + 1;
    while (start > floor && nonblank < 5 && header_like(lines[start - 1].text)) {
      --start;
      if (!trim(lines[start].text).empty()) ++nonblank;
      if (page_start(lines, start)) break;  // a header block begins a page or a file
    }
    while (start < i && trim(lines[start].text).empty()) ++start;
    starts.push_back(start);
  }
  std::size_t begin = 0;
  for (std::size_t s : starts) {
    if (s > begin) segments.push_back({begin, s});
    begin = s;
  }
  segments.push_back({begin, lines.size()});
  return segments;
}

}  // namespace protokoll
