#include "repair/pieces.hpp"

#include <algorithm>

namespace protokoll::repair {

std::vector<Piece> plan_pieces(std::span<const std::string_view> lines, std::size_t limit) {
  const std::size_t n = lines.size();
  // Where each line starts in the text the lines make joined by '\n' (no break after the last).
  std::vector<std::size_t> starts(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) starts[i + 1] = starts[i] + lines[i].size() + 1;
  const std::size_t size = n ? starts[n] - 1 : 0;
  auto line_of = [&](std::size_t pos) {  // the line a position belongs to (its break included)
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.begin() + static_cast<long>(n), pos) -
                                    starts.begin()) - 1;
  };
  auto break_at = [&](std::size_t k) { return starts[k] + lines[k].size(); };  // the '\n' after line k
  auto byte_at = [&](std::size_t pos) {
    const std::size_t k = line_of(pos), col = pos - starts[k];
    return col < lines[k].size() ? lines[k][col] : '\n';
  };
  auto piece_end = [&](std::size_t begin) -> std::size_t {
    if (size - begin <= limit) return size;
    const std::size_t hard = begin + limit, soft = hard - limit / 4;
    // After a blank line: a line break followed by an empty line that is not the last.
    std::size_t k = line_of(hard - 2);
    if (break_at(k) > hard - 2) k = k ? k - 1 : SIZE_MAX;
    for (; k != SIZE_MAX && break_at(k) >= soft; k = k ? k - 1 : SIZE_MAX)
      if (k + 2 < n && lines[k + 1].empty()) return break_at(k) + 2;
    // After the last line break before the limit.
    k = line_of(hard - 1);
    if (break_at(k) > hard - 1 || k + 1 == n) k = k ? k - 1 : SIZE_MAX;
    if (k != SIZE_MAX && k + 1 < n && break_at(k) >= begin) return break_at(k) + 1;
    // A line longer than the limit: after a space in the second half, else between characters.
    for (std::size_t p = hard; p-- > begin + limit / 2;)
      if (const char c = byte_at(p); c == ' ' || c == '\t') return p + 1;
    std::size_t cut = hard;
    while (cut > begin + 1 && (static_cast<unsigned char>(byte_at(cut)) & 0xC0) == 0x80) --cut;
    return cut;
  };
  std::vector<Piece> pieces;
  if (n == 0) return pieces;
  for (std::size_t begin = 0; begin < size || pieces.empty();) {
    const std::size_t end = piece_end(begin);
    Piece piece;
    piece.first_line = line_of(begin);
    piece.first_begin = begin - starts[piece.first_line];
    if (end == size) {
      piece.last_line = n - 1;
    } else if (const std::size_t k = line_of(end); end == starts[k]) {
      piece.last_line = k - 1;  // the piece ends after the line break of the line before
    } else {
      piece.last_line = k;  // inside a line that is longer than the limit
    }
    piece.last_end = end == size || end == starts[piece.last_line + 1] ? lines[piece.last_line].size()
                                                                       : end - starts[piece.last_line];
    piece.bytes = end - begin;
    pieces.push_back(piece);
    begin = end;
  }
  return pieces;
}

}  // namespace protokoll::repair
