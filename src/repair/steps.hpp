// The pieces of the repair's steps that are tested on their own (internal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace protokoll::repair {

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;  // [begin, end) code points

// --- tokens.cpp
/// Whether protected_spans() may find a span in `line` (a quick test most lines fail).
bool may_hold_address(std::u32string_view line);
/// URL, e-mail and domain spans of a line.
Spans protected_spans(const std::u32string& line);
/// A bullet glyph OCR read as a letter at `pos` ("e ", "¢ ", "o "): 1 and its glyph (• or ◦) in
/// `replacement`, or 0.
std::size_t bullet_at(const std::u32string& line, std::size_t pos, char32_t& replacement);
/// Whether a token may be repaired at all: words, and letter-digit mixes where the digits are
/// OCR's readings of letters ("6kat", "0Okad"); never numbers, "T2", short acronyms.
bool repairable(std::u32string_view token, std::u32string_view letter_digits);

// --- numbers.cpp
/// Give numbers the English model misread their digits back, in place ("2O21" -> "2021"),
/// except inside `keep`. Returns the spans changed; `read` gets the line as it was before the
/// first change.
Spans restore_digits(std::u32string& line, const Spans& keep, std::u32string& read);

// --- evidence.cpp
/// Comma-separated entries of one to four capitalized words (people), after a label.
void name_entries(std::u32string_view text, std::size_t& entries, std::size_t& names);
/// A line that lists people ("Deltagare: Tony Mufic, Karin Gerken, Mats Nilsson").
bool name_list_line(const std::u32string& line);
/// A line that goes on with the list of the line before.
bool continues_name_list(const std::u32string& line);

// --- adapt.cpp
/// Edit distance after folding what OCR confuses (é, 6, 0 with o and e; å, ä, ö with a, o).
std::size_t folded_distance(std::u32string_view a, std::u32string_view b);
/// Whether `seen` reads `word` (both lower case) with its å/ä/ö stripped, and at most one of
/// them misread as one or two other characters ("gidllande" for "gällande").
bool misreads_diacritics(std::u32string_view word, std::u32string_view seen, bool wildcard_used = false);

}  // namespace protokoll::repair
