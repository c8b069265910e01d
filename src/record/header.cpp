// The header: the meeting's date (with the weekday the minutes give it), time and place; the
// kind of document, the organisation and the body; the paragraphs the minutes cover.
#include <regex>

#include "record/parts.hpp"
#include "text/chars.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {
namespace {

using minutes::Label;

bool ends_with_stop(std::string_view t) { return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?'); }

// Lines whose dates are not the meeting's: the notice of posting, the signatures, the date of
// adjusting the minutes, the next meeting.
bool other_date(const MeetingLine& l) {
  return l.role == Role::attestation || l.role == Role::signature || l.role == Role::furniture ||
         (l.role == Role::label && l.label.label == Label::adjustment) || minutes::next_meeting(l.text);
}

void read_date(MeetingText& m, Record& r) {
  const auto& lines = m.lines;
  std::optional<DateMatch> date;
  std::size_t at = 0;
  for (int pass = 0; pass < 2 && !date; ++pass) {
    // The header first, then anywhere.
    const std::size_t end = pass == 0 ? std::max(m.body, m.fields_end) : lines.size();
    for (std::size_t i = 0; i < end && !date; ++i) {
      if (other_date(lines[i]) || (pass == 1 && lines[i].role == Role::item)) continue;
      auto d = find_date(lines[i].text);
      if (!d) continue;
      // Prefer a date with a weekday a few lines further down over a bare page-header date.
      for (std::size_t j = i + 1; j < std::min(lines.size(), i + 8); ++j) {
        if (other_date(lines[j])) continue;
        auto d2 = find_date(lines[j].text);
        if (d2 && d2->date == d->date && !d2->weekday.empty() && d->weekday.empty()) {
          d = d2;
          i = j;
          break;
        }
      }
      date = d;
      at = i;
    }
  }
  m.date = date;
  m.date_line = at;
  if (!date) {
    r.warnings.push_back({"no-date", "no meeting date was found"});
    return;
  }
  r.date = date->date.iso();
  if (!date->weekday.empty()) {
    r.weekday = date->weekday;
    const int written = parse_weekday(date->weekday), actual = day_of_week(date->date);
    if (written >= 0 && written != actual) {
      static const char* names[] = {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"};
      r.warnings.push_back({"weekday-mismatch", "the minutes say " + date->weekday + " but " + date->date.iso() +
                                                    " is a " + names[actual]});
    }
  }
  if (date->ambiguous) r.warnings.push_back({"date-ambiguous", "the date " + date->date.iso() + " could be read another way"});
}

std::string strip_place(std::string place) {
  place = collapse_spaces(place);
  static const std::regex kl(R"(\s*(kl\.?|klockan)\s*$)", std::regex::icase);
  if (place.size() < 300) place = collapse_spaces(std::regex_replace(place, kl, ""));
  while (!place.empty() && (place.back() == ',' || place.back() == '-' || place.back() == '.' || place.back() == ' ' ||
                            place.back() == ':'))
    place.pop_back();
  while (!place.empty() && (place[0] == ',' || place[0] == ' ' || place[0] == '-')) place.erase(0, 1);
  if (place.rfind("i ", 0) == 0) place = place.substr(2);
  return collapse_spaces(place);
}

// "Kommunhuset, kl. 18.30–20.45", "Stadshuset, sal Väsman, tisdag 15 juni 2021 kl. 13.00":
// the time, and the place before the date or time.
void read_place_and_time(const std::string& value, Record& r) {
  std::string place = value;
  if (auto t = find_time_range(place)) {
    if (!r.start) r.start = t->start;
    if (!r.end && !t->end.empty()) r.end = t->end;
    place = place.substr(0, t->begin);
  }
  if (auto d = find_date(place)) place = place.substr(0, d->begin);
  // A weekday before the date ("…, tisdag 15 juni") is not the place.
  static const std::regex weekday(R"(,?\s*[A-Za-zåäöÅÄÖ]+dag(en)?(\s+den)?\s*,?\s*$)", std::regex::icase);
  if (place.size() < 300) place = std::regex_replace(place, weekday, "");
  place = strip_place(place);
  if (!place.empty() && !r.location) r.location = place;
}

// What the date line says besides the date: the time, and a place after it ("…, 12.15–12.55,
// sal B12", "… kl. 18.30–20.30 hos Lisa Forsberg, Ålidhem", "…, i personalrummet").
void read_date_line(const MeetingText& m, Record& r) {
  const auto& lines = m.lines;
  const std::string& line = lines[m.date_line].text;
  const std::string after = line.substr(std::min(line.size(), m.date->end));
  auto t = find_time_range(after);
  for (std::size_t j = m.date_line + 1; !t && j < std::min(lines.size(), m.date_line + 4); ++j)
    if (!other_date(lines[j]) && lines[j].role != Role::item) t = find_time_range(lines[j].text);
  if (t && !r.start) {
    r.start = t->start;
    if (!t->end.empty()) r.end = t->end;
  }
  if (auto same_line = find_time_range(after); same_line && !r.location) {
    const std::string rest = strip_place(after.substr(std::min(after.size(), same_line->end_offset)));
    if (!rest.empty() && utf8_length(rest) <= 60 && !minutes::document_type(rest)) r.location = rest;
  }
  // The line after the date line, short and alone: the place ("Klubbstugan, Folkasboskogen").
  if (!r.location && m.date_line + 1 < lines.size()) {
    const MeetingLine& next = lines[m.date_line + 1];
    if (next.role == Role::text && next.column == 0 && next.columns == 1 && !next.text.empty() &&
        utf8_length(next.text) <= 50 && !ends_with_stop(next.text) && !find_time_range(next.text) &&
        !minutes::document_type(next.text) && parse_people(next.text).empty())
      r.location = strip_place(next.text);
  }
}

std::optional<std::string> paragraph_range(std::string_view text) {
  static const std::regex range(R"((\d{1,4})\s*(?:-|–|—)\s*(\d{1,4}))");
  const std::string s(text.substr(0, std::min<std::size_t>(text.size(), 200)));
  std::smatch mm;
  if (std::regex_search(s, mm, range)) return mm.str(1) + "-" + mm.str(2);
  return std::nullopt;
}

void read_fields(MeetingText& m, Record& r) {
  const auto& lines = m.lines;
  const std::size_t end = std::max(m.body, m.fields_end);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const MeetingLine& l = lines[i];
    if (l.role != Role::label) continue;
    const bool in_header = i < end;
    std::string value = l.label.rest;
    if (value.empty() && i + 1 < lines.size() && lines[i + 1].role == Role::text) value = lines[i + 1].text;
    switch (l.label.label) {
      case Label::place:
        if (in_header && !r.location) {
          // A time in the place ("Kommunhuset, kl. 18.30") but not a room number ("rum 4:12").
          const auto t = find_time_range(value);
          const bool timed = t && (!t->end.empty() || to_lower(value).find("kl") != std::string::npos);
          if (timed || find_date(value)) read_place_and_time(value, r);
          else if (!value.empty()) r.location = strip_place(value);
        }
        break;
      case Label::place_and_time:
        if (in_header) read_place_and_time(value, r);
        break;
      case Label::time:
      case Label::date:
        if (in_header && !r.start)
          if (auto t = find_time_range(value)) {
            r.start = t->start;
            if (!t->end.empty()) r.end = t->end;
          }
        break;
      case Label::paragraphs:
        if (!r.paragraphs) r.paragraphs = paragraph_range(value);
        break;
      case Label::theme:
        if (!r.theme && !l.label.rest.empty()) r.theme = collapse_spaces(l.label.rest);
        break;
      case Label::body:
        if (in_header && !r.body && !value.empty()) r.body = collapse_spaces(value);
        break;
      default:
        break;
    }
  }
  // "Paragrafer §§ 41–46" standing in another column of the header.
  if (!r.paragraphs)
    for (const auto& l : lines)
      if (l.text.rfind("§§", 0) == 0) r.paragraphs = paragraph_range(l.text);
}

// Organisation, body and the kind of document: the short lines above the date.
void read_titles(const MeetingText& m, Record& r) {
  const auto& lines = m.lines;
  std::vector<std::string> header;
  const std::size_t end = std::min(m.date ? m.date_line + 1 : m.body, std::max(m.body, std::size_t(1)));
  for (std::size_t i = 0; i < std::min(end, lines.size()); ++i) {
    const MeetingLine& l = lines[i];
    // A label word alone is a title here ("Ledningsgrupp"), a field with a value is not.
    const bool word_alone = l.role == Role::label && l.label.rest.empty() && !l.label.colon;
    if (l.role != Role::text && l.role != Role::furniture && !word_alone) continue;
    std::string t = l.text;
    if (auto kind = minutes::document_type(t); kind && !r.document_type) r.document_type = kind;
    if (auto d = find_date(t)) t = collapse_spaces(t.substr(0, d->begin) + t.substr(d->end));
    while (!t.empty() && (t.back() == '-' || t.back() == ',')) t = collapse_spaces(t.substr(0, t.size() - 1));
    if (t.size() >= 3 && utf8_length(t) <= 80 && !minutes::document_type(t)) header.push_back(t);
  }
  static const std::regex body_words(
      R"((grupp|nämnd|styrelse|utskott|råd|fullmäktige|kommitté|möte|arbetsplatsträff|APT|stämma|elevkår))",
      std::regex::icase);
  static const std::regex org_words(R"((förvaltning|kommun|stad|region|skola|skolor|landsting|bolag|AB\b|församling|förening|brf\b|IFK|IF\b|elevkår))",
                                    std::regex::icase);
  for (const auto& h : header) {
    if (!r.body && std::regex_search(h, body_words)) r.body = h;
    if (!r.organization && std::regex_search(h, org_words) && (!r.body || *r.body != h)) r.organization = h;
  }
  if (!r.organization && !header.empty() && (!r.body || *r.body != header.front())) r.organization = header.front();
  if (!r.document_type)
    for (const auto& l : lines) {
      if (l.row >= 12) break;
      if (auto kind = minutes::document_type(l.text)) {
        r.document_type = kind;
        break;
      }
    }
}

// Where the minutes say the meeting ended: "Mötet avslutades kl. 19.50", "förklarade årsmötet
// avslutat kl. 15.25".
void read_end(const MeetingText& m, Record& r) {
  if (r.end || !r.start) return;
  static const std::regex ended(R"(avslut\w*[^.]{0,60}?\bkl\.?\s*([01]?\d|2[0-3])[.:]([0-5]\d))", std::regex::icase);
  for (const auto& l : m.lines) {
    if (l.text.size() > minutes::kMaxFieldLine || l.text.find("vslut") == std::string::npos) continue;
    std::smatch mm;
    if (std::regex_search(l.text, mm, ended)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02d:%s", std::stoi(mm.str(1)), mm.str(2).c_str());
      if (std::string(buf) > *r.start) r.end = buf;
    }
  }
}

}  // namespace

void read_header(MeetingText& m, Record& r) {
  read_date(m, r);
  read_fields(m, r);
  if (m.date) read_date_line(m, r);
  read_titles(m, r);
  read_end(m, r);
}

}  // namespace protokoll::record
