// The vocabulary of Swedish minutes, shared by segmentation and record extraction (internal):
// the labels that open fields, the ways agenda items are numbered, the headings inside an item,
// the words of decisions, the closing and the notice of posting, page furniture, parties and
// roles. Every matcher looks at one line and says what it is, whatever meeting it is in.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace protokoll::minutes {

/// Headings, labels and list entries are short. Longer lines are never matched against them:
/// std::regex recurses per character and would overflow the stack on a megabyte-long line.
inline constexpr std::size_t kMaxFieldLine = 1000;

/// A label that opens a field ("Plats:", "Deltagare LG:", "Frånvarande"), matched at the start
/// of a line, case-insensitive; `rest` is what follows it on the line.
enum class Label {
  none,
  date, time, place, place_and_time,
  participants, others_present, substitutes, absent,
  secretary, chair, adjusters,
  adjustment,  ///< "Justeringens plats och tid": not the meeting's
  paragraphs,  ///< "Paragrafer §§ 31–35"
  body,        ///< "Nämnd:", "Organ:"
  theme, presenter, decision, agenda
};
struct LabelMatch {
  Label label = Label::none;
  std::string group;  ///< "LG" in "Deltagare LG:"
  std::string rest;   ///< the text after the label on the same line
  bool colon = false; ///< "Label:" (not a label alone or in a column)
};
LabelMatch match_label(std::string_view line);

/// A label that lists people.
bool lists_people(Label label);

/// "Vid anteckningarna/Marie Krantz", "Vid protokollet": the secretary's closing line, and the
/// name on it ("" when the name is on the next line).
std::optional<std::string> closing_secretary(std::string_view line);

/// A numbered agenda line: "3. Title", "3) Title", "§ 12 Title", "§ 12" (title on the next
/// line), "Punkt 3. Title", "Ärende 4 Title", ". Title" (number lost by OCR), "8 31 Title" (§
/// read as 8).
struct ItemLine {
  std::optional<int> number;
  std::string title;
  bool paragraph = false;  ///< "§ 12" style (formal minutes)
  bool keyword = false;    ///< "Punkt 3", "Ärende 4"
};
std::optional<ItemLine> match_item(std::string_view line);
/// "Dnr MBN 2022/311", "Diarienummer: KS 2021/45": a case number, not a title.
bool is_case_number(std::string_view line);
/// "1 Inledning": a number and a title with no stop between them. Only an item where the
/// meeting has a run of them from 1 (record/layout checks); alone it is as often "2 Status".
std::optional<ItemLine> match_bare_item(std::string_view line);

/// "BESLUT", "Information", "Beslutsärenden": a section heading, as "beslut"/"information".
std::optional<std::string> match_section(std::string_view line);

/// A heading inside an item of formal minutes: "Ärendebeskrivning", "Beslutsunderlag",
/// "Förslag till beslut", "Yrkanden", "Omröstning", "Reservation", "Protokollsanteckning".
enum class Subheading { none, decision, proposal, reservation, other };
Subheading match_subheading(std::string_view line);

/// A sentence that takes a decision: "Nämnden beslutar att …", "Styrelsen beslöt …",
/// "Dagordningen godkändes.", "Motionen anses besvarad", "X utses att justera protokollet".
bool is_decision_sentence(std::string_view sentence);
/// "X (M) reserverar sig mot beslutet".
bool is_reservation_sentence(std::string_view sentence);

/// The notice that the minutes were posted ("ANSLAGSBEVIS", "Anslag/bevis", "Protokollet är
/// justerat", "Datum då anslaget sätts upp"): it belongs to the meeting before it.
bool is_attestation(std::string_view line);
/// Where the minutes are signed: "Justeras", "Underskrifter", "Sekreterare ......",
/// "Ordförande    Justerare" (a row of roles under the names).
bool is_signature_line(std::string_view line);

/// Page furniture: "Sida 2 (3)", "2 (3)", "Sida 2 av 3", "Justerandes signatur",
/// "Utdragsbestyrkande", rules ("_____"), and headers that carry them.
bool is_page_furniture(std::string_view line);
/// The page number a page header gives ("Sida 2 (3)" -> 2), 0 when none.
int page_number(std::string_view line);

/// The kind of document a title names ("Protokoll", "Minnesanteckningar", "Mötesanteckningar",
/// "Sammanträdesprotokoll", "Protokoll fört vid årsmöte"): "protokoll", "minnesanteckningar",
/// "anteckningar", "dagordning"; nullopt for other lines.
std::optional<std::string> document_type(std::string_view line);

/// "Nästa möte: …", "Nästa sammanträde hålls …", "Nästa APT: …": a line announcing the next
/// meeting (its text after the announcement).
std::optional<std::string> next_meeting(std::string_view line);

/// Party abbreviations written after a name ("S", "M", "KD", "MP", "SD").
const std::set<std::string>& party_letters();
/// A role written in a list of people ("sekr", "ordförande", "vice ordf"), lower case.
bool is_role_word(const std::string& lower);
bool is_secretary_note(const std::string& note);
bool is_chair_note(const std::string& note);
bool is_adjuster_note(const std::string& note);
/// A title written before a name ("rektor", "kyrkoherde", "förskolechef"), lower case.
bool is_title_word(const std::string& lower);

}  // namespace protokoll::minutes
