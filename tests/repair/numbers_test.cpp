// Numbers the English model misread get their digits back; nothing else that mixes them changes.
#include <gtest/gtest.h>

#include "engine_fixture.hpp"
#include "repair/steps.hpp"
#include "text/text_util.hpp"

using namespace protokoll;
using namespace protokoll::repair;
using namespace protokoll::testing;

namespace {
std::string restored(std::u32string line, const Spans& keep = {}) {
  std::u32string read;
  restore_digits(line, keep, read);
  return to_utf8(line);
}
}  // namespace

TEST(RestoreDigits, OForZeroLForOneSForFive) {
  EXPECT_EQ(restored(U"kl. l3.0O-16.OO"), "kl. 13.00-16.00");
  EXPECT_EQ(restored(U"den 7 mars 2O21,"), "den 7 mars 2021,");
  EXPECT_EQ(restored(U"sedan 200S och 2O-talet"), "sedan 2005 och 20-talet");
  EXPECT_EQ(restored(U"rum 10l"), "rum 10l");        // ten litres: l after the digits stays
  EXPECT_EQ(restored(U"CO2 och O2, S3, XS2, lO"), "CO2 och O2, S3, XS2, lO");
  std::u32string line = U"https://x.se/2O21 och 2O21";
  std::u32string read;
  const Spans changed = restore_digits(line, {{0, 17}}, read);  // inside a URL: kept
  EXPECT_EQ(to_utf8(line), "https://x.se/2O21 och 2021");
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(to_utf8(read), "https://x.se/2O21 och 2O21");
}

TEST(RestoreItemNumbers, ALetterBetweenItsNeighbouringNumbers) {
  PieceFixture f({"4. Rapport", "Text.", "", "S. Foredrag om skolan", "", "6. Ovrigt", "S. Berg var med."});
  DocumentState doc(f.piece);
  tokenize(engine(), doc);
  restore_item_numbers(engine(), doc);
  EXPECT_EQ(to_utf8(doc.lines[3].text), "5. Foredrag om skolan");
  EXPECT_EQ(to_utf8(doc.lines[6].text), "S. Berg var med.");  // no item 6 or 8 next to it... an initial
}
