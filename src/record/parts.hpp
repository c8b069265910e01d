// The parts of record extraction (internal). A meeting's lines are first read for their layout
// (layout.cpp): each line's role (a label, an agenda item, a heading inside an item, page
// furniture, the signatures, the notice of posting), and where the header ends, the items begin
// and the closing starts. The readers then fill the record's fields from that structure, each in
// its own file: header.cpp, attendance.cpp, closing.cpp, items.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/dates.hpp"
#include "minutes/vocabulary.hpp"
#include "protokoll/record.hpp"
#include "protokoll/segment.hpp"

namespace protokoll::record {

/// What a line of minutes is.
enum class Role : std::uint8_t {
  text,         ///< running text
  blank,
  furniture,    ///< page numbers, repeated page headers, "Justerandes signatur"
  attestation,  ///< the notice of posting (anslagsbevis) and its fields
  signature,    ///< "Justeras", "Ordförande  Justerare", "Sekreterare ......"
  label,        ///< a field of the header or the closing ("Plats:", "Justerare:")
  item,         ///< an agenda item's heading (numbered or not)
  section,      ///< "BESLUT", "Information": a section of the agenda
  subheading,   ///< a heading inside an item ("Beslut", "Ärendebeskrivning", "Reservation")
};

/// One line as the extractor reads it. A line laid out in columns (runs of three spaces or
/// more) is read as one line a column, left to right: "Sofie Hedström      Paragrafer §§ 41–46"
/// is a name and a label.
struct MeetingLine {
  std::string text;          ///< spaces collapsed, trimmed
  std::size_t row = 0;       ///< the physical line it is (or a column of)
  std::size_t column = 0;    ///< 0 for the first column of a row
  std::size_t columns = 1;   ///< how many columns its row has
  bool page_start = false;   ///< the first row of a page or a document
  std::size_t stream_index = 0;  ///< index into the meeting's stream lines (provenance)
  int height = 0;                ///< scans: the line's height on the page image
  Role role = Role::text;
  minutes::LabelMatch label;              ///< role label
  std::optional<minutes::ItemLine> item;  ///< role item (numbered; unnumbered headings have none)
  minutes::Subheading subheading = minutes::Subheading::none;
  std::optional<std::string> section;     ///< role section
  bool blank() const { return role == Role::blank; }
};

struct MeetingText {
  std::vector<MeetingLine> lines;
  std::size_t body = 0;     ///< the first line of the agenda (an item or a section); lines.size() when none
  std::size_t closing = 0;  ///< the first line of the closing after the items; lines.size() when none
  std::optional<DateMatch> date;  ///< the meeting's date, on line `date_line`
  std::size_t date_line = 0;
  std::size_t fields_end = 0;     ///< the line after the last header field
  bool numbered = false;          ///< the agenda is numbered ("3.", "§ 12", "Punkt 3")
  int line_height = 0;            ///< scans: the median height of a line of text
};

// layout.cpp
/// The lines of a meeting with their roles (and the record's `text`).
MeetingText meeting_text(std::span<const StreamLine> meeting, Record& r);
/// The lines i of a list that follow a label on line `at` (names one a line, or wrapped).
/// Returns the list's text; `last` is set to its last line.
std::string collect_list(const MeetingText& m, std::size_t at, const std::string& first, std::size_t& last);

// items.cpp: whether the agenda is numbered, where it begins (m.body) and where the closing
// after it begins (m.closing); where the header's fields end (m.fields_end).
void find_agenda(MeetingText& m);
// header.cpp: date, weekday, time, place, organisation, body, kind of document, paragraphs.
void read_header(MeetingText& m, Record& r);
// attendance.cpp: participants, deputies and whom they replace, absent, and the header's
// secretary, chair and adjusters.
void read_attendance(MeetingText& m, Record& r);
// items.cpp: the agenda items with their text, presenter, decisions and reservations; the
// next meeting.
void read_items(MeetingText& m, Record& r);
// closing.cpp: secretary, chair and adjusters from the signatures and the elections.
void read_closing(const MeetingText& m, Record& r);

// text helpers
std::string collapse_spaces(std::string_view s);
bool is_url_line(std::string_view line);
/// Lower-case ASCII letters and digits, words joined by '-' (for ids).
std::string slug(std::string_view s);
/// The sentences of a text (ending at '.', '!', '?' followed by a space and a capital, or the end).
std::vector<std::string> sentences(std::string_view text);
/// A date written without a year ("tisdag 17 augusti", "den 6 december"), or with one, in the
/// text; the year taken as the next such date on or after `after`.
std::optional<DateMatch> find_coming_date(std::string_view text, const Date& after);

// names.cpp
struct PersonEntry {
  std::string name;
  std::optional<std::string> party, role, group, note;
  std::optional<std::string> replaces;  ///< a deputy: whom they serve for
  std::optional<std::string> replaces_party;
};
/// A plausible person name: two to five capitalized words, no digits, no role word.
bool looks_like_name(std::string_view s);
/// A list of people as minutes write them: "Anna Ek (S), ordförande, Per Lund (M)",
/// "- Wilma Andersson 9A (ordf.)", "rektor Anneli Wahlström", "X (S) ersätter Y (S)",
/// "Nadia Karimi (L), tjänstgörande för Sven Grahn (L)".
std::vector<PersonEntry> parse_people(const std::string& text);
/// The names in a sentence, in order ("Till justerare valdes Sara Kjellberg och Mats Önnestam").
std::vector<std::string> names_in(std::string_view sentence);
/// `text` cut into `n` names (a row of signatures whose spaces OCR lost: "Kerstin Alm Olof
/// Sjöberg"); empty when it does not split so.
std::vector<std::string> split_names(std::string_view text, std::size_t n);

}  // namespace protokoll::record
