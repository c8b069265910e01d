// The parts of record extraction (internal): a meeting's lines as the extractor reads them, and
// the readers that fill a record's fields from them, each in its own file.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/dates.hpp"
#include "protokoll/record.hpp"
#include "protokoll/segment.hpp"

namespace protokoll::record {

/// A meeting's lines, a line that carries two fields read as two, and what the readers find
/// about their layout.
struct MeetingText {
  std::vector<std::string> lines;
  std::size_t body = 0;               ///< the first section heading or numbered item (or the end)
  std::optional<DateMatch> date;      ///< the meeting's date, on line `date_line`
  std::size_t date_line = 0;
  std::size_t fields_end = 0;         ///< the line after the last header field
  std::optional<std::string> section; ///< the section the last item stood in
};

/// text.cpp: the lines of a meeting (and the record's `text`).
MeetingText meeting_text(std::span<const StreamLine> meeting, Record& r);
/// header.cpp: date, weekday, time; organisation and body.
void read_date(MeetingText& m, Record& r);
void read_header(const MeetingText& m, Record& r);
/// attendance.cpp: the labelled fields (place, time, participants, absent, secretary, chair,
/// adjusters, theme).
void read_fields(MeetingText& m, Record& r);
/// items.cpp: agenda items with their text, presenter and decisions; headings where none is
/// numbered.
void read_items(MeetingText& m, Record& r);
void read_unnumbered_items(const MeetingText& m, Record& r);

// text.cpp: small helpers of the readers.
std::string collapse_spaces(std::string_view s);
bool is_url_line(std::string_view line);
/// Page numbers, URLs and web addresses standing alone on a line.
bool is_furniture(std::string_view line);
/// Lower-case ASCII letters and digits, words joined by '-' (for ids).
std::string slug(std::string_view s);

// names.cpp
struct NameEntry {
  std::string name;
  std::vector<std::string> notes;  // parentheses and trailing ", role"
};
/// A plausible person name: one to five words, the first capitalized, no digits.
bool looks_like_name(std::string_view s);
/// "Tony Mufic, Marie Krantz (sekr), Anna Ek (S), ordförande" -> entries.
std::vector<NameEntry> parse_names(const std::string& text);

}  // namespace protokoll::record
