// The vocabulary of Swedish minutes, shared by segmentation and record extraction (internal).
#pragma once

#include <optional>
#include <string>
#include <set>
#include <string_view>

namespace protokoll::minutes {

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

/// Party abbreviations written after a name ("S", "M", "KD", "MP", "SD").
const std::set<std::string>& party_letters();
/// A role written in a list of people ("sekr", "ordförande", "vice ordf"), lower case.
bool is_role_word(const std::string& lower);
bool is_secretary_note(const std::string& note);
bool is_chair_note(const std::string& note);

}  // namespace protokoll::minutes
