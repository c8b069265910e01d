// Attendance: the lists of the header (members, deputies and whom they replace, officials,
// absent with their reasons), with roles, parties, groups and classes; and the header's own
// secretary, chair and adjusters.
#include <algorithm>

#include "record/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {
namespace {

using minutes::Label;

void add_participant(Record& r, Participant p) {
  auto same = std::find_if(r.participants.begin(), r.participants.end(), [&](const Participant& q) { return q.name == p.name; });
  if (same != r.participants.end()) {
    // Listed twice (two groups, or a secretary named again): one participant, the details merged.
    if (!same->role && p.role) same->role = p.role;
    if (!same->party && p.party) same->party = p.party;
    if (!same->replaces && p.replaces) same->replaces = p.replaces;
    return;
  }
  r.participants.push_back(std::move(p));
}

void add_absent(Record& r, Absent a) {
  if (std::none_of(r.absent.begin(), r.absent.end(), [&](const Absent& b) { return b.name == a.name; }))
    r.absent.push_back(std::move(a));
}

void read_list(const minutes::LabelMatch& lm, const std::string& text, Record& r) {
  const bool absent = lm.label == Label::absent;
  for (PersonEntry& e : parse_people(text)) {
    if (absent) {
      Absent a;
      a.name = e.name;
      a.party = e.party;
      a.note = e.note ? e.note : e.role;
      add_absent(r, std::move(a));
      continue;
    }
    Participant p;
    p.name = e.name;
    p.party = e.party;
    p.role = e.role;
    p.replaces = e.replaces;
    if (!lm.group.empty()) p.group = lm.group;
    else if (e.group) p.group = e.group;
    else if (lm.label == Label::others_present) p.group = "övriga";
    else if (lm.label == Label::substitutes) p.group = "ersättare";
    if (e.role && minutes::is_chair_note(*e.role) && !r.chair) r.chair = e.name;
    if (e.role && minutes::is_secretary_note(*e.role) && !r.secretary) r.secretary = e.name;
    if (e.replaces) {
      // "X ersätter Y": Y was not there.
      Absent a;
      a.name = *e.replaces;
      a.party = e.replaces_party;
      add_absent(r, std::move(a));
    }
    add_participant(r, std::move(p));
  }
}

// The first name of a field's value ("Sekreterare: Karin Ekström, kanslichef").
std::optional<PersonEntry> first_person(const std::string& text) {
  auto people = parse_people(text);
  if (people.empty()) return std::nullopt;
  return people.front();
}

}  // namespace

void read_attendance(MeetingText& m, Record& r) {
  const auto& lines = m.lines;
  const std::size_t end = std::min(std::max(m.body, m.fields_end), lines.size());
  for (std::size_t i = 0; i < end; ++i) {
    const MeetingLine& l = lines[i];
    if (l.role != Role::label) continue;
    const auto& lm = l.label;
    if (minutes::lists_people(lm.label)) {
      std::size_t last = i;
      const std::string text = collect_list(m, i, lm.rest, last);
      read_list(lm, text, r);
      i = last;
      continue;
    }
    if (lm.label == Label::secretary || lm.label == Label::chair) {
      std::string value = lm.rest;
      if (value.empty() && i + 1 < lines.size() && lines[i + 1].role == Role::text) value = lines[i + 1].text;
      if (auto p = first_person(value)) {
        if (lm.label == Label::secretary && !r.secretary) r.secretary = p->name;
        if (lm.label == Label::chair && !r.chair) r.chair = p->name;
        // Who keeps the minutes or chairs was there.
        Participant q;
        q.name = p->name;
        q.party = p->party;
        q.role = lm.label == Label::secretary ? std::optional<std::string>("sekreterare") : std::optional<std::string>("ordförande");
        add_participant(r, std::move(q));
      }
      continue;
    }
    if (lm.label == Label::adjusters) {
      std::size_t last = i;
      const std::string text = collect_list(m, i, lm.rest, last);
      for (auto& e : parse_people(text))
        if (std::find(r.adjusters.begin(), r.adjusters.end(), e.name) == r.adjusters.end()) r.adjusters.push_back(e.name);
      i = last;
    }
  }
  // A deputy who served is no longer absent for the meeting's purposes only when listed as present too.
  r.absent.erase(std::remove_if(r.absent.begin(), r.absent.end(),
                                [&](const Absent& a) {
                                  return std::any_of(r.participants.begin(), r.participants.end(),
                                                     [&](const Participant& p) { return p.name == a.name; });
                                }),
                 r.absent.end());
}

}  // namespace protokoll::record
