// A document's meeting records in its report: one table per meeting, each field a link to the
// line it was read from, found in the meeting's own lines (the same segmentation the records
// came from), so that a person checks a field against the text in one click.
#include <array>

#include "protokoll/segment.hpp"
#include "report/html.hpp"
#include "report/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll::report {
namespace {

// The lines of one meeting, lowered once, with their 1-based source line numbers.
class MeetingLines {
 public:
  MeetingLines(std::span<const StreamLine> lines, std::span<const std::size_t> numbers) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      lowered_.push_back(to_lower(lines[i].text));
      numbers_.push_back(numbers[i]);
    }
  }
  /// The first line holding any of the needles (in that order of preference), else the
  /// meeting's first line that is not blank.
  std::size_t find(const std::vector<std::string>& needles) const {
    for (const auto& needle : needles) {
      if (needle.empty()) continue;
      const std::string n = to_lower(needle);
      for (std::size_t i = 0; i < lowered_.size(); ++i)
        if (lowered_[i].find(n) != std::string::npos) return numbers_[i];
    }
    for (std::size_t i = 0; i < lowered_.size(); ++i)
      if (!trim(lowered_[i]).empty()) return numbers_[i];
    return numbers_.empty() ? 1 : numbers_.front();
  }

 private:
  std::vector<std::string> lowered_;
  std::vector<std::size_t> numbers_;
};

std::string link(std::size_t line, std::string_view text) {
  return "<a href=\"#L" + std::to_string(line) + "\">" + escaped(text) + "</a>";
}

std::vector<std::string> date_needles(const std::string& iso) {
  static constexpr std::array<const char*, 12> kMonths{"januari", "februari", "mars",    "april",   "maj",      "juni",
                                                       "juli",    "augusti",  "september", "oktober", "november", "december"};
  if (iso.size() != 10) return {iso};
  const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  std::vector<std::string> n{iso, std::to_string(day) + " " + kMonths[static_cast<std::size_t>((month + 11) % 12)]};
  n.push_back(iso.substr(2));  // "23-03-14"
  n.push_back(iso.substr(0, 4));
  return n;
}

// A person: found by the whole name, else by the surname.
std::size_t find_person(const MeetingLines& m, const std::string& name) {
  const auto space = name.rfind(' ');
  return m.find({name, space == std::string::npos ? std::string() : name.substr(space + 1)});
}

void row(std::string& out, std::string_view label, const std::string& cell_html) {
  if (cell_html.empty()) return;
  out += "<tr><th scope=\"row\">";
  out += label;
  out += "</th><td>" + cell_html + "</td></tr>\n";
}

// Names, each linked to the line that has it, with what `describe` adds to the name.
template <class Person, class Describe>
std::string linked_names(const MeetingLines& m, const std::vector<Person>& list, Describe describe) {
  std::string out;
  for (const auto& p : list) {
    if (!out.empty()) out += ", ";
    out += link(find_person(m, p.name), describe(p));
  }
  return out;
}

std::string people(const MeetingLines& m, const std::vector<Participant>& list) {
  return linked_names(m, list, [](const Participant& p) {
    std::string shown = p.name;
    if (p.party) shown += " (" + *p.party + ")";
    if (p.role) shown += ", " + *p.role;
    if (p.replaces) shown += ", for " + *p.replaces;
    return shown;
  });
}

std::string absentees(const MeetingLines& m, const std::vector<Absent>& list) {
  return linked_names(m, list, [](const Absent& a) {
    std::string shown = a.name;
    if (a.party) shown += " (" + *a.party + ")";
    if (a.note) shown += ", " + *a.note;
    return shown;
  });
}

void append_items(std::string& out, const MeetingLines& m, const std::vector<Item>& items) {
  if (items.empty()) return;
  out += "<table class=\"items\"><caption>Agenda items</caption>\n"
         "<tr><th scope=\"col\">No.</th><th scope=\"col\">Item</th><th scope=\"col\">Decisions</th></tr>\n";
  for (const auto& item : items) {
    const std::size_t at = m.find({item.title});
    out += "<tr><td>" + (item.number ? link(at, std::to_string(*item.number)) : std::string()) + "</td><td>" + link(at, item.title);
    if (item.presenter) out += " <small>(" + escaped(*item.presenter) + ")</small>";
    out += "</td><td>";
    for (const auto& d : item.decisions) out += "<p>" + link(m.find({d.substr(0, 40)}), d) + "</p>";
    for (const auto& r : item.reservations) out += "<p><em>Reservation:</em> " + link(m.find({r.substr(0, 40)}), r) + "</p>";
    out += "</td></tr>\n";
  }
  out += "</table>\n";
}

void append_record(std::string& out, const Record& r, std::size_t index, const MeetingLines& m) {
  const std::size_t date_line = r.date ? m.find(date_needles(*r.date)) : m.find({});
  out += "<section class=\"record\" id=\"m" + std::to_string(index + 1) + "\">\n<h3>Meeting " + std::to_string(index + 1) + ": " +
         escaped(r.date.value_or("no date")) + (r.body ? " &middot; " + escaped(*r.body) : std::string()) + "</h3>\n<table>\n";
  const auto field = [&](std::string_view label, const std::optional<std::string>& v, std::size_t line) {
    if (v) row(out, label, link(line ? line : m.find({*v}), *v));
  };
  field("Date", r.date, date_line);
  field("Weekday", r.weekday, date_line);
  std::string time;
  if (r.start) time = *r.start + (r.end ? "–" + *r.end : std::string());
  if (!time.empty()) {
    const std::string hh = r.start->substr(0, 2);
    row(out, "Time", link(m.find({*r.start, hh + "." + r.start->substr(3), "kl"}), time));
  }
  field("Place", r.location, 0);
  field("Organization", r.organization, 0);
  field("Body", r.body, 0);
  field("Document", r.document_type, 0);
  field("Paragraphs", r.paragraphs, 0);
  if (r.chair) row(out, "Chair", link(find_person(m, *r.chair), *r.chair));
  if (r.secretary) row(out, "Secretary", link(find_person(m, *r.secretary), *r.secretary));
  std::string adjusters;
  for (const auto& a : r.adjusters) adjusters += (adjusters.empty() ? "" : ", ") + link(find_person(m, a), a);
  row(out, "Adjusters", adjusters);
  row(out, "Present", people(m, r.participants));
  row(out, "Absent", absentees(m, r.absent));
  field("Theme", r.theme, 0);
  if (r.next_meeting) {
    std::string next = r.next_meeting->date;
    if (r.next_meeting->start) next += " " + *r.next_meeting->start;
    if (r.next_meeting->location) next += ", " + *r.next_meeting->location;
    row(out, "Next meeting", link(m.find({"nästa", r.next_meeting->date}), next));
  }
  out += "</table>\n";
  append_items(out, m, r.items);
  out += "</section>\n";
}

}  // namespace

void append_records(std::string& out, const Document& doc, std::span<const Record> records) {
  out += "<section id=\"records\"><h2>Meetings (" + std::to_string(records.size()) + ")</h2>\n";
  if (records.empty()) out += "<p>No meeting found in this document.</p>\n";
  const std::vector<StreamLine> lines = stream_lines(std::span<const Document>(&doc, 1));
  std::vector<std::size_t> page_start(doc.pages.size(), 0);
  for (std::size_t p = 1; p < doc.pages.size(); ++p) page_start[p] = page_start[p - 1] + doc.pages[p - 1].lines.size();
  std::vector<std::size_t> numbers;
  numbers.reserve(lines.size());
  for (const auto& l : lines) numbers.push_back(page_start[l.page] + l.line + 1);
  // The records were read meeting by meeting from this segmentation; where they were not
  // (meetings that ran over several documents), each is looked up in the whole document.
  std::vector<Segment> segments = segment_meetings(lines);
  const bool aligned = segments.size() == records.size();
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Segment s = aligned ? segments[i] : Segment{0, lines.size()};
    const MeetingLines m(std::span<const StreamLine>(lines).subspan(s.begin, s.end - s.begin),
                         std::span<const std::size_t>(numbers).subspan(s.begin, s.end - s.begin));
    append_record(out, records[i], i, m);
  }
  out += "</section>\n";
}

}  // namespace protokoll::report
