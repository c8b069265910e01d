// Numbers: the English model misread digits as letters ("13.0O-16.OO", "2O21", "S." for an
// agenda item 5). Given back before the words are searched, same length, so offsets hold.
#include <algorithm>

#include "repair/engine.hpp"
#include "repair/steps.hpp"
#include "text/chars.hpp"

namespace protokoll::repair {

using namespace tuning;

// Numbers the English model misread: "13.0O-16.00", "2O21", "kl. l3.00", "200S" (O for 0 in a
// tenth of the zeros it read, l for 1, S for 5). A run of digits, separators and those letters,
// standing alone (no letter or digit on either side) and holding two digits or more, gets its
// digits back: O is 0 anywhere in it, l and I are 1 before a digit ("10l" stays: ten litres),
// S is 5 after one. A digit followed only by O's ("2O") is a number too. Same length, so the
// line's offsets hold. Returns the spans changed; `read` gets the line as it was before the first
// change (most lines with digits have none to make, and are not copied).
std::vector<std::pair<std::size_t, std::size_t>> restore_digits(std::u32string& line,
                                                                 const std::vector<std::pair<std::size_t, std::size_t>>& keep,
                                                                 std::u32string& read) {
  std::vector<std::pair<std::size_t, std::size_t>> changed;
  auto in_run = [](char32_t c) {
    return is_digit(c) || c == U'O' || c == U'l' || c == U'I' || c == U'S' || c == U'.' || c == U',' || c == U':' ||
           c == U'-' || c == U'\u2013' || c == U'/';
  };
  auto misread = [](char32_t c) { return c == U'O' || c == U'l' || c == U'I' || c == U'S'; };
  std::size_t i = 0;
  while (i < line.size()) {
    if (!in_run(line[i]) || (i > 0 && (is_letter(line[i - 1]) || is_digit(line[i - 1])))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < line.size() && in_run(line[j])) ++j;
    // Trailing separators are punctuation ("2O21,"), not part of the number.
    std::size_t end = j;
    while (end > i && !is_digit(line[end - 1]) && !misread(line[end - 1])) --end;
    const bool alone = end == line.size() || !(is_letter(line[end]) || is_digit(line[end]));  // "2O-talet" too
    const auto digits = std::count_if(line.begin() + static_cast<long>(i), line.begin() + static_cast<long>(end), is_digit);
    const bool kept = std::any_of(keep.begin(), keep.end(), [&](auto span) { return i < span.second && end > span.first; });
    const bool digit_then_zeros =
        digits == 1 && end - i >= 2 && is_digit(line[i]) &&
        std::all_of(line.begin() + static_cast<long>(i) + 1, line.begin() + static_cast<long>(end), [](char32_t c) { return c == U'O'; });
    if (alone && (digits >= 2 || digit_then_zeros) && !kept) {
      bool any = false;
      for (std::size_t k = i; k < end; ++k) {
        const bool before_digit = k + 1 < end && is_digit(line[k + 1]);
        const bool after_digit = k > i && is_digit(line[k - 1]);
        char32_t digit = 0;
        if (line[k] == U'O') digit = U'0';
        else if ((line[k] == U'l' || line[k] == U'I') && before_digit) digit = U'1';
        else if (line[k] == U'S' && after_digit) digit = U'5';
        if (!digit) continue;
        if (read.empty()) read = line;
        line[k] = digit;
        any = true;
      }
      if (any) changed.emplace_back(i, end);
    }
    i = j;
  }
  return changed;
}

  // Agenda items numbered in order whose number OCR read as a letter ("S. Egoföredrag" between
  // "4." and "6."; the table's digit readings: S for 5, l for 1, O for 0): the number comes back
  // when the item before it or after it carries the neighbouring number, so that no item goes
  // missing from the records. A line that only starts like one ("S. Andersson") stays.
void restore_item_numbers(const Engine& engine, DocumentState& doc) {
  std::vector<LineWork>& work = doc.lines;
  const std::u32string& item_digits = engine.item_digits;
  // The number an item line starts with (after indentation), or -1.
  auto head = [](const std::u32string& text, std::size_t& at) -> long {
    at = 0;
    while (at < text.size() && (text[at] == U' ' || text[at] == U'\f')) ++at;
    std::size_t end = at;
    long n = 0;
    while (end < text.size() && is_digit(text[end]) && end - at < 3) n = n * 10 + (text[end++] - U'0');
    if (end == at || end + 1 >= text.size() || text[end] != U'.' || text[end + 1] != U' ') return -1;
    return n;
  };
  std::vector<long> number(work.size(), -1);
  std::vector<std::size_t> starts(work.size(), 0);
  bool any = false;
  for (std::size_t li = 0; li < work.size(); ++li)
    if (doc.starts_line(li)) any |= (number[li] = head(work[li].text, starts[li])) >= 0;
  if (!any) return;
  for (std::size_t li = 0; li < work.size(); ++li) {
    if (!doc.starts_line(li)) continue;
    LineWork& lw = work[li];
    const std::size_t at = starts[li];
    if (number[li] >= 0 || at + 3 >= lw.text.size() || lw.text[at + 1] != U'.' || lw.text[at + 2] != U' ' ||
        !is_upper(lw.text[at + 3]))
      continue;
    const auto digit = item_digits.find(lw.text[at]);
    if (digit == std::u32string::npos) continue;
    const long n = static_cast<long>(item_digits[digit + 1] - U'0');
    long before = -1, after = -1;
    for (std::size_t k = li; k-- > 0 && li - k <= kItemNumberReach;)
      if (number[k] >= 0) {
        before = number[k];
        break;
      }
    for (std::size_t k = li + 1; k < work.size() && k - li <= kItemNumberReach; ++k)
      if (number[k] >= 0) {
        after = number[k];
        break;
      }
    if (before != n - 1 && after != n + 1) continue;
    if (lw.read.empty()) lw.read = lw.text;
    lw.text[at] = item_digits[digit + 1];
    lw.digit_spans.emplace_back(at, at + 1);
    for (Token& t : lw.tokens)
      if (t.begin == at) t.fixed = true;
    number[li] = n;
  }
  }

}  // namespace protokoll::repair
