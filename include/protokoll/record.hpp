// Meeting records: the fields a person reads off a meeting's minutes, as JSON (docs/record.md,
// docs/record.schema.json). A field the meeting does not have is null or [] — never invented.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protokoll/document.hpp"
#include "protokoll/segment.hpp"

namespace protokoll {

inline constexpr const char* kRecordSchema = "protokoll.record/2";

struct Participant {
  std::string name;
  std::optional<std::string> group;     ///< the list's group ("LG", "övriga", "ersättare") or a class ("9A")
  std::optional<std::string> role;      ///< "ordförande", "sekreterare", "kommundirektör", …
  std::optional<std::string> party;     ///< "S", "M", "KD", …
  std::optional<std::string> replaces;  ///< a deputy: whom they serve for
};
struct Absent {
  std::string name;
  std::optional<std::string> party;
  std::optional<std::string> note;      ///< why, as written ("sjuk", "förhinder")
};
struct Item {
  std::optional<int> number;  ///< as written (or inferred from the sequence)
  int order = 0;              ///< 1-based position in the meeting
  std::optional<std::string> section;  ///< "beslut" | "information"
  std::string title;
  std::optional<std::string> presenter;
  std::string text;
  std::vector<std::string> decisions;
  std::vector<std::string> reservations;
};
struct Warning {
  std::string code, message;
};
struct SourceSpan {
  std::string file, sha256;
  std::vector<int> pages;
};
struct NextMeeting {
  std::string date;                      ///< ISO; the year from the meeting's date when not written
  std::optional<std::string> start;      ///< "HH:MM"
  std::optional<std::string> location;
};

struct Record {
  std::string id;
  std::vector<SourceSpan> source;
  std::optional<std::string> document_type;  ///< "protokoll", "minnesanteckningar", …
  std::optional<std::string> organization, body, date, weekday, start, end, location;
  std::optional<std::string> paragraphs;     ///< the range the minutes give ("41-46")
  std::vector<Participant> participants;
  std::vector<Absent> absent;
  std::optional<std::string> secretary, chair;
  std::vector<std::string> adjusters;
  std::optional<std::string> theme;
  std::vector<Item> items;
  std::optional<NextMeeting> next_meeting;
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

/// Ids unique among `records` (what is complete at once, or one file). A record's id is its
/// date and a slug of its body; a second meeting of the same body on the same day gets its
/// start time ("-1330"); a second copy of
/// the same meeting (a PDF and a scan of it) gets a suffix of its own source's SHA-256, the copy
/// whose source sorts first keeping the plain id. None of it depends on the order of `records`.
void make_ids_unique(std::vector<Record>& records);

/// Records as the documents of one stream arrive, each given out once its meeting is complete
/// (the next one has begun), while the rest of a batch is still being read: what `protokoll run`
/// prints as it goes. It holds only the documents of the meeting still open (and the few lines
/// before it that a decision looks back at), so memory does not grow with the batch. The
/// meetings and fields are meeting_records()'s on the whole stream. Ids are unique over all it
/// gave out: make_ids_unique within what is complete at once, and a later record that would
/// repeat an earlier id gets its start time, its source's SHA-256 or a count (the record given
/// out first keeps the plain id).
class RecordStream {
 public:
  RecordStream();
  ~RecordStream();
  RecordStream(const RecordStream&) = delete;
  RecordStream& operator=(const RecordStream&) = delete;

  /// The next document of the stream; returns the records of the meetings it completed.
  std::vector<Record> add(Document document);
  /// The end of the stream: the records of the meetings still open.
  std::vector<Record> finish();
  /// How many documents it holds now (those of the open meeting).
  std::size_t documents_held() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace protokoll
