// Helpers shared by segmentation and record extraction (internal header).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace protokoll::detail {

/// Headings, labels and list entries are short. Longer lines are never matched against them:
/// std::regex recurses per character and would overflow the stack on a megabyte-long line.
inline constexpr std::size_t kMaxFieldLine = 1000;

/// A label that opens a field ("Plats:", "Deltagare LG:", "Frånvarande"), matched at the start
/// of a line, case-insensitive; `rest` is what follows it on the line.
enum class Label {
  none, date, time, place, place_and_time, participants, others_present, absent, secretary,
  chair, adjusters, theme, presenter, decision, agenda, substitutes
};
struct LabelMatch {
  Label label = Label::none;
  std::string group;  ///< "LG" in "Deltagare LG:"
  std::string rest;   ///< the text after the label on the same line
};
LabelMatch match_label(std::string_view line);

/// The lines that close a meeting's minutes ("Vid anteckningarna/Marie Krantz", "Vid protokollet").
std::optional<std::string> closing_secretary(std::string_view line);

/// A numbered agenda line: "3. Title", "§ 12 Title", ". Title" (number lost by OCR).
struct ItemLine {
  std::optional<int> number;
  std::string title;
  bool paragraph = false;  ///< "§ 12" style (formal minutes)
};
std::optional<ItemLine> match_item(std::string_view line);

/// "BESLUT", "Information", "Beslutsärenden": a section heading, as "beslut"/"information".
std::optional<std::string> match_section(std::string_view line);

}  // namespace protokoll::detail
