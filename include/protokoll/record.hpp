// Meeting records: the fields a person reads off a meeting's minutes, as JSON (docs/record.md,
// docs/record.schema.json). A field the meeting does not have is null or [] — never invented.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protokoll/document.hpp"
#include "protokoll/segment.hpp"

namespace protokoll {

inline constexpr const char* kRecordSchema = "protokoll.record/1";

struct Participant {
  std::string name;
  std::optional<std::string> group, role, party;
};
struct Absent {
  std::string name;
  std::optional<std::string> note;
};
struct Item {
  std::optional<int> number;  ///< as written (or inferred from the sequence)
  int order = 0;              ///< 1-based position in the meeting
  std::optional<std::string> section;  ///< "beslut" | "information"
  std::string title;
  std::optional<std::string> presenter;
  std::string text;
  std::vector<std::string> decisions;
};
struct Warning {
  std::string code, message;
};
struct SourceSpan {
  std::string file, sha256;
  std::vector<int> pages;
};

struct Record {
  std::string id;
  std::vector<SourceSpan> source;
  std::optional<std::string> organization, body, date, weekday, start, end, location;
  std::vector<Participant> participants;
  std::vector<Absent> absent;
  std::optional<std::string> secretary, chair;
  std::vector<std::string> adjusters;
  std::optional<std::string> theme;
  std::vector<Item> items;
  std::string text;
  std::vector<Warning> warnings;
  std::optional<double> ocr_confidence;
  std::size_t repaired_words = 0, unknown_words = 0;

  nlohmann::ordered_json to_json() const;
};

/// Read every field from one meeting's (repaired) lines. Fills the content fields, `text`,
/// `id` and warnings; source and quality are meeting_records()'s.
Record extract_record(std::span<const StreamLine> meeting);
/// The same for a meeting's text given as a string.
Record extract_record(std::string_view meeting_text);

/// The records of the meetings in the documents, read as one stream: segmented
/// (segment_meetings), each meeting's fields extracted, and where it came from added: its
/// files and pages, their OCR confidence, its share of the repair's counts.
std::vector<Record> meeting_records(std::span<const Document> documents);

/// Ids are unique within a run: a second meeting of the same body on the same day gets "-2".
void make_ids_unique(std::vector<Record>& records);

}  // namespace protokoll
