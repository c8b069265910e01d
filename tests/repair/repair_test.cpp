// The repair engine on real data: the committed dictionaries, the real Hunspell sv_SE, and the
// development set in samples/legacy (a regression gate on its fix and break rates).
#include "protokoll/repair.hpp"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "protokoll/eval.hpp"
#include "text/text_util.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
const Repairer& repairer() {
  static Repairer r([] {
    RepairOptions o;
    o.data_dir = test_data_dir();
    return o;
  }());
  return r;
}
std::string fix(const std::string& text) { return repairer().repair(text).text; }

// A short damaged minutes text, the way the legacy archives hold it (no å/ä/ö anywhere), so
// the engine sees a document and not one line.
const char* kLegacy =
    "Deltagare: Tony Mufic, Karin Gerken, Mats Nilsson, Agneta Gullstrand\n"
    "Franvarande: Anci Cederqvist\n"
    "Forslag till beslut ar att testa ny version av innovationscheckar.\n"
    "Beslut: Ledningsgruppen tog beslut om att godkanna forslaget.\n"
    "Det ar viktigt for alla att ta del av uppfoljningen och arbetsmiljon.\n"
    "Mats och Karin gick igenom resultatet fran medarbetarenkaten pa forvaltningen.\n"
    "Vi maste stodja rektorerna i arbetet med att sakerstalla narvaron.\n"
    "FORSLAG: se https://helsingborg.se/forslag-ar-har eller mejla mats.nilsson@helsingborg.se\n"
    "LG och SKA traffas 2021-11-23 kl. 13.00-16.00, punkt 85,4 % av T2 2020.\n";
}  // namespace

TEST(Repair, RestoresDiacriticsInContext) {
  std::string out = fix(kLegacy);
  EXPECT_NE(out.find("Frånvarande: Anci Cederqvist"), std::string::npos) << out;
  EXPECT_NE(out.find("Förslag till beslut är att testa"), std::string::npos) << out;
  EXPECT_NE(out.find("godkänna förslaget"), std::string::npos) << out;
  EXPECT_NE(out.find("från medarbetarenkäten på förvaltningen"), std::string::npos) << out;
  EXPECT_NE(out.find("stödja rektorerna"), std::string::npos) << out;
}

TEST(Repair, NeverTouchesNumbersUrlsMailAcronymsOrListedNames) {
  std::string out = fix(kLegacy);
  EXPECT_NE(out.find("https://helsingborg.se/forslag-ar-har"), std::string::npos) << out;
  EXPECT_NE(out.find("mats.nilsson@helsingborg.se"), std::string::npos) << out;
  EXPECT_NE(out.find("LG och SKA"), std::string::npos) << out;
  EXPECT_NE(out.find("2021-11-23 kl. 13.00-16.00, punkt 85,4 % av T2 2020"), std::string::npos) << out;
  EXPECT_NE(out.find("Mats och Karin"), std::string::npos) << out;  // not "Mäts"
}

TEST(Repair, CommonNamesWinOverRareReadingsOfTheSameLetters) {
  // "Backström" and "Bäckström" are both words to Hunspell (back + ström); Statistics Sweden's
  // name list says which one people are called. "Ann" stays "Ann" although "Ånn" is a place
  // Hunspell knows only capitalized.
  std::string out = fix(std::string(kLegacy) + "Justerare: Ulrika Backstrom, Ann Svensson och Per Sjoholm\n");
  EXPECT_NE(out.find("Justerare: Ulrika Bäckström, Ann Svensson och Per Sjöholm"), std::string::npos) << out;
  // Between two names as written ("Marta", "Märta") how common each is decides, also on a
  // list whose entries carry parties and roles, and also where the model saw "Märta" only
  // beside other surnames (decide.cpp: a name takes no context against it).
  out = fix(std::string(kLegacy) + "Narvarande ledaméter: Géran Persson (S), ordférande, Marta Sj6holm (M), vice\n");
  EXPECT_NE(out.find("Göran Persson (S), ordförande, Märta Sjöholm (M), vice"), std::string::npos) << out;
}

TEST(Repair, ACapitalInsideAWordIsAMisreadSmallLetter) {
  // The English model reads ö as "O" and ä as "A" now and then; inside a lower-case word the
  // letter given back is small ("fÖr" is no Swedish spelling).
  std::string out = fix(std::string(kLegacy) + "Det galler fOr alla och nAr vi kan.\n");
  EXPECT_NE(out.find("Det gäller för alla och när vi kan."), std::string::npos) << out;
  // At a word's start inside a sentence the same holds for a frequent word; a rarer one may be
  // a name and keeps its capital, as a sentence's first word does.
  out = fix(std::string(kLegacy) + "Vi har Ostra skolan och det Ar bra Over tid. Over tid ja.\n");
  EXPECT_NE(out.find("Vi har Östra skolan och det är bra över tid. Över tid ja."), std::string::npos) << out;
}

TEST(Repair, NumbersGetTheirDigitsBack) {
  // O for 0 and l for 1 inside a number standing alone; nothing else that mixes them changes.
  const std::string text = std::string(kLegacy) + "Tisdagen den 7 mars 2O21, kl. l3.0O-16.OO i rum 10l.\n" +
                           "CO2 och O2 samt A10l, 2l och lO.\nSedan 200S och 2O-talet, men inte S3 eller XS2.\n";
  const RepairResult r = repairer().repair(text);
  EXPECT_NE(r.text.find("Tisdagen den 7 mars 2021, kl. 13.00-16.00 i rum 10l.\nCO2 och O2 samt A10l, 2l och lO.\n"
                        "Sedan 2005 och 20-talet, men inte S3 eller XS2.\n"),
            std::string::npos)
      << r.text;
  const auto at = std::find_if(r.changes.begin(), r.changes.end(), [](const Change& c) { return c.from == "l3.0O-16.OO"; });
  ASSERT_NE(at, r.changes.end());
  EXPECT_EQ(at->to, "13.00-16.00");
  EXPECT_EQ(at->column, 31u);
}

TEST(Repair, AgendaItemNumbersReadAsLettersComeBackInSequence) {
  // "5" read as "S": between items 4 and 6 it is item 5 again (or the records lose the item);
  // "S. Berg" with no item 4 or 6 around it is an initial. ("Foredrag" was in the help-text
  // counts as a word until tools/build-language-model dropped stripped forms.)
  const std::string items = "4. Rapport\nText.\n\nS. Foredrag om skolan\nText.\n\n6. Ovrigt\n";
  std::string out = fix(std::string(kLegacy) + items);
  EXPECT_NE(out.find("4. Rapport\nText.\n\n5. Föredrag om skolan\nText.\n\n6. Övrigt\n"), std::string::npos) << out;
  out = fix(std::string(kLegacy) + "S. Berg och L. Lund var med.\n");
  EXPECT_NE(out.find("S. Berg och L. Lund var med."), std::string::npos) << out;
}

TEST(Repair, KeepsCasePatternAndLineStructure) {
  std::string out = fix(kLegacy);
  EXPECT_NE(out.find("FÖRSLAG:"), std::string::npos) << out;
  EXPECT_EQ(split_lines(out).size(), split_lines(kLegacy).size());
  std::string blank = "a\n\n\nb\n";
  EXPECT_EQ(split_lines(fix(blank)).size(), split_lines(blank).size());
  EXPECT_EQ(fix(""), "");
}

// A digit read for a small letter gives back a capital; inside a sentence it is written small,
// opening one it is a capital.
TEST(Repair, ADigitReadForALetterTakesThePlacesCase) {
  EXPECT_EQ(fix("Vi har 6kade kostnader for skolan.\n"), "Vi har ökade kostnader för skolan.\n");
  EXPECT_EQ(fix("6kade kostnader for skolan.\n"), "Ökade kostnader för skolan.\n");
}

TEST(Repair, EnglishLinesAreLeftAsWritten) {
  const std::string text = "Forslag till beslut\nnot an image\nThis is the report of the board.\n";
  EXPECT_EQ(fix(text), "Förslag till beslut\nnot an image\nThis is the report of the board.\n");
  // Swedish lines with an English word or two are still repaired.
  EXPECT_EQ(fix("Det ar inte for mig, and so on\n"), "Det är inte för mig, and so on\n");
}

TEST(Repair, ConfusionsAndGluedWords) {
  std::string text = std::string(kLegacy) +
                     "Syftet ar att sdkerstélla att styrkedjans lankar hanger ihop i férvaltningen.\n"
                     "2. Uppdragi VP, Lagesbeskrivning\n"
                     "o 0Okad involvering av enheter fér 6kat genomslag\n";
  std::string out = fix(text);
  EXPECT_NE(out.find("säkerställa"), std::string::npos) << out;
  EXPECT_NE(out.find("förvaltningen"), std::string::npos) << out;
  EXPECT_NE(out.find("Uppdrag i VP, Lägesbeskrivning"), std::string::npos) << out;
  EXPECT_NE(out.find("för ökat genomslag"), std::string::npos) << out;
}

TEST(Repair, NamesSettledOnAListRepairTheirOtherMisreadings) {
  std::string text = std::string(kLegacy) +
                     "Deltagare: Tony Mufic, Karin Gerken, Dennis Hjelmstrém, Agneta Gullstrand\n"
                     "5. Egoforedrag - Dennis Hjelmstréom\n";
  std::string out = fix(text);
  EXPECT_NE(out.find("Karin Gerken, Dennis Hjelmström, Agneta"), std::string::npos) << out;
  EXPECT_NE(out.find("- Dennis Hjelmström\n"), std::string::npos) << out;
}

TEST(Repair, WordsTheDocumentSettledRepairTheirOtherMisreadings) {
  // No lexicon knows "Egoföredrag", and the English model's rarer misreadings of å/ä/ö ("id"
  // for "ä", "0O" for "Ö") are not in the confusion table: a word the document writes with
  // å/ä/ö, or gives back by a clear repair, is what such a form reads.
  const std::string settled = "Egofoéredrag av Dennis som berattade om sin bakgrund.\n"
                              "Beslutet ar gällande fran i dag.\n"
                              "Ökad trygghet for eleverna.\n";
  const std::string misread = "5. Egoforedrag - Dennis\n"
                              "1. Beslut gidllande innovationscheckarna\n"
                              "o 0Okad involvering av enheter\n";
  std::string out = fix(std::string(kLegacy) + settled + misread);
  EXPECT_NE(out.find("Egoföredrag av Dennis"), std::string::npos) << out;
  EXPECT_NE(out.find("5. Egoföredrag - Dennis"), std::string::npos) << out;
  EXPECT_NE(out.find("Beslut gällande innovationscheckarna"), std::string::npos) << out;
  EXPECT_NE(out.find("◦ Ökad involvering"), std::string::npos) << out;
  // Without the document's word, such a form is left as it was.
  out = fix(std::string(kLegacy) + misread);
  EXPECT_NE(out.find("Beslut gidllande innovationscheckarna"), std::string::npos) << out;
  EXPECT_NE(out.find("◦ 0Okad involvering"), std::string::npos) << out;
}

TEST(Repair, TheHelpTextsInstructionsDoNotOutweighAValidWord) {
  // "fortsätt" (an imperative) is frequent in help texts and rare in minutes, where "fortsatt"
  // (continued) is common; the stripped document makes both readings thinkable.
  std::string out = fix(std::string(kLegacy) + "Rektor ska leda arbetet for fortsatt utveckling.\n"
                                               "Sa kommer fortsatt analys att goras.\n");
  EXPECT_NE(out.find("för fortsatt utveckling"), std::string::npos) << out;
  EXPECT_NE(out.find("Så kommer fortsatt analys att göras"), std::string::npos) << out;
}

TEST(Repair, BulletsReadAsLetters) {
  std::string out = fix("e Dialogerna ar viktiga\no tydligare processmal\n¢ Karin informerade\n");
  auto lines = split_lines(out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].substr(0, 5), "• D");  // the glyphs are three bytes of UTF-8
  EXPECT_EQ(lines[1].substr(0, 5), "◦ t");
  EXPECT_EQ(lines[2].substr(0, 5), "• K");
  RepairOptions o;
  o.data_dir = test_data_dir();
  o.bullets = false;
  Repairer plain(o);
  EXPECT_EQ(plain.repair("e Dialogerna\n").text.substr(0, 2), "e ");
}

TEST(Repair, LongCompoundsWrittenRightStayWhole) {
  // Three words joined, no lexicon lists them: Hunspell vouches for the form as written, so the
  // search's other spellings of it (not asked about) do not split or respell it.
  const std::string text =
      "Vi gick igenom ledningsgruppsutbildningen och utlysningstexten for varen.\n"
      "Efter ledningsgruppsutbildningen skrevs utlysningstexten om.\n";
  const std::string out = fix(text);
  EXPECT_NE(out.find("igenom ledningsgruppsutbildningen och utlysningstexten"), std::string::npos) << out;
  EXPECT_NE(out.find("Efter ledningsgruppsutbildningen skrevs utlysningstexten om."), std::string::npos) << out;
}

TEST(Repair, CompoundsOfAShortWordAreStillPutToHunspell) {
  // A form that begins like no listed word is not put to Hunspell, but "kösituation" begins
  // with "kö", a word of two letters: only Hunspell knows the compound, and it must be asked.
  const std::string out = fix("§ 13 Förskolans k6situation\nFörvaltningen redogör för késituationen i förskolan.\n");
  EXPECT_NE(out.find("Förskolans kösituation"), std::string::npos) << out;
  EXPECT_NE(out.find("för kösituationen i"), std::string::npos) << out;
}

TEST(Repair, CleanSwedishTextIsLeftAlone) {
  // Text that kept its å/ä/ö: valid words must survive ("var", "har", "for" are words too).
  std::string clean =
      "Var vi är nu och vart vi ska har vi diskuterat. Han for till Lund i går.\n"
      "Förvaltningen har fått i uppdrag att återkomma med en lägesbeskrivning.\n"
      "Mötet avslutades och nästa möte hålls i Göteborg hos Åsa Sjöström.\n";
  EXPECT_EQ(fix(clean), clean);
}

TEST(Repair, ChangesCarryProvenanceAndThresholdTradesRecall) {
  RepairResult r = repairer().repair(kLegacy);
  ASSERT_FALSE(r.changes.empty());
  bool found = false;
  for (const auto& c : r.changes) {
    EXPECT_GT(c.line, 0u);
    EXPECT_GT(c.column, 0u);
    EXPECT_NE(c.from, c.to);
    EXPECT_GE(c.score, 0.0);
    if (c.from == "Franvarande") {
      found = true;
      EXPECT_EQ(c.to, "Frånvarande");
      EXPECT_EQ(c.line, 2u);
      EXPECT_EQ(c.column, 1u);
    }
  }
  EXPECT_TRUE(found);
  RepairOptions strict;
  strict.data_dir = test_data_dir();
  strict.threshold = 3.0;
  Repairer cautious(strict);
  EXPECT_LT(cautious.repair(kLegacy).changes.size(), r.changes.size());
  EXPECT_EQ(r.changed_words, r.changes.size());
}

TEST(Repair, ADocumentReadsTheSameAfterOthers) {
  // Readings are shared across documents (page-per-file archives repeat most forms); a
  // document's own evidence (names, intact words, how much å/ä/ö it lost) must still decide.
  RepairOptions o;
  o.data_dir = test_data_dir();
  const std::string dev = slurp(source_path("samples/legacy/001.txt"));
  const std::string clean = "Förslag till beslut är att förvaltningen får i uppdrag att fortsätta.\n";
  const RepairResult alone = Repairer(o).repair(dev);
  Repairer shared(o);
  // First the same text with a line whose words kept their å/ä/ö: the same diacritic loss
  // (the readings are shared), other evidence ("för" seen intact).
  shared.repair(dev + "Beslut för mötet.\n");
  shared.repair(kLegacy);
  shared.repair(clean);
  shared.repair(slurp(source_path("samples/legacy/000.txt")));
  const RepairResult after = shared.repair(dev);
  EXPECT_EQ(after.text, alone.text);
  ASSERT_EQ(after.changes.size(), alone.changes.size());
  for (std::size_t i = 0; i < after.changes.size(); ++i) {
    EXPECT_EQ(after.changes[i].to, alone.changes[i].to);
    EXPECT_DOUBLE_EQ(after.changes[i].score, alone.changes[i].score);
  }
  EXPECT_EQ(shared.repair(kLegacy).text, Repairer(o).repair(kLegacy).text);
}

TEST(Repair, ReadingsReadTheSameWhetherSharedOrNot) {
  // Without sharing, a document owns its readings alone, and a list it extends (a name its
  // lists settled, a word it settled) replaces the only copy: nothing may still point at it.
  RepairOptions o;
  o.data_dir = test_data_dir();
  o.share_readings = false;
  const Repairer unshared(o);
  for (const char* name : {"000", "001"}) {
    const std::string text = slurp(source_path(std::string("samples/legacy/") + name + ".txt"));
    EXPECT_EQ(unshared.repair(text).text, repairer().repair(text).text) << name;
  }
  // Forms whose lists are extended, each more than once: every later word of the form must read
  // the new list (a random text with more forms than the cache keeps crashed on this).
  std::string text = std::string(kLegacy) + "Deltagare: Tony Mufic, Karin Gerken, Dennis Hjelmstrém, Agneta Gullstrand\n" +
                     "Egofoéredrag av Dennis om bakgrund.\nÖkad trygghet for eleverna.\n";
  for (int i = 0; i < 50; ++i) text += "5. Egoforedrag - Dennis Hjelmstréom\no 0Okad involvering av enheter\n";
  const RepairResult alone = unshared.repair(text);
  EXPECT_EQ(alone.text, repairer().repair(text).text);
  EXPECT_NE(alone.text.rfind("5. Egoföredrag - Dennis Hjelmström\n◦ Ökad involvering"), std::string::npos) << alone.text;
}

TEST(Repair, RandomJunkKeepsItsLinesAndDoesNotCrash) {
  // OCR junk, labels, names, digits for letters, bullets, CR and form feeds in random lines:
  // line i out is line i in, and nothing may read a reading list a step replaced (without
  // sharing, as here, a replaced list is gone).
  RepairOptions o;
  o.data_dir = test_data_dir();
  o.share_readings = false;
  const Repairer unshared(o);
  const std::u32string pools[] = {U"abcåäöé6010OlI .,:;-–—()§@#\t", U"Deltagare: Karin Gerken, Sjöström (S) ordförande 1. § 13 kl 13.00 ",
                                  U"ÅÄÖåäöéüß€¢«»•◦ abc", U"e o ¢ « S. l. O. 2O21 13.0O "};
  std::mt19937 random(7);
  std::string text;
  std::size_t lines = 0;
  for (; lines < 2000; ++lines) {
    const std::u32string& pool = pools[random() % std::size(pools)];
    std::u32string line;
    for (std::size_t n = random() % 120; n > 0; --n) line += pool[random() % pool.size()];
    if (random() % 20 == 0) line += U'\r';
    if (random() % 50 == 0) line = U'\f' + line;
    text += to_utf8(line) + "\n";
  }
  const RepairResult r = unshared.repair(text);
  EXPECT_EQ(split_lines(r.text).size(), split_lines(text).size());
  EXPECT_GT(r.words, 10000u);
}

TEST(Repair, UnrecordedChangesAreStillMadeAndCounted) {
  RepairOptions quiet;
  quiet.data_dir = test_data_dir();
  quiet.record_changes = false;
  const RepairResult recorded = repairer().repair(kLegacy);
  const RepairResult counted = Repairer(quiet).repair(kLegacy);
  EXPECT_EQ(counted.text, recorded.text);
  EXPECT_TRUE(counted.changes.empty());
  EXPECT_EQ(counted.changed_words, recorded.changes.size());
  EXPECT_GT(counted.changed_words, 10u);
}

TEST(Repair, ALongTextIsRepairedInPiecesThatJoinUp) {
  // More than Repairer::kPieceBytes of minutes: repaired piece by piece (memory stays bounded),
  // and the pieces must join into one text with the input's lines, every change placed on the
  // line and column of the whole text where its word stands.
  // Pieces after the first are repaired two at a time; each block is numbered so that a piece
  // joined in the wrong place shows.
  const std::string block = std::string(kLegacy) + "\n";
  std::string text;
  for (int k = 0; text.size() <= Repairer::kPieceBytes * 3; ++k) text += "Protokoll nr " + std::to_string(k) + "\n" + block;
  const RepairResult r = repairer().repair(text);
  const auto in = split_lines(text), out = split_lines(r.text);
  ASSERT_EQ(out.size(), in.size());
  EXPECT_EQ(r.text.back(), '\n');
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i].rfind("Protokoll nr ", 0) == 0) {
      ASSERT_EQ(out[i], in[i]) << "line " << i + 1;
    }
  }
  std::size_t copies = 0;
  for (std::size_t pos = 0; (pos = r.text.find("Frånvarande: Anci Cederqvist\n", pos)) != std::string::npos; ++pos)
    ++copies;
  EXPECT_EQ(copies, std::count(in.begin(), in.end(), std::string_view("Franvarande: Anci Cederqvist")));
  ASSERT_FALSE(r.changes.empty());
  EXPECT_GT(r.changes.back().line, in.size() - split_lines(block).size());  // the last piece's
  for (const Change& c : r.changes) {
    ASSERT_LE(c.line, in.size());
    const std::u32string line = to_u32(in[c.line - 1]);
    ASSERT_EQ(to_utf8(line.substr(c.column - 1, to_u32(c.from).size())), c.from) << "line " << c.line;
  }
}

TEST(Repair, ALineLongerThanAPieceIsCutAfterASpace) {
  // A text that lost its line breaks (one line of several MB) is cut into pieces too, or it
  // would take ~60 bytes of memory per byte. The cut must not show: one line out, the words
  // repaired on both sides of it, and every change placed at its column in the whole line. The
  // first cut is made to fall before "e Forslag": at a line's start that "e" would be a bullet.
  std::string text;
  while (text.size() < Repairer::kPieceBytes - 64) text += "Forslaget ar att godkanna beslutet. ";
  text += std::string(Repairer::kPieceBytes - 1 - text.size(), ' ');  // the last space before the limit
  const std::string after = "e Forslag till beslut ar att godkanna forslaget. ";
  while (text.size() < Repairer::kPieceBytes * 2) text += after;
  const RepairResult r = repairer().repair(text);
  EXPECT_EQ(r.text.find('\n'), std::string::npos);
  EXPECT_EQ(r.text.find("•"), std::string::npos);
  EXPECT_EQ(r.text.find("Forslag"), std::string::npos);
  EXPECT_EQ(r.text.find(" ar "), std::string::npos);
  EXPECT_NE(r.text.find("   e Förslag till beslut är att godkänna förslaget. e Förslag"), std::string::npos);
  ASSERT_FALSE(r.changes.empty());
  const std::u32string line = to_u32(text);
  std::size_t past_first_piece = 0;
  for (const Change& c : r.changes) {
    ASSERT_EQ(c.line, 1u);
    ASSERT_EQ(to_utf8(line.substr(c.column - 1, to_u32(c.from).size())), c.from) << "column " << c.column;
    past_first_piece += c.column > Repairer::kPieceBytes;
  }
  EXPECT_GT(past_first_piece, 0u);
}

// Regression gate over the development set: fix and break rates as the yardstick counts them.
class DevSet : public ::testing::TestWithParam<const char*> {};
TEST_P(DevSet, FixAndBreakRates) {
  std::string name = GetParam();
  std::string legacy = slurp(source_path("samples/legacy/" + name + ".txt"));
  std::string gold = slurp(source_path("samples/legacy/" + name + ".gold.txt"));
  RepairResult r = repairer().repair(legacy);
  EXPECT_EQ(split_lines(r.text).size(), split_lines(legacy).size());
  TextScores s = score_text(r.text, gold, legacy);
  std::cout << name << ": fix " << *s.fix_rate << " (" << s.fixed << "/" << s.damaged << "), break "
            << *s.break_rate << " (" << s.broken << "/" << s.intact << "), wer " << s.wer << "\n";
  // Measured with the 184-page confusion table and context across wrapped lines (issue 19):
  // 000 0.964 / 0, 001 0.976 / 0, 002 0.976 / 0.0016.
  EXPECT_GE(*s.fix_rate, 0.96);
  EXPECT_LE(*s.break_rate, 0.003);
}
INSTANTIATE_TEST_SUITE_P(Legacy, DevSet, ::testing::Values("000", "001", "002"));

// The held-out texts (our minutes, rendered and OCR'd with the English model; no constant was
// tuned on them): a floor below the measured fix rates (0.968 / 0.943 with the interpellation
// model; 0.968 / 0.929 before) so that a change that hurts unseen text shows. bun breaks 2 of
// 105 since that model: "sal Åsen" reads "säl" (seals are a Riksdag subject).
class HeldOut : public ::testing::TestWithParam<const char*> {};
TEST_P(HeldOut, FixAndBreakRates) {
  std::string name = GetParam();
  std::string legacy = slurp(source_path("samples/heldout/" + name + ".legacy.txt"));
  std::string gold = slurp(source_path("samples/heldout/" + name + ".gold.txt"));
  TextScores s = score_text(repairer().repair(legacy).text, gold, legacy);
  std::cout << name << ": fix " << *s.fix_rate << ", break " << *s.break_rate << "\n";
  EXPECT_GE(*s.fix_rate, 0.90);
  EXPECT_LE(*s.break_rate, 0.02);
}
INSTANTIATE_TEST_SUITE_P(Rendered, HeldOut, ::testing::Values("bun-2023-03-07", "lg-2022-05-17"));

// Names (samples/names, tools/make-names-sample): lists, roles and running text with names drawn
// by how common they are in Sweden, damaged with the learned confusions. Measured 0.955 fixed,
// nothing broken: a name as written must never turn into another.
TEST(Repair, NamesOnListsAndInText) {
  std::string legacy = slurp(source_path("samples/names/names.legacy.txt"));
  std::string gold = slurp(source_path("samples/names/names.gold.txt"));
  TextScores s = score_text(repairer().repair(legacy).text, gold, legacy);
  std::cout << "names: fix " << *s.fix_rate << " (" << s.fixed << "/" << s.damaged << "), break " << s.broken << "\n";
  EXPECT_GE(*s.fix_rate, 0.94);
  EXPECT_EQ(s.broken, 0u);
}
