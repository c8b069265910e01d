// How a long document is cut into pieces for the repair (internal). The work for a piece takes
// tens of bytes per input byte, and one large file (a year of minutes in one text, or one that
// lost its line breaks) must not take memory in proportion: each piece is a document of its own
// for the evidence, repaired one or two at a time. Pieces are planned over the document's lines
// as if they were one text joined by '\n', so the cuts do not depend on pages or line ends.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace protokoll::repair {

/// Lines [first_line, last_line] of the document; the first begins at byte `first_begin` of its
/// line (0 unless a piece before it cut that line) and the last ends at byte `last_end`.
struct Piece {
  std::size_t first_line = 0, last_line = 0;
  std::size_t first_begin = 0, last_end = 0;
  std::size_t bytes = 0;  ///< of the piece as text, its line breaks included
  bool continues_line() const { return first_begin > 0; }
  /// The part of line `i` (first_line <= i <= last_line) that this piece holds.
  std::string_view segment(std::span<const std::string_view> lines, std::size_t i) const {
    const std::size_t begin = i == first_line ? first_begin : 0;
    const std::size_t end = i == last_line ? last_end : lines[i].size();
    return lines[i].substr(begin, end - begin);
  }
};

/// Pieces of at most `limit` bytes: each ends after a line break, preferably after a blank line
/// (between meetings or pages) in its last quarter. A line longer than that is cut after a space
/// in the piece's second half, or where there is none, between two characters. A document
/// without lines has no pieces.
std::vector<Piece> plan_pieces(std::span<const std::string_view> lines, std::size_t limit);

}  // namespace protokoll::repair
