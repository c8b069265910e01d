// Small UTF-8 and case helpers shared by the text stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace protokoll {

/// Split on '\n' (a trailing '\r' is kept out of the line). A final newline does not add a line.
std::vector<std::string_view> split_lines(std::string_view text);

std::string to_lower(std::string_view utf8);
std::string to_upper(std::string_view utf8);
/// First letter upper, the rest as given.
std::string capitalize(std::string_view utf8);

enum class CasePattern { lower, capitalized, upper, mixed };
CasePattern case_pattern(std::string_view utf8);
/// Give `word` the case pattern `pattern` (used to keep FÖRSLAG / Förslag / förslag).
std::string apply_case(std::string_view word, CasePattern pattern);

/// Number of code points.
std::size_t utf8_length(std::string_view utf8);
/// Decode to code points / encode back.
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

/// Trim ASCII and Unicode white space at both ends.
std::string_view trim(std::string_view s);

}  // namespace protokoll
