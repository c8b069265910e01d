// The header: the meeting's date (with the weekday the minutes give it) and time, and the
// short lines above the date that name the organisation and the body.
#include <regex>

#include "minutes/vocabulary.hpp"
#include "record/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {

using minutes::Label;

void read_date(MeetingText& m, Record& r) {
  const std::vector<std::string>& lines = m.lines;
  const std::size_t body = m.body;
  // Date, weekday and time: the first meeting-date in the header, else anywhere.
  std::optional<DateMatch>& date = m.date;
  std::size_t& date_line = m.date_line;
  for (std::size_t i = 0; i < lines.size() && !date; ++i) {
    auto m = find_date(lines[i]);
    if (!m) continue;
    if (i >= body && i > 40) break;
    // Prefer a date with a weekday a few lines further down over a bare page-header date.
    for (std::size_t j = i + 1; j < std::min(lines.size(), i + 8); ++j) {
      auto m2 = find_date(lines[j]);
      if (m2 && m2->date == m->date && !m2->weekday.empty() && m->weekday.empty()) {
        m = m2;
        i = j;
        break;
      }
    }
    date = m;
    date_line = i;
  }
  if (date) {
    r.date = date->date.iso();
    if (!date->weekday.empty()) {
      r.weekday = date->weekday;
      int written = parse_weekday(date->weekday);
      int actual = day_of_week(date->date);
      if (written >= 0 && written != actual) {
        static const char* names[] = {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"};
        r.warnings.push_back({"weekday-mismatch", "the minutes say " + date->weekday + " but " + date->date.iso() +
                                                      " is a " + names[actual]});
      }
    }
    if (date->ambiguous) r.warnings.push_back({"date-ambiguous", "the date " + date->date.iso() + " could be read another way"});
    // Time: on the date line after the date, else on the next lines or a "Tid" label.
    std::string after = lines[date_line].substr(std::min(lines[date_line].size(), date->end));
    auto t = find_time_range(after);
    for (std::size_t j = date_line + 1; !t && j < std::min(lines.size(), date_line + 4); ++j) t = find_time_range(lines[j]);
    if (t) {
      r.start = t->start;
      if (!t->end.empty()) r.end = t->end;
    }
  } else {
    r.warnings.push_back({"no-date", "no meeting date was found"});
  }

}

void read_header(const MeetingText& m, Record& r) {
  const std::vector<std::string>& lines = m.lines;
  const auto& date = m.date;
  const std::size_t date_line = m.date_line, body = m.body;
  // Header block: organisation and body are the short lines above the date.
  {
    std::vector<std::string> header;
    for (std::size_t i = 0; i < std::min(date ? date_line : body, lines.size()); ++i) {
      std::string t = collapse_spaces(lines[i]);
      // A field ("Plats: …") is not a header line; a label word alone ("Ledningsgrupp") is.
      if (t.empty() || (minutes::match_label(t).label != Label::none && t.find(':') != std::string::npos)) continue;
      if (auto d = find_date(t)) t = collapse_spaces(t.substr(0, d->begin) + t.substr(d->end));
      while (!t.empty() && (t.back() == '-' || t.back() == ',')) t = collapse_spaces(t.substr(0, t.size() - 1));
      if (t.size() >= 3 && utf8_length(t) <= 80) header.push_back(t);
    }
    static const std::regex body_words(R"((grupp|nämnd|styrelse|utskott|råd|fullmäktige|kommitté|möte|arbetsplatsträff|APT))",
                                       std::regex::icase);
    static const std::regex org_words(R"((förvaltning|kommun|stad|region|skola|skolor|landsting|bolag))", std::regex::icase);
    for (const auto& h : header) {
      if (!r.body && std::regex_search(h, body_words)) r.body = h;
      if (!r.organization && std::regex_search(h, org_words) && (!r.body || *r.body != h)) r.organization = h;
    }
    if (!r.organization && !header.empty() && (!r.body || *r.body != header.front())) r.organization = header.front();
  }

}

}  // namespace protokoll::record
