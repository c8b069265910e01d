// Attendance and the other labelled fields of the header: place, time, participants (with
// groups, roles and parties), absent, secretary, chair, adjusters, theme.
#include <algorithm>
#include <regex>

#include "minutes/vocabulary.hpp"
#include "record/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {

using minutes::Label;
using minutes::is_chair_note;
using minutes::is_secretary_note;
using minutes::party_letters;

namespace {

// A line that may go on with a list of people.
bool list_line(const std::string& l) {
  return !trim(l).empty() && minutes::match_label(l).label == Label::none && !minutes::match_item(l) &&
         !minutes::match_section(l) && !find_date(l);
  }

// A list runs from its label over the lines that follow (from line i, which moves to the
// list's last line) until a blank line or another field.
std::string collect_list(const std::vector<std::string>& lines, std::size_t& i, const std::string& first,
                       std::size_t& fields_end) {
  // OCR puts blank lines between one-name lines, so a blank line followed by a name goes on.
  std::string text = first;
  while (i + 1 < lines.size()) {
    std::size_t next_i = i + 1;
    if (trim(lines[next_i]).empty() && next_i + 1 < lines.size() && list_line(lines[next_i + 1]) &&
        !text.empty() && !parse_names(collapse_spaces(lines[next_i + 1])).empty() &&
        utf8_length(collapse_spaces(lines[next_i + 1])) <= 40)
      ++next_i;
    const std::string& next = lines[next_i];
    if (!list_line(next)) break;
    // One name a line ("Göran Sjöström (M)"), or a name that wraps ("Karin" / "Gerken")?
    std::string_view last = text;
    if (auto comma = last.rfind(','); comma != std::string_view::npos) last = last.substr(comma + 1);
    last = trim(last);
    bool complete = !last.empty() && (last.back() == ')' || last.find(' ') != std::string_view::npos ||
                                      !(std::isupper(static_cast<unsigned char>(last[0])) ||
                                        static_cast<unsigned char>(last[0]) == 0xc3));
    // "vice" / "ordförande" is one role that wraps.
    const std::string tail = to_lower(last.substr(last.rfind(' ') == std::string_view::npos ? 0 : last.rfind(' ') + 1));
    if (tail == "vice" || tail == "1:e" || tail == "2:e" || tail == "förste" || tail == "andre") complete = false;
    if (!text.empty() && text.back() != ',' && complete) text += ',';
    text += ' ';
    text += std::string(trim(next));
    i = next_i;
  }
  fields_end = std::max(fields_end, i + 1);
  return text;
  }

}  // namespace

void read_fields(MeetingText& m, Record& r) {
  const std::vector<std::string>& lines = m.lines;
  const std::size_t body = m.body;
  std::size_t& fields_end = m.fields_end;
  auto collect = [&](std::size_t& i, const std::string& first) { return collect_list(lines, i, first, fields_end); };
  std::optional<std::string> closing;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto lm = minutes::match_label(lines[i]);
    if (lm.label == Label::none) continue;
    const bool in_header = i < body;
    switch (lm.label) {
      case Label::place:
      case Label::place_and_time:
        fields_end = std::max(fields_end, i + 1);
        if (in_header && !r.location) {
          std::string place = lm.rest;
          if (place.empty() && i + 1 < lines.size()) place = collapse_spaces(lines[i + 1]);
          if (lm.label == Label::place_and_time || find_time_range(place)) {
            if (auto t = find_time_range(place)) {
              if (!r.start) r.start = t->start;
              if (!r.end && !t->end.empty()) r.end = t->end;
              std::string rest = collapse_spaces(place.substr(0, t->begin));
              // "Kommunhuset, kl. 18.30": the place is before the time.
              while (!rest.empty() && (rest.back() == ',' || rest.back() == '-')) rest.pop_back();
              static const std::regex kl(R"(\s*(kl\.?|klockan)\s*$)", std::regex::icase);
              place = collapse_spaces(std::regex_replace(rest, kl, ""));
              while (!place.empty() && (place.back() == ',' || place.back() == '-')) place.pop_back();
            }
            if (auto d = find_date(place)) place = collapse_spaces(place.substr(0, d->begin));
            while (!place.empty() && (place.back() == ',' || place.back() == ' ')) place.pop_back();
          }
          if (!place.empty()) r.location = collapse_spaces(place);
        }
        break;
      case Label::time:
        fields_end = std::max(fields_end, i + 1);
        if (in_header) {
          if (auto t = find_time_range(lm.rest)) {
            if (!r.start) r.start = t->start;
            if (!r.end && !t->end.empty()) r.end = t->end;
          }
        }
        break;
      case Label::date:
        if (in_header && !r.start) {
          if (auto t = find_time_range(lm.rest)) {
            r.start = t->start;
            if (!t->end.empty()) r.end = t->end;
          }
        }
        break;
      case Label::participants:
      case Label::others_present:
      case Label::substitutes: {
        if (!in_header) break;
        std::string text = collect(i, lm.rest);
        std::string group = lm.group;
        for (auto& e : parse_names(text)) {
          Participant p;
          p.name = e.name;
          if (!group.empty()) p.group = group;
          else if (lm.label == Label::others_present) p.group = "övriga";
          else if (lm.label == Label::substitutes) p.group = "ersättare";
          for (const auto& n : e.notes) {
            if (party_letters().count(to_upper(n))) p.party = to_upper(n);
            else if (is_secretary_note(n)) {
              p.role = "sekreterare";
              if (!r.secretary) r.secretary = e.name;
            } else if (is_chair_note(n)) {
              p.role = "ordförande";
              if (!r.chair) r.chair = e.name;
            } else if (!p.role) p.role = n;
          }
          // The same person listed twice (two groups) is one participant.
          bool dup = std::any_of(r.participants.begin(), r.participants.end(),
                                 [&](const Participant& q) { return q.name == p.name; });
          if (!dup) r.participants.push_back(std::move(p));
        }
        break;
      }
      case Label::absent: {
        if (!in_header) break;
        std::string text = collect(i, lm.rest);
        for (auto& e : parse_names(text)) {
          Absent a;
          a.name = e.name;
          if (!e.notes.empty()) a.note = e.notes.front();
          r.absent.push_back(std::move(a));
        }
        break;
      }
      case Label::secretary: {
        if (in_header) fields_end = std::max(fields_end, i + 1);
        std::string text = lm.rest.empty() && i + 1 < lines.size() ? collapse_spaces(lines[i + 1]) : lm.rest;
        auto names = parse_names(text);
        if (!names.empty()) closing = names.front().name;
        break;
      }
      case Label::chair:
        if (!r.chair) {
          auto names = parse_names(lm.rest);
          if (!names.empty()) r.chair = names.front().name;
        }
        break;
      case Label::adjusters: {
        std::string text = collect(i, lm.rest);
        for (auto& e : parse_names(text)) r.adjusters.push_back(e.name);
        break;
      }
      case Label::theme:
        if (!r.theme && !lm.rest.empty()) r.theme = collapse_spaces(lm.rest);
        break;
      default:
        break;
    }
  }
  if (closing) r.secretary = closing;  // the one who signed the minutes

}

}  // namespace protokoll::record
