// The confusion model on the committed table (dictionaries/confusions.tsv, learned by
// tools/build-confusions from Swedish pages OCR'd with the English model).
#include "models/confusion_model.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "protokoll/resources.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
const ConfusionModel& model() {
  static const ConfusionModel m = [] {
    ConfusionModel c;
    c.load(source_path("dictionaries/confusions.tsv"));
    return c;
  }();
  return m;
}
const Confusion* find(char32_t first, std::u32string_view seen, std::u32string_view truth) {
  for (const Confusion* r : model().starting_with(first))
    if (r->seen == seen && r->truth == truth) return r;
  return nullptr;
}
}  // namespace

TEST(ConfusionModel, WhatTheEnglishModelDoesToSwedishLetters) {
  const auto& m = model();
  EXPECT_GT(m.size(), 50u);
  // ö read as "é" and as "o", ä as "a": the table's commonest damage, with its capitals.
  const Confusion* oe = find(U'é', U"é", U"ö");
  ASSERT_NE(oe, nullptr);
  EXPECT_LT(oe->log_prob, 0);
  EXPECT_NE(find(U'a', U"a", U"ä"), nullptr);
  EXPECT_NE(find(U'A', U"A", U"Ä"), nullptr);  // borrowed from the lower case where missing
  // Indices are positions, for the per-document tables.
  std::size_t i = 0;
  m.for_each([&](const Confusion& r) { EXPECT_EQ(r.index, i++); });
}

TEST(ConfusionModel, LongestSeenFirstAndKeepingACharacterIsLikely) {
  const auto& m = model();
  for (char32_t c : {U'a', U'o', U'e', U'i'}) {
    const auto& rules = m.starting_with(c);
    for (std::size_t k = 1; k < rules.size(); ++k) EXPECT_GE(rules[k - 1]->seen.size(), rules[k]->seen.size());
  }
  EXPECT_GT(m.log_keep(U'a'), -0.1);  // "a" is nearly always read as itself
  EXPECT_LE(m.log_keep(U'ö'), 0.0);
  EXPECT_TRUE(m.starting_with(U'\u4e00').empty());
}

TEST(ConfusionModel, AMissingTableIsASetupError) {
  ConfusionModel m;
  EXPECT_THROW(m.load("/nonexistent/confusions.tsv"), SetupError);
}
