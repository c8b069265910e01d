// Each block of a meeting's minutes on real lines: the header, attendance in its shapes, items
// in every numbering form, decisions, the closing, the notice of posting, page furniture.
#include <gtest/gtest.h>

#include "protokoll/record.hpp"
#include "record/parts.hpp"
#include "schema_validator.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
std::vector<std::string> names(const std::vector<Participant>& v) {
  std::vector<std::string> out;
  for (const auto& p : v) out.push_back(p.name);
  return out;
}
std::vector<std::string> titles(const Record& r) {
  std::vector<std::string> out;
  for (const auto& i : r.items) out.push_back(i.title);
  return out;
}
std::vector<std::string> decisions(const Record& r) {
  std::vector<std::string> out;
  for (const auto& i : r.items)
    for (const auto& d : i.decisions) out.push_back(d);
  return out;
}
void expect_valid(const Record& r) {
  static const auto schema = nlohmann::json::parse(slurp(source_path("docs/record.schema.json")));
  std::vector<std::string> errors;
  validate_schema(schema, nlohmann::json::parse(r.to_json().dump()), "$", errors);
  for (const auto& e : errors) ADD_FAILURE() << e;
}
const char* kHead = "Styrelsen\nProtokoll\nDatum: 2023-09-14\nTid: 15.00–17.30\nPlats: Kansliet\n\n";
}  // namespace

TEST(Header, PlaceAndTimeInTheirFormsAndTheKindOfDocument) {
  Record r = extract_record("LUDVIKA KOMMUN\nSocialnämnden\n\nPROTOKOLL\nSammanträdesdatum: 2021-06-15\n\n"
                            "Plats och tid: Stadshuset, sal Väsman, tisdag 15 juni 2021 kl. 13.00–16.10\n\n"
                            "Paragrafer: §§ 31–32\n\n§ 31 Val av justerare\n§ 32 Övrigt\n");
  EXPECT_EQ(r.date.value_or(""), "2021-06-15");
  EXPECT_EQ(r.start.value_or(""), "13:00");
  EXPECT_EQ(r.end.value_or(""), "16:10");
  EXPECT_EQ(r.location.value_or(""), "Stadshuset, sal Väsman");
  EXPECT_EQ(r.document_type.value_or(""), "protokoll");
  EXPECT_EQ(r.paragraphs.value_or(""), "31-32");
  EXPECT_EQ(r.body.value_or(""), "Socialnämnden");
  // The place after the time on the date line, the place on the line after it, a room number.
  EXPECT_EQ(extract_record("Elevrådet\nTisdag 5 mars 2024, lunchrasten 12.15–12.55, sal B12\n\n1. Öppnas\n").location.value_or(""), "sal B12");
  EXPECT_EQ(extract_record("IFK Hallsberg\nSöndagen den 19 februari 2023 kl. 14.00\nKlubbstugan, Folkasboskogen\n\n§ 1 Öppnande\n")
                .location.value_or(""),
            "Klubbstugan, Folkasboskogen");
  EXPECT_EQ(extract_record("Datum: 2023-06-12\nTid: kl. 13.00–15.30\nPlats: Sandwalls plats 1, rum 4:12\n\n1. A\n").location.value_or(""),
            "Sandwalls plats 1, rum 4:12");
  // Where the minutes say the meeting ended.
  EXPECT_EQ(extract_record("Datum: 2022-03-08\nTid: 19.00\n\n1. Avslutning\nMötet avslutades kl. 20.40.\n").end.value_or(""), "20:40");
}

TEST(Attendance, OneALineBulletedTitlesDeputiesAndAbsent) {
  Record r = extract_record(std::string("Nämnden\nDatum: 2021-06-15\n\n") +
                            "Beslutande ledamöter:\nKerstin Alm (S), ordförande\nBengt-Åke Fors (M), vice ordförande\n\n"
                            "Tjänstgörande ersättare:\nPatrik Nordin (S) ersätter Yvonne Lindgren (S)\n"
                            "Nadia Karimi (L), tjänstgörande för Sven Grahn (L)\n\n"
                            "Övriga närvarande: Helena Strand, socialchef; rektor Anneli Wahlström\n"
                            "Frånvarande: Tobias Ljung (M) (sjuk)\n\n§ 1 Öppnande\n");
  EXPECT_EQ(names(r.participants), (std::vector<std::string>{"Kerstin Alm", "Bengt-Åke Fors", "Patrik Nordin", "Nadia Karimi",
                                                             "Helena Strand", "Anneli Wahlström"}));
  EXPECT_EQ(r.chair.value_or(""), "Kerstin Alm");
  EXPECT_EQ(r.participants[1].role.value_or(""), "vice ordförande");
  EXPECT_EQ(r.participants[2].replaces.value_or(""), "Yvonne Lindgren");
  EXPECT_EQ(r.participants[3].replaces.value_or(""), "Sven Grahn");
  EXPECT_EQ(r.participants[4].role.value_or(""), "socialchef");
  EXPECT_EQ(r.participants[5].role.value_or(""), "rektor");
  ASSERT_EQ(r.absent.size(), 3u);  // the two replaced, and the one absent
  EXPECT_EQ(r.absent[0].name, "Yvonne Lindgren");
  EXPECT_EQ(r.absent[0].party.value_or(""), "S");
  EXPECT_EQ(r.absent[2].name, "Tobias Ljung");
  EXPECT_EQ(r.absent[2].party.value_or(""), "M");
  EXPECT_EQ(r.absent[2].note.value_or(""), "sjuk");
  expect_valid(r);
  Record pupils = extract_record("Elevrådet\nDatum: 2024-03-05\n\nNärvarande:\n- Wilma Andersson 9A (ordf.)\n- Liam Johansson 9B (sekr.)\n"
                                 "- Nora Eriksson, lärare\n\nPunkt 1. Mötet öppnas\n");
  EXPECT_EQ(names(pupils.participants), (std::vector<std::string>{"Wilma Andersson", "Liam Johansson", "Nora Eriksson"}));
  EXPECT_EQ(pupils.participants[0].group.value_or(""), "9A");
  EXPECT_EQ(pupils.chair.value_or(""), "Wilma Andersson");
  EXPECT_EQ(pupils.secretary.value_or(""), "Liam Johansson");
  // A list in parts under one label; a list of no names.
  Record kpr = extract_record("KPR\nDatum: 2024-11-12\n\nNärvarande:\nOrdförande: Birgitta Nyström (S)\nLedamöter: Stig Kallin, PRO; "
                              "Lilian Backe, SKPF\n\nÄrende 1 Dagordningen\n");
  EXPECT_EQ(names(kpr.participants), (std::vector<std::string>{"Birgitta Nyström", "Stig Kallin", "Lilian Backe"}));
  EXPECT_EQ(kpr.chair.value_or(""), "Birgitta Nyström");
  EXPECT_TRUE(extract_record("Årsmöte\nDatum: 2023-02-19\nNärvarande: 23 röstberättigade medlemmar enligt bifogad lista.\n\n§ 1 A\n")
                  .participants.empty());
}

TEST(Items, EveryNumberingFormAndHeadings) {
  for (const char* agenda : {"1. Öppnande\n2. Ekonomi\n3. Övrigt\n", "1) Öppnande\n2) Ekonomi\n3) Övrigt\n",
                             "§ 12 Öppnande\n§ 13 Ekonomi\n§ 14 Övrigt\n", "§ 12\nÖppnande\n\n§ 13\nEkonomi\n\n§ 14\nÖvrigt\n",
                             "Punkt 1. Öppnande\nPunkt 2. Ekonomi\nPunkt 3. Övrigt\n",
                             "Ärende 1 Öppnande\nÄrende 2 Ekonomi\nÄrende 3 Övrigt\n", "1. Öppnande\n. Ekonomi\n3. Övrigt\n",
                             "1. Öppnande\n2, Ekonomi\n3. Övrigt\n"}) {
    Record r = extract_record(std::string(kHead) + agenda);
    EXPECT_EQ(titles(r), (std::vector<std::string>{"Öppnande", "Ekonomi", "Övrigt"})) << agenda;
  }
  // Headings where nothing is numbered; a numbered list inside them is text.
  Record h = extract_record(std::string(kHead) + "Läget inför hösten\n\nAlla skolor har kommit igång enligt plan.\n\n"
                                                 "Prioriteringar under året\n• Närvaro och studiero\n• Bättre övergångar\n\n"
                                                 "Grupparbete\n\nUppgift i två steg:\n1. Person X intervjuar Y.\n2. Person Y svarar.\n\n"
                                                 "Budget 2023\n\nRamarna presenteras i november.\n");
  EXPECT_EQ(titles(h), (std::vector<std::string>{"Läget inför hösten", "Prioriteringar under året", "Grupparbete", "Budget 2023"}));
  // A short line that holds the end of one sentence and the start of the next is text; what a
  // part of an item holds ("Innehåll i …") is a subheading of it.
  Record s = extract_record(std::string(kHead) + "Läget inför hösten\n\nAlla skolor har kommit igång enligt plan.\n\n"
                                                 "Vi behöver ha koll på nuläget. (Behovsanalys) Beredskap\n\n"
                                                 "Det gäller alla enheter.\n\nInnehåll i dialog på huvudmannanivå\n"
                                                 "• Samarbetet kring elever i behov av stöd\n\n"
                                                 "Budget 2023\n\nRamarna presenteras i november.\n");
  EXPECT_EQ(titles(s), (std::vector<std::string>{"Läget inför hösten", "Budget 2023"}));
  // An agenda read out first, then gone through.
  Record a = extract_record(std::string(kHead) + "Dagordning\n1. Föregående\n2. Schema\n\n1. Föregående\nGicks igenom.\n\n2. Schema\nKlart.\n");
  EXPECT_EQ(titles(a), (std::vector<std::string>{"Föregående", "Schema"}));
  EXPECT_EQ(a.items[0].text, "Gicks igenom.");
}

TEST(Items, DecisionsInEveryFormAndReservations) {
  Record r = extract_record(std::string(kHead) +
                            "§ 1 Delårsrapport\nEkonomen redovisar.\n\nBeslut\nNämnden godkänner delårsrapporten.\n\n"
                            "Reservation\nPer Lund (M) reserverar sig mot beslutet.\n\n"
                            "§ 2 Taxa\nFörslag till beslut\nNämnden höjer taxan.\n\nKommunfullmäktiges beslut\nTaxan höjs med 3 procent.\n\n"
                            "§ 3 Budget\nKyrkorådet beslutar\natt fastställa budgeten,\natt avgiften är oförändrad.\n\n"
                            "§ 4 Stambyte\nTre anbud har kommit in. Styrelsen beslöt att gå vidare med det lägsta.\n"
                            "Beslut: Ordföranden kallar till stämma.\n\n§ 5 Information\nInformationen noteras.\n");
  const auto d = decisions(r);
  EXPECT_EQ(d, (std::vector<std::string>{"Nämnden godkänner delårsrapporten.", "Taxan höjs med 3 procent.",
                                         "Kyrkorådet beslutar att fastställa budgeten, att avgiften är oförändrad.",
                                         "Ordföranden kallar till stämma.", "Styrelsen beslöt att gå vidare med det lägsta.",
                                         "Informationen noteras."}));
  ASSERT_EQ(r.items[0].reservations.size(), 1u);
  EXPECT_EQ(r.items[0].reservations[0], "Per Lund (M) reserverar sig mot beslutet.");
  expect_valid(r);
}

TEST(Items, TheNextMeetingWithAndWithoutItsYear) {
  Record r = extract_record(std::string(kHead) + "1. Övrigt\nNästa möte: tisdag 17 oktober kl. 13.00 i sal Väsman.\n");
  ASSERT_TRUE(r.next_meeting);
  EXPECT_EQ(r.next_meeting->date, "2023-10-17");
  EXPECT_EQ(r.next_meeting->start.value_or(""), "13:00");
  EXPECT_EQ(r.next_meeting->location.value_or(""), "sal Väsman");
  Record jan = extract_record(std::string(kHead) + "1. Nästa möte\nTisdag 9 januari kl. 18.30.\n");  // the next year
  ASSERT_TRUE(jan.next_meeting);
  EXPECT_EQ(jan.next_meeting->date, "2024-01-09");
  EXPECT_FALSE(extract_record(std::string(kHead) + "1. Övrigt\nInget.\n").next_meeting);
}

TEST(Closing, SignaturesElectionsAndTheSecretarysLine) {
  // Names over their roles, in columns, and as OCR left them in one line.
  for (const char* closing : {"Kerstin Alm                    Olof Sjöberg\nOrdförande                     Justerare\n",
                              "Kerstin Alm Olof Sjöberg\nOrdförande Justerare\n",
                              "Ordförande                     Justerare\nKerstin Alm                    Olof Sjöberg\n",
                              "Justeras: Kerstin Alm, ordförande        Olof Sjöberg, justerare\n"}) {
    Record r = extract_record(std::string("Nämnden\nDatum: 2021-06-15\n\n§ 1 Övrigt\nInget.\n\nVid protokollet\nMattias Björk\n\n") + closing);
    EXPECT_EQ(r.secretary.value_or(""), "Mattias Björk") << closing;
    EXPECT_EQ(r.chair.value_or(""), "Kerstin Alm") << closing;
    EXPECT_EQ(r.adjusters, std::vector<std::string>{"Olof Sjöberg"}) << closing;
    EXPECT_EQ(r.items.back().text, "Inget.") << closing;  // the closing is not the item's text
  }
  // The meeting elects its chair, secretary and adjusters.
  Record e = extract_record(std::string(kHead) +
                            "§ 1 Val av mötesordförande och mötessekreterare\nTill mötesordförande valdes Gun Lindahl och till "
                            "mötessekreterare valdes Erik Nyqvist.\n\n§ 2 Val av justerare\nTill justerare tillika rösträknare valdes "
                            "Sara Kjellberg och Mats Önnestam.\n");
  EXPECT_EQ(e.chair.value_or(""), "Gun Lindahl");
  EXPECT_EQ(e.secretary.value_or(""), "Erik Nyqvist");
  EXPECT_EQ(e.adjusters, (std::vector<std::string>{"Sara Kjellberg", "Mats Önnestam"}));
}

TEST(Layout, PageFurnitureAndTheNoticeOfPostingAreNoFields) {
  Record r = extract_record("BÅSTADS KOMMUN                 SAMMANTRÄDESPROTOKOLL\nKommunfullmäktige              2023-05-22\n\n"
                            "Plats och tid               Kommunhuset, kl. 18.00–20.45\n\n§ 41 Val av justerare\nText ett.\n\n"
                            "Justerandes signatur                                    Utdragsbestyrkande\n"
                            "\fBÅSTADS KOMMUN                 SAMMANTRÄDESPROTOKOLL       Sida 2 (2)\nKommunfullmäktige              2023-05-22\n\n"
                            "§ 42 Delårsrapport per den 30 april 2023\nText två.\n\n"
                            "ANSLAGSBEVIS\nDatum då anslaget sätts upp: 2023-05-29\nFörvaringsplats för protokollet: Kommunkansliet\n");
  EXPECT_EQ(titles(r), (std::vector<std::string>{"Val av justerare", "Delårsrapport per den 30 april 2023"}));
  EXPECT_EQ(r.items[0].text, "Text ett.");
  EXPECT_EQ(r.items[1].text, "Text två.");
  EXPECT_EQ(r.location.value_or(""), "Kommunhuset");
  EXPECT_EQ(r.date.value_or(""), "2023-05-22");
  const Record one_line = extract_record("Protokoll\nDatum: 2023-01-10\n\n1. A\nText.\nSida 1 av 2\nhelsingborg.se\nMer text.\n");
  EXPECT_EQ(one_line.items[0].text, "Text. Mer text.");
}

TEST(Warnings, TheTextDisagreesWithItself) {
  auto codes = [](const Record& r) {
    std::vector<std::string> out;
    for (const auto& w : r.warnings) out.push_back(w.code);
    return out;
  };
  EXPECT_EQ(codes(extract_record("Styrelsen\nMåndagen den 7 mars 2023\n\n1. A\n3. B\n")),
            (std::vector<std::string>{"weekday-mismatch", "items-numbering-gap"}));
  EXPECT_EQ(codes(extract_record("Nämnden\nDatum: 2023-03-07\nParagrafer: §§ 31–35\n\n§ 31 A\n§ 32 B\n")),
            std::vector<std::string>{"paragraph-range-mismatch"});
  EXPECT_EQ(codes(extract_record("Nämnden\nDatum: 5/3 2023\n\n1. A\n")), std::vector<std::string>{"date-ambiguous"});
}

// On a scan, a heading set larger than its text is a heading even where OCR lost the blank line
// before it (the line heights come from Tesseract's boxes).
TEST(Layout, ScannedHeadingsAreKnownByTheirHeight) {
  const std::vector<std::pair<std::string, int>> page = {
      {"Minnesanteckningar APT", 60}, {"Datum: 2024-02-06", 40}, {"Plats: Personalrummet", 40}, {"", 0},
      {"Arbetsmiljö", 58}, {"Ljudnivån i matsalen upplevs som hög och vi prövar att äta i två omgångar.", 40},
      {"Planeringstid", 58}, {"Varje pedagog får två timmar planeringstid i veckan från och med vecka 8.", 40},
      {"Övrigt", 58}, {"Föräldramötet flyttas till torsdagen den 22 februari.", 40}};
  std::vector<StreamLine> tall, flat;
  for (std::uint32_t i = 0; i < page.size(); ++i) {
    tall.push_back(StreamLine{page[i].first, 0, 0, i, 1, page[i].second});
    flat.push_back(StreamLine{page[i].first, 0, 0, i, 1, page[i].second ? 40 : 0});
  }
  EXPECT_EQ(titles(extract_record(tall)), (std::vector<std::string>{"Arbetsmiljö", "Planeringstid", "Övrigt"}));
  EXPECT_TRUE(extract_record(flat).items.size() <= 1u);  // without the heights: only what stands alone
}

TEST(Items, BareNumbersCaseNumbersAndGenitiveDecisionHeadings) {
  // "1 Inledning" with no stop: items when they run 1, 2, 3 (an agenda first, then the items).
  Record r = extract_record(std::string(kHead) +
                            "Agenda\n1 Inledning\n2 Status\n3 Övrigt\n\n1 Inledning\nVälkomna.\n\n2 Status\n"
                            "Tidplanen visades.\nBeslut: Styrgruppen godkänner tidplanen.\n\n3 Övrigt\n"
                            "32 barn har anmält sig.\n");
  EXPECT_EQ(titles(r), (std::vector<std::string>{"Inledning", "Status", "Övrigt"}));
  EXPECT_EQ(decisions(r), (std::vector<std::string>{"Styrgruppen godkänner tidplanen."}));
  // One line starting with a number is text.
  EXPECT_TRUE(titles(extract_record(std::string(kHead) + "Mötet hölls.\n2 Status för projektet\n")).empty());
  // "§ 88   Dnr MBN 2022/311": the case number beside the paragraph is not the title; the
  // decision under "Miljö- och byggnadsnämndens beslut" is the item's.
  r = extract_record(std::string(kHead) +
                     "§ 88                                   Dnr MBN 2022/311\nBygglov för enbostadshus, Nyborg 3:14\n\n"
                     "Miljö- och byggnadsnämndens beslut\nNämnden beviljar bygglov.\n");
  EXPECT_EQ(titles(r), (std::vector<std::string>{"Bygglov för enbostadshus, Nyborg 3:14"}));
  EXPECT_EQ(decisions(r), (std::vector<std::string>{"Nämnden beviljar bygglov."}));
  // A sentence that wraps onto "förslag." is one decision, not a proposal heading.
  r = extract_record(std::string(kHead) + "§ 6 Framställningar\nStämman beslutade enligt styrelsens\nförslag.\n");
  EXPECT_EQ(decisions(r), (std::vector<std::string>{"Stämman beslutade enligt styrelsens förslag."}));
}

TEST(Attendance, ListsEndingInASentenceAndNotesInParentheses) {
  Record r = extract_record(std::string(kHead) +
                            "Deltagare: Gunilla Persson, Ahmed Rashid och Siv Hedlund.\nAnmält förhinder: Jessica Moberg.\n\n"
                            "§ 1 Öppnande\n");
  EXPECT_EQ(names(r.participants), (std::vector<std::string>{"Gunilla Persson", "Ahmed Rashid", "Siv Hedlund"}));
  ASSERT_EQ(r.absent.size(), 1u);
  EXPECT_EQ(r.absent[0].name, "Jessica Moberg");
  // A list that wraps onto a person noted "(anteckningar)": the secretary, not a title line.
  r = extract_record(std::string(kHead) +
                     "Deltagare: Anders Wikström (ordförande), Lotta Berglund,\nPeter Hägg (anteckningar)\n\n1. Inledning\n");
  EXPECT_EQ(names(r.participants), (std::vector<std::string>{"Anders Wikström", "Lotta Berglund", "Peter Hägg"}));
  EXPECT_EQ(r.secretary.value_or(""), "Peter Hägg");
  // "Anmäld frånvaro" as a heading of its own.
  r = extract_record(std::string(kHead) + "Närvarande\nBengt Åström\nHans Nilsson\n\nAnmäld frånvaro\nMarianne Kero\n\n§ 1 Öppnande\n");
  ASSERT_EQ(r.absent.size(), 1u);
  EXPECT_EQ(r.absent[0].name, "Marianne Kero");
}

TEST(Closing, AdjustersAndChairElectedForTheMeeting) {
  Record r = extract_record(std::string(kHead) +
                            "§ 1 Val av ordförande\nTill ordförande för stämman valdes Inger Malmström.\n\n"
                            "§ 2 Val av justeringsmän\nTill justeringsmän valdes Göte Hellberg och Annika Strömqvist.\n");
  EXPECT_EQ(r.chair.value_or(""), "Inger Malmström");
  EXPECT_EQ(r.adjusters, (std::vector<std::string>{"Göte Hellberg", "Annika Strömqvist"}));
}
