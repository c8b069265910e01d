// A record as JSON (docs/record.md, docs/record.schema.json).
#include "protokoll/record.hpp"

namespace protokoll {

nlohmann::ordered_json Record::to_json() const {
  using J = nlohmann::ordered_json;
  auto opt = [](const std::optional<std::string>& v) { return v ? J(*v) : J(nullptr); };
  J j;
  j["schema"] = kRecordSchema;
  j["id"] = id;
  J src = J::array();
  for (const auto& s : source) src.push_back({{"file", s.file}, {"sha256", s.sha256}, {"pages", s.pages}});
  j["source"] = src;
  j["document_type"] = opt(document_type);
  j["organization"] = opt(organization);
  j["body"] = opt(body);
  j["date"] = opt(date);
  j["weekday"] = opt(weekday);
  j["start"] = opt(start);
  j["end"] = opt(end);
  j["location"] = opt(location);
  j["paragraphs"] = opt(paragraphs);
  J parts = J::array();
  for (const auto& p : participants)
    parts.push_back({{"name", p.name}, {"group", opt(p.group)}, {"role", opt(p.role)}, {"party", opt(p.party)},
                     {"replaces", opt(p.replaces)}});
  j["participants"] = parts;
  J abs = J::array();
  for (const auto& a : absent) abs.push_back({{"name", a.name}, {"party", opt(a.party)}, {"note", opt(a.note)}});
  j["absent"] = abs;
  j["secretary"] = opt(secretary);
  j["chair"] = opt(chair);
  j["adjusters"] = adjusters;
  j["theme"] = opt(theme);
  J its = J::array();
  for (const auto& it : items)
    its.push_back({{"number", it.number ? J(*it.number) : J(nullptr)},
                   {"order", it.order},
                   {"section", opt(it.section)},
                   {"title", it.title},
                   {"presenter", opt(it.presenter)},
                   {"text", it.text},
                   {"decisions", it.decisions},
                   {"reservations", it.reservations}});
  j["items"] = its;
  if (next_meeting)
    j["next_meeting"] = {{"date", next_meeting->date}, {"start", opt(next_meeting->start)}, {"location", opt(next_meeting->location)}};
  else
    j["next_meeting"] = nullptr;
  j["text"] = text;
  J warns = J::array();
  for (const auto& w : warnings) warns.push_back({{"code", w.code}, {"message", w.message}});
  j["warnings"] = warns;
  j["quality"] = {{"ocr_confidence", ocr_confidence ? J(*ocr_confidence) : J(nullptr)},
                  {"repaired_words", repaired_words},
                  {"unknown_words", unknown_words}};
  return j;
}

}  // namespace protokoll
