// The vocabulary of Swedish minutes that segmentation and records share.
#include "minutes/vocabulary.hpp"

#include <gtest/gtest.h>

using namespace protokoll::minutes;

TEST(Vocabulary, LabelsItemsAndSections) {
  auto m = match_label("Deltagare LG: Tony Mufic, Peter Abrahamsson");
  EXPECT_EQ(m.label, Label::participants);
  EXPECT_EQ(m.group, "LG");
  EXPECT_EQ(m.rest, "Tony Mufic, Peter Abrahamsson");
  EXPECT_EQ(match_label("Sammanträdesdatum 2023-03-14").label, Label::date);
  EXPECT_EQ(match_label("Platsen var trång").label, Label::none);
  EXPECT_EQ(match_label("Beslut").label, Label::decision);  // alone: a heading, read as a label too
  EXPECT_EQ(match_label("Tid och plats: Rådhuset kl 9").label, Label::place_and_time);
  EXPECT_EQ(match_label("Övriga närvarande: Per Ek").label, Label::others_present);
  EXPECT_EQ(closing_secretary("Vid anteckningarna/Marie Krantz").value_or(""), "Marie Krantz");
  auto item = match_item("§ 12 Val av justerare");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->number.value_or(0), 12);
  EXPECT_EQ(item->title, "Val av justerare");
  auto lost = match_item(". Presentera resultat medarbetarenkät 2021");
  ASSERT_TRUE(lost);
  EXPECT_FALSE(lost->number);
  EXPECT_FALSE(match_item("1 (2021) så låg fokus"));
  EXPECT_FALSE(match_item("85,4 % svarsfrekvens"));
  EXPECT_EQ(match_section("BESLUT").value_or("x"), "beslut");
  EXPECT_EQ(match_section("Information").value_or("x"), "information");
  EXPECT_FALSE(match_section("Beslut: godkänt"));
}

TEST(Vocabulary, PartiesAndRoles) {
  EXPECT_EQ(party_letters().count("KD"), 1u);
  EXPECT_EQ(party_letters().count("X"), 0u);
  EXPECT_TRUE(is_role_word("vice ordförande"));
  EXPECT_FALSE(is_role_word("rektor anna"));
  EXPECT_TRUE(is_secretary_note("Sekr."));
  EXPECT_TRUE(is_chair_note("ordf"));
  EXPECT_FALSE(is_chair_note("ordet"));
}
