// Word boundaries of plain Latin text without ICU (internal to the repair stage). ICU's word
// break iterator draws them by Unicode's rules (UAX #29); for a line of ASCII and Latin-1
// letters, digits, spaces and common punctuation those rules come down to a few, and this
// applies them without converting the line to UTF-16 and back: tokenizing is an eighth of the
// repair. A line with anything else (a colon between two letters, a no-break space, other
// scripts) is ICU's.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace protokoll::detail {

/// The segments ICU's word break iterator gives for `text`, as [begin, end) code point offsets,
/// appended to `out`; false (and `out` as it was) when `text` has a character outside the plain
/// set, which the caller leaves to ICU.
bool plain_word_breaks(std::u32string_view text, std::vector<std::pair<std::uint32_t, std::uint32_t>>& out);

}  // namespace protokoll::detail
