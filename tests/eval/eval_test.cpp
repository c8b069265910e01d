#include "protokoll/eval.hpp"

#include <gtest/gtest.h>

using namespace protokoll;

TEST(EvalWords, LikeTheYardstick) {
  auto w = eval_words("• Förslag: 85,4 % — VP-uppdragen");
  std::vector<std::string> expected = {"Förslag", "85", "4", "VP", "uppdragen"};
  EXPECT_EQ(w, expected);
}

TEST(ScoreText, WerAndCer) {
  auto s = score_text("för att se", "för att se");
  EXPECT_DOUBLE_EQ(s.wer, 0.0);
  auto t = score_text("for att se", "för att se");
  EXPECT_NEAR(t.wer, 1.0 / 3.0, 1e-9);
  EXPECT_NEAR(t.cer, 1.0 / 10.0, 1e-9);
}

TEST(ScoreText, FixAndBreakRates) {
  // input: two damaged words (for, ar), one intact (att); output fixes one and breaks "att".
  auto s = score_text("för ätt ar", "för att är", std::string_view("for att ar"));
  EXPECT_EQ(s.damaged, 2u);
  EXPECT_EQ(s.fixed, 1u);
  EXPECT_EQ(s.intact, 1u);
  EXPECT_EQ(s.broken, 1u);
  EXPECT_DOUBLE_EQ(*s.fix_rate, 0.5);
  EXPECT_DOUBLE_EQ(*s.break_rate, 1.0);
}
