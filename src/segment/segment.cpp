// Meeting boundaries from the structure of minutes: a meeting starts at a header block (a date
// with the fields of a header around it: who, where, when, the kind of document), never at a
// date inside an item, a decision, a next-meeting line, a signature or a notice of posting; the
// closing and the notice belong to the meeting before them.
#include "protokoll/segment.hpp"

#include <algorithm>

#include "minutes/dates.hpp"
#include "minutes/vocabulary.hpp"
#include "text/text_util.hpp"

namespace protokoll {
namespace {

using minutes::Label;

// What segmentation needs to know of a line, worked out once.
struct Facts {
  bool page_start = false, blank = false, item = false, attestation = false, signature = false, furniture = false;
  bool next_meeting = false, doc_type = false, long_text = false;
  Label label = Label::none;
  int page_number = 0;
  std::optional<Date> date;  // the line dates a meeting
};

// A line that dates a meeting: short, and the date is its subject (a weekday before it, a date
// label, or the date at the start or end of the line), not a date inside running text.
std::optional<Date> meeting_date_line(std::string_view line, Label label) {
  if (line.empty() || utf8_length(line) > 90) return std::nullopt;
  auto m = find_date(line);
  if (!m) return std::nullopt;
  const bool labelled = label == Label::date || label == Label::time || label == Label::place_and_time;
  const bool edge = m->begin <= 2 || trim(line.substr(m->end)).size() <= 14;
  if (!m->weekday.empty() || labelled || edge) return m->date;
  return std::nullopt;
}

Facts facts_of(const StreamLine& l, const StreamLine* prev) {
  Facts f;
  const std::string_view raw = l.text;
  f.page_start = !prev || prev->page != l.page || prev->document != l.document ||
                 (raw.size() > 1 && raw[0] == ' ' && raw[1] != ' ');
  const std::string_view t = trim(raw);
  f.blank = t.empty();
  if (f.blank) return f;
  f.long_text = utf8_length(t) > 90 || t.back() == '.';
  f.item = minutes::match_item(t) || minutes::match_section(t);
  f.attestation = minutes::is_attestation(t);
  f.signature = minutes::is_signature_line(t);
  f.furniture = minutes::is_page_furniture(t);
  f.next_meeting = minutes::next_meeting(t).has_value();
  f.page_number = minutes::page_number(t);
  f.label = minutes::match_label(t).label;
  f.doc_type = !f.long_text && minutes::document_type(t).has_value();
  if (!f.item && !f.attestation && !f.next_meeting && f.label != Label::adjustment && !f.signature)
    f.date = meeting_date_line(t, f.label);
  return f;
}

// How the lines around a date line look like a header: who was there and where (strong), or
// the kind of document and a date label (a title).
struct Evidence {
  bool strong = false, title = false;
};
Evidence header_evidence(std::span<const StreamLine> lines, const std::vector<Facts>& facts, std::size_t i) {
  Evidence e;
  auto look = [&](std::size_t j) {
    const Facts& f = facts[j];
    if (minutes::lists_people(f.label) || f.label == Label::place || f.label == Label::place_and_time ||
        f.label == Label::time)
      e.strong = true;
    if (f.doc_type || f.label == Label::date) e.title = true;
  };
  for (std::size_t j = i; j < facts.size() && j <= i + 12; ++j) {
    if (j > i && (facts[j].item || facts[j].date)) break;
    // The next page's header is the next meeting's evidence, not this date's.
    if (lines[j].document != lines[i].document || lines[j].page != lines[i].page) break;
    look(j);
  }
  for (std::size_t j = i; j-- > 0 && j + 6 >= i;) {
    if (facts[j].item || facts[j].signature || facts[j].attestation) break;
    look(j);
    if (facts[j].page_start) break;
  }
  return e;
}

// A page's header that repeats the meeting's date: "Sida 2 (3)" near it.
bool continuation_page(const std::vector<Facts>& facts, std::size_t i) {
  for (std::size_t j = i >= 3 ? i - 3 : 0; j < facts.size() && j <= i + 3; ++j)
    if (facts[j].page_number > 1) return true;
  return false;
}

bool near_page_start(const std::vector<Facts>& facts, std::size_t i) {
  for (std::size_t j = i + 1; j-- > 0 && j + 8 >= i;)
    if (facts[j].page_start) return true;
  return false;
}

// A short line that may be part of a header block above the date.
bool header_like(std::string_view raw, const Facts& f) {
  if (f.blank) return true;
  if (f.item || f.signature || f.attestation || f.furniture || f.long_text || f.next_meeting) return false;
  if (f.label == Label::secretary || f.label == Label::adjusters || f.label == Label::chair) return false;
  const std::string_view line = trim(raw);
  // Its length as read, not as laid out: a header set in two columns ("BÅSTADS KOMMUN", wide
  // space, "SAMMANTRÄDESPROTOKOLL") is a short line.
  std::size_t gaps = 0;
  for (std::size_t k = 1; k < line.size(); ++k) gaps += line[k] == ' ' && line[k - 1] == ' ';
  if (utf8_length(line) - gaps > 70 || minutes::closing_secretary(line)) return false;
  if (line.back() == ',') return false;
  if (line.rfind("•", 0) == 0 || line.rfind("◦", 0) == 0 || line.rfind("- ", 0) == 0) return false;
  return true;
}

// The first line of a meeting whose date is on line i: its header block above the date (the
// organisation, the body, the kind of document), back to where the page or file begins.
std::size_t block_start(std::span<const StreamLine> lines, const std::vector<Facts>& facts, std::size_t i, std::size_t floor) {
  std::size_t start = i, nonblank = 0;
  while (start > floor && nonblank < 6 && header_like(lines[start - 1].text, facts[start - 1])) {
    --start;
    if (!facts[start].blank) ++nonblank;
    if (facts[start].page_start) break;  // a header block begins a page or a file
  }
  while (start < i && facts[start].blank) ++start;
  return start;
}

}  // namespace

std::vector<StreamLine> stream_lines(std::span<const Document> documents) {
  std::vector<StreamLine> stream;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const auto& pages = documents[d].pages;
    for (std::size_t p = 0; p < pages.size(); ++p)
      for (std::size_t l = 0; l < pages[p].lines.size(); ++l)
        stream.push_back(StreamLine{pages[p].lines[l].text, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(p),
                                    static_cast<std::uint32_t>(l), pages[p].number, pages[p].lines[l].box.height});
  }
  return stream;
}

struct MeetingSegmenter::State {
  std::vector<Facts> facts;  // of the lines fed, from the first one kept
  std::vector<std::size_t> starts;
  std::size_t decided = 0;   // lines [0, decided) have had their say
  std::optional<Date> current;
  bool has_body = false, closed = false, attestation = false;
};

MeetingSegmenter::MeetingSegmenter() : state_(std::make_unique<State>()) {}
MeetingSegmenter::~MeetingSegmenter() = default;
MeetingSegmenter::MeetingSegmenter(MeetingSegmenter&&) noexcept = default;
MeetingSegmenter& MeetingSegmenter::operator=(MeetingSegmenter&&) noexcept = default;

void MeetingSegmenter::feed(std::span<const StreamLine> lines, bool final) {
  State& s = *state_;
  auto& facts = s.facts;
  for (std::size_t i = facts.size(); i < lines.size(); ++i) facts.push_back(facts_of(lines[i], i ? &lines[i - 1] : nullptr));
  // A line's decision looks at most 3 lines on across a file's end (continuation_page) and no
  // further than its own page otherwise; lines arrive a whole document at a time.
  const std::size_t until = final ? lines.size() : (lines.size() > 3 ? lines.size() - 3 : 0);
  for (std::size_t i = s.decided; i < until; ++i) {
    const Facts& f = facts[i];
    if (f.page_start) s.attestation = false;
    if (f.attestation) s.attestation = true;
    if (f.item) s.has_body = true;
    if (s.has_body && (f.signature || f.attestation || f.label == Label::secretary || f.label == Label::adjusters)) s.closed = true;
    if (!f.date || s.attestation) continue;
    if (!s.current) {
      s.current = f.date;  // the first meeting starts at the top of the stream
      continue;
    }
    if (continuation_page(facts, i)) continue;
    const Evidence e = header_evidence(lines, facts, i);
    const bool same = *f.date == *s.current;
    const bool at_start = near_page_start(facts, i);
    // A new meeting needs a header around its date: who and where, or a title at the top of a
    // page or file; and the meeting before must have reached its agenda (a date in the header,
    // "Justeringens plats och tid …", is the same meeting). The same date again is a page
    // header, unless a whole header follows (a second copy, or two meetings on one day).
    bool start = false;
    if (same) start = e.strong && (s.has_body || s.closed) && at_start;
    else start = (e.strong && (s.has_body || s.closed || at_start)) || (e.title && at_start && (s.has_body || s.closed));
    if (!start) continue;
    s.current = f.date;
    s.has_body = s.closed = false;
    const std::size_t floor = s.starts.empty() ? 0 : s.starts.back() + 1;
    s.starts.push_back(block_start(lines, facts, i, floor));
  }
  s.decided = std::max(s.decided, until);
}

const std::vector<std::size_t>& MeetingSegmenter::starts() const { return state_->starts; }

std::size_t MeetingSegmenter::keep_from() const {
  const State& s = *state_;
  // What a later decision looks back at: 8 lines before a date (near_page_start), and nothing
  // before the open meeting's first line (block_start stops there).
  if (s.starts.empty()) return 0;
  return s.starts.back() > 8 ? s.starts.back() - 8 : 0;
}

void MeetingSegmenter::drop(std::size_t n) {
  State& s = *state_;
  n = std::min(n, keep_from());
  s.facts.erase(s.facts.begin(), s.facts.begin() + static_cast<long>(n));
  s.decided -= n;
  std::vector<std::size_t> kept;
  for (std::size_t start : s.starts)
    if (start >= n) kept.push_back(start - n);
  s.starts = std::move(kept);
}

std::vector<Segment> segment_meetings(std::span<const StreamLine> lines) {
  std::vector<Segment> segments;
  if (lines.empty()) return segments;
  MeetingSegmenter segmenter;
  segmenter.feed(lines, true);
  std::size_t begin = 0;
  for (std::size_t s : segmenter.starts()) {
    if (s > begin) segments.push_back({begin, s});
    begin = s;
  }
  segments.push_back({begin, lines.size()});
  return segments;
}

}  // namespace protokoll
