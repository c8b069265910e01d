// UTF-8, case and character helpers: every stage leans on them.
#include "text/text_util.hpp"

#include <gtest/gtest.h>

#include "text/chars.hpp"

using namespace protokoll;

TEST(Utf8, DecodesEncodesAndReplacesBrokenSequences) {
  const std::string s = "Åsa ö € 𝄞";
  EXPECT_EQ(to_utf8(to_u32(s)), s);
  EXPECT_EQ(utf8_length(s), 9u);
  EXPECT_EQ(to_u32("a\xff" "b"), U"a\uFFFDb");      // a stray byte
  EXPECT_EQ(to_u32("a\xc3"), U"a\uFFFD");            // cut short at the end
  EXPECT_EQ(to_u32("\xe2\x82"), U"\uFFFD\uFFFD");
  std::size_t i = 0;
  EXPECT_EQ(decode_utf8("€x", i), U'€');
  EXPECT_EQ(i, 3u);
  std::string out;
  append_utf8(out, U'𝄞');
  EXPECT_EQ(out, "𝄞");
}

TEST(Case, PatternsAndTheirApplication) {
  EXPECT_EQ(to_lower("ÅSA ÖBERG É"), "åsa öberg é");
  EXPECT_EQ(to_upper("förslag"), "FÖRSLAG");
  EXPECT_EQ(capitalize("östra"), "Östra");
  EXPECT_EQ(case_pattern("FÖRSLAG"), CasePattern::upper);
  EXPECT_EQ(case_pattern("Förslag"), CasePattern::capitalized);
  EXPECT_EQ(case_pattern("förslag"), CasePattern::lower);
  EXPECT_EQ(case_pattern("fÖrslag"), CasePattern::mixed);
  EXPECT_EQ(case_pattern(U"Ö"), CasePattern::capitalized);
  EXPECT_EQ(apply_case("förslag", CasePattern::capitalized), "Förslag");
  EXPECT_EQ(apply_case("Förslag", CasePattern::upper), "FÖRSLAG");
}

TEST(Lines, SplitAndTrim) {
  auto lines = split_lines("a\r\nb\n\nc");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(split_lines("a\n").size(), 1u);
  EXPECT_EQ(trim("\xc2\xa0 x y \t\n"), "x y");
  EXPECT_EQ(edit_distance(std::string("kitten"), std::string("sitting")), 3u);
}

TEST(Chars, ClassesAndFoldingOfSwedishLetters) {
  EXPECT_TRUE(is_letter(U'ö'));
  EXPECT_FALSE(is_letter(U'6'));
  EXPECT_TRUE(is_upper(U'Å'));
  EXPECT_TRUE(is_swedish_diacritic(U'Ä'));
  EXPECT_FALSE(is_swedish_diacritic(U'é'));
  EXPECT_EQ(lower_cp(U'Ö'), U'ö');
  EXPECT_EQ(upper_cp(U'å'), U'Å');
  EXPECT_TRUE(swedish_spelling(U"sjuk-frånvaron"));
  EXPECT_FALSE(swedish_spelling(U"férvaltningen"));
  EXPECT_TRUE(all_upper(U"FÖRSLAG:"));
  EXPECT_FALSE(all_upper(U"123"));
  EXPECT_EQ(stripped_letter(U'ä'), U'a');
  EXPECT_EQ(ascii_letter(U'é'), U'e');
  std::string buf;
  EXPECT_EQ(lower_utf8(U"ÖRESUND", buf), "öresund");
}
