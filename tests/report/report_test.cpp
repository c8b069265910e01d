// The review report on real documents: a legacy text repaired by the real models, a scan read by
// the real Tesseract. Every change is marked exactly once, in the text and on the image; fields
// link to the lines they came from; nothing in a page can reach outside it.
#include "protokoll/report.hpp"

#include <regex>

#include <gtest/gtest.h>

#include "protokoll/pipeline.hpp"
#include "report/html.hpp"
#include "report/parts.hpp"
#include "test_util.hpp"
#include "text/text_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct Loaded {
  std::unique_ptr<Pipeline> pipeline;
  std::vector<Document> docs;
};

Loaded load(const std::vector<std::string>& paths, bool previews) {
  PipelineOptions o;
  o.repair.data_dir = test_data_dir();
  o.per_file = true;
  o.ocr.preview_width = previews ? kReportImageWidth : 0;
  Loaded l{std::make_unique<Pipeline>(o), {}};
  std::vector<InputFailure> failures;
  l.docs = l.pipeline->load(expand_inputs(paths), failures);
  EXPECT_TRUE(failures.empty());
  return l;
}

// The text of the line an href="#L<n>" points to.
std::string line_text(const Document& doc, std::size_t number) {
  for (const Page& p : doc.pages) {
    if (number <= p.lines.size()) return p.lines[number - 1].text;
    number -= p.lines.size();
  }
  return "";
}

}  // namespace

TEST(PlaceChanges, LaterChangesMoveByTheLengthsOfEarlierOnes) {
  // "Franvarande: Asa Lindstrom" read; two repairs, the first one longer than what it replaced.
  const std::u32string repaired = to_u32("Frånvarande: Åsa Lindström och mötetöppnas");
  std::vector<Change> changes{{1, 1, 1, "Franvarande", "Frånvarande", 3, ""},
                              {1, 1, 18, "Lindstrom", "Lindström", 2, ""},
                              {1, 1, 5, "x", "y", 1, ""}};  // not where it says: shown apart
  const std::size_t order[] = {0, 2, 1};
  auto placed = report::place_changes(repaired, changes, order);
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_TRUE(placed[0].placed);
  EXPECT_EQ(placed[0].begin, 0u);
  EXPECT_FALSE(placed[1].placed);
  EXPECT_TRUE(placed[2].placed);
  EXPECT_EQ(to_utf8(repaired.substr(placed[2].begin, placed[2].end - placed[2].begin)), "Lindström");
}

TEST(Report, EveryChangeOfALegacyTextIsMarkedOnceAndFieldsLinkToTheirLines) {
  auto l = load({source_path("samples/legacy/000.txt")}, false);
  ASSERT_EQ(l.docs.size(), 1u);
  const Document& doc = l.docs[0];
  const auto records = l.pipeline->records(l.docs);
  ASSERT_FALSE(records.empty());
  ASSERT_GT(doc.changes.size(), 20u);
  const DocumentReport r = document_report(doc, records, "000.txt", "../index.html");
  EXPECT_EQ(count(r.html, "<mark class=\"fix\""), doc.changes.size());
  for (std::size_t k = 1; k <= doc.changes.size(); ++k)
    EXPECT_EQ(count(r.html, "id=\"c" + std::to_string(k) + "\""), 1u) << k;
  EXPECT_TRUE(r.images.empty());
  EXPECT_EQ(r.entry.repairs, doc.repaired_words);
  EXPECT_EQ(r.entry.meetings, records.size());
  // Each agenda item's title links to a line that holds it.
  std::size_t checked = 0;
  for (const auto& item : records[0].items) {
    const std::regex link("<a href=\"#L([0-9]+)\">" + std::regex_replace(report::escaped(item.title), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") + "</a>");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.html, m, link)) << item.title;
    EXPECT_NE(to_lower(line_text(doc, std::stoul(m[1]))).find(to_lower(item.title)), std::string::npos) << item.title;
    ++checked;
  }
  EXPECT_GT(checked, 2u);
  // The marked text is the repaired text: the first change's replacement stands in its mark.
  const Change& first = doc.changes.front();
  EXPECT_NE(r.html.find("id=\"c1\" tabindex=\"0\">" + report::escaped(first.to) + "<span class=\"tip\">"), std::string::npos);
}

TEST(Report, AScanKeepsItsImageAndEachWordItsBox) {
  auto l = load({source_path("samples/pages/two-pages.tif")}, true);
  ASSERT_EQ(l.docs.size(), 1u);
  const Document& doc = l.docs[0];
  ASSERT_EQ(doc.pages.size(), 2u);
  std::size_t words = 0;
  for (const Page& p : doc.pages) {
    ASSERT_FALSE(p.preview_jpeg.empty());
    EXPECT_EQ(p.preview_jpeg.substr(0, 3), "\xff\xd8\xff");  // JPEG
    EXPECT_EQ(p.preview_width, kReportImageWidth);
    EXPECT_NEAR(static_cast<double>(p.preview_height) / p.preview_width, static_cast<double>(p.height) / p.width, 0.01);
    EXPECT_LT(p.preview_jpeg.size(), 150'000u);
    for (const Line& line : p.lines) words += line.words.size();
  }
  const auto records = l.pipeline->records(l.docs);
  const DocumentReport r = document_report(doc, records, "two-pages.tif", "../index.html");
  ASSERT_EQ(r.images.size(), 2u);
  EXPECT_EQ(r.images[1].file, "two-pages.tif.p2.jpg");
  EXPECT_NE(r.html.find("<img src=\"two-pages.tif.p1.jpg\""), std::string::npos);
  EXPECT_EQ(count(r.html, "class=\"box"), words);
  EXPECT_EQ(count(r.html, "<a class=\"box fix\""), count(r.html, "<a class=\"box fix\" href=\"#c"));
  EXPECT_EQ(count(r.html, "<mark class=\"fix\""), doc.changes.size());
}

TEST(Report, TextFromAnArchiveCannotBreakOutOfThePage) {
  PipelineOptions o;
  o.repair.data_dir = test_data_dir();
  Pipeline p(o);
  TempDir dir;
  write_file(dir / "x.txt", "Protokoll 2024-01-09\n<script>alert(1)</script> <img src=\"https://example.com/x\">\n");
  std::vector<InputFailure> failures;
  auto docs = p.load(expand_inputs({dir / "x.txt"}), failures);
  ASSERT_EQ(docs.size(), 1u);
  const auto r = document_report(docs[0], p.records(docs), "x.txt", "index.html");
  EXPECT_EQ(r.html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(r.html.find("<img src=\"https"), std::string::npos);
  EXPECT_NE(r.html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(r.html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);

  ReportEntry e;
  e.input = "a</script><script>alert(1)</script>.txt";
  e.href = "a b#1.txt.html";
  const std::string index = index_report(std::span<const ReportEntry>(&e, 1));
  EXPECT_EQ(index.find("</script><script>alert"), std::string::npos);
  EXPECT_NE(index.find("a%20b%231.txt.html"), std::string::npos);
}
