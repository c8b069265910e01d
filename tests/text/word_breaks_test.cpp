// The plain word breaks against ICU's word break iterator (the sv_SE rules the repair uses), on
// every line of the samples and on random lines of the plain set: the repair must tokenize a
// line the same whichever of the two does it.
#include "text/word_breaks.hpp"

#include <filesystem>
#include <memory>
#include <random>

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "text/text_util.hpp"
#include "test_util.hpp"

using namespace protokoll;
using Spans = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

namespace {

Spans icu_breaks(const std::u32string& text) {
  UErrorCode status = U_ZERO_ERROR;
  static std::unique_ptr<icu::BreakIterator> proto(icu::BreakIterator::createWordInstance(icu::Locale("sv", "SE"), status));
  std::unique_ptr<icu::BreakIterator> breaks(proto->clone());
  icu::UnicodeString us =
      icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
  breaks->setText(us);
  Spans out;
  std::uint32_t cp = 0;
  int32_t start = breaks->first();
  for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE; start = end, end = breaks->next()) {
    const auto n = static_cast<std::uint32_t>(us.countChar32(start, end - start));
    out.emplace_back(cp, cp + n);
    cp += n;
  }
  return out;
}

// Compares one line; returns whether the plain rules took it.
bool same_as_icu(const std::u32string& line) {
  Spans plain;
  if (!detail::plain_word_breaks(line, plain)) {
    EXPECT_TRUE(plain.empty());
    return false;
  }
  EXPECT_EQ(plain, icu_breaks(line)) << to_utf8(line);
  return true;
}

}  // namespace

TEST(WordBreaks, TheSameAsIcuOnEveryLineOfTheSamples) {
  std::size_t lines = 0, plain = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(protokoll::testing::source_path("samples"))) {
    if (entry.path().extension() != ".txt") continue;
    const std::string text = protokoll::testing::slurp(entry.path().string());
    for (std::string_view line : split_lines(text)) {
      ++lines;
      plain += same_as_icu(to_u32(line));
    }
  }
  std::cout << plain << " of " << lines << " sample lines take the plain rules\n";
  EXPECT_GT(lines, 500u);
  EXPECT_GT(plain * 2, lines);  // most lines: the fast way is the usual way
}

TEST(WordBreaks, TheSameAsIcuOnRandomPlainLines) {
  // Heavy on the characters whose rules join or split: letters, digits, '.', ',', ';', ':',
  // apostrophes, spaces; and the bullets, dashes and page breaks of OCR text.
  const std::u32string alphabet = U"aAzZåäöÅÄÖéüÿÀ09 .,;.,:''’‘  -()/\"%&!?+=#*$<>[]\\^`{|}~\t\f¢§«»–—•€◦";
  std::mt19937 random(20261123);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), length(0, 24);
  std::size_t plain = 0;
  for (int i = 0; i < 20000; ++i) {
    std::u32string line;
    for (std::size_t n = length(random); n > 0; --n) line += alphabet[pick(random)];
    if (same_as_icu(line)) {
      ++plain;
    } else {  // only a colon between letters goes to ICU
      const auto colon = line.find(U':');
      EXPECT_TRUE(colon != std::u32string::npos) << to_utf8(line);
    }
    if (HasFailure()) break;
  }
  EXPECT_GT(plain, 19000u);
}

TEST(WordBreaks, LeavesOtherLinesToIcu) {
  Spans out;
  for (const char32_t* line : {U"S:t Eriks", U"snake_case", U"Ωmega", U"ﬁnal", U"a@b.se", U"kl.\u00A013"})
    EXPECT_FALSE(detail::plain_word_breaks(line, out)) << to_utf8(line);
  EXPECT_TRUE(out.empty());
  // A colon after a label, an apostrophe, a tab, a bullet, a page break: plain.
  for (const char32_t* line : {U"Plats: Jupiter, kl 13:00", U"don't", U"a\tb", U"• Budget – §12", U"\fSida 2"})
    EXPECT_TRUE(same_as_icu(line)) << to_utf8(line);
  EXPECT_TRUE(detail::plain_word_breaks(U"t.ex. kl 13.00-16.00, 85,4 %", out));
  const Spans expected{{0, 4}, {4, 5}, {5, 6}, {6, 8}, {8, 9}, {9, 14}, {14, 15}, {15, 20}, {20, 21}, {21, 22},
                       {22, 26}, {26, 27}, {27, 28}};
  EXPECT_EQ(out, expected);
}
