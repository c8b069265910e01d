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

TEST(Vocabulary, TheWordsOfDecisionsSignaturesNoticesAndFurniture) {
  for (const char* d : {"Nämnden beslutar att godkänna förslaget.", "Styrelsen beslöt att köpa en ny maskin.",
                        "Dagordningen godkändes.", "Kristina Nord valdes att jämte ordföranden justera protokollet.",
                        "Motionen anses besvarad.", "Redovisningen läggs till handlingarna.", "Ledningsgruppen tog beslut om att testa."})
    EXPECT_TRUE(is_decision_sentence(d)) << d;
  for (const char* n : {"Ordföranden öppnade mötet.", "Vi får se hur det går.", "Förslag till beslut är att testa.",
                        "Protokollet från förra mötet lästes upp."})
    EXPECT_FALSE(is_decision_sentence(n)) << n;
  EXPECT_TRUE(is_reservation_sentence("Bengt-Åke Fors (M) reserverar sig mot beslutet."));
  EXPECT_TRUE(is_attestation("ANSLAGSBEVIS"));
  EXPECT_TRUE(is_attestation("Datum då anslaget sätts upp: 2021-06-21"));
  EXPECT_FALSE(is_attestation("Anslaget till föreningen höjs."));
  EXPECT_TRUE(is_signature_line("Justeras"));
  EXPECT_TRUE(is_signature_line("Ordförande                     Justerare"));
  EXPECT_TRUE(is_signature_line("Sekreterare ........................................"));
  EXPECT_FALSE(is_signature_line("Ordförande: Anna Ek"));
  EXPECT_TRUE(is_page_furniture("Sida 2 (3)"));
  EXPECT_TRUE(is_page_furniture("Justerandes signatur          Utdragsbestyrkande"));
  EXPECT_TRUE(is_page_furniture("______________________________"));
  EXPECT_FALSE(is_page_furniture("Sidan är tom."));
  EXPECT_EQ(page_number("Sala kommun   SAMMANTRÄDESPROTOKOLL   Sida 2 (2)"), 2);
  EXPECT_EQ(page_number("Sidan 2 visar"), 0);
  EXPECT_EQ(document_type("Minnesanteckningar skolråd").value_or(""), "minnesanteckningar");
  EXPECT_EQ(document_type("ELEVKÅRENS STYRELSE – PROTOKOLL").value_or(""), "protokoll");
  EXPECT_FALSE(document_type("Protokollet från sammanträdet den 15 juni 2023 lades till handlingarna."));
  EXPECT_EQ(next_meeting("Nästa möte: tisdag 17 augusti kl. 13.00").value_or(""), "tisdag 17 augusti kl. 13.00");
  EXPECT_TRUE(next_meeting("Nästa APT: tisdag 21 maj"));
  EXPECT_FALSE(next_meeting("Nästa steg är att utreda."));
  auto item = match_item("Punkt 3. Skolmaten");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->number.value_or(0), 3);
  EXPECT_TRUE(item->keyword);
  EXPECT_EQ(match_item("Ärende 4 Övriga frågor")->title, "Övriga frågor");
  EXPECT_EQ(match_subheading("Kommunfullmäktiges beslut"), Subheading::decision);
  EXPECT_EQ(match_subheading("Förslag till beslut"), Subheading::proposal);
  EXPECT_EQ(match_subheading("Ärendebeskrivning"), Subheading::other);
  EXPECT_EQ(match_subheading("Beslut om ansvarsfrihet"), Subheading::none);
  EXPECT_EQ(match_label("Ej tjänstgörande ersättare:").label, Label::substitutes);  // present, not absent
  EXPECT_EQ(match_label("Justeringens plats och tid: Stadshuset").label, Label::adjustment);
}
