// The document model: text split into pages and lines once, and written back as it came.
#include "protokoll/document.hpp"

#include <gtest/gtest.h>

#include "protokoll/input.hpp"

using namespace protokoll;

namespace {
Document loaded(std::string_view text) {
  Document doc;
  load_text_lines(text, doc);
  return doc;
}
}  // namespace

TEST(PagesFromText, SplitsPagesOnFormFeedAndKeepsEmptyLines) {
  auto pages = pages_from_text("rad ett\n\nrad tre\fsida två\r\nslut");
  ASSERT_EQ(pages.size(), 2u);
  ASSERT_EQ(pages[0].lines.size(), 3u);
  EXPECT_EQ(pages[0].lines[1].text, "");
  EXPECT_EQ(pages[0].lines[2].text, "rad tre");
  EXPECT_FALSE(pages[0].break_after_line_end);  // "rad tre\f": the form feed ends the line
  EXPECT_EQ(pages[1].number, 2);
  ASSERT_EQ(pages[1].lines.size(), 2u);
  EXPECT_EQ(pages[1].lines[0].text, "sida två");
  EXPECT_TRUE(pages_from_text("").front().lines.empty());
}

// Line i out is line i in, whatever separates the lines and pages: what the repair stage and
// `protokoll repair` promise, checked at the bottom of it.
TEST(DocumentText, WritesBackEveryLineEndPageBreakAndFinalNewline) {
  for (std::string_view text : {
           "Forslag ett\nandra rad\n\fsida tva\nslut\n",  // a page break after a line end
           "a\fb",                                         // inside a line
           "a\n\f\fb\n",                                   // an empty page
           "\fb\n",                                        // an empty first page
           "a\n\f",                                        // an empty last page
           "a\r\nb\r\n\r\n\fc\r\n",                        // CR LF
           "a\rb\r",                                       // old Mac CR
           "a\nb",                                         // no final newline
           "a\n\n\n",                                      // blank last lines
           "\n", "",
       }) {
    const Document doc = loaded(text);
    EXPECT_EQ(document_text(doc), text) << text;
  }
  // Four lines in, four lines out, each where it was.
  const Document doc = loaded("Forslag ett\nandra rad\n\fsida tva\nslut\n");
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.line_count(), 4u);
  EXPECT_EQ(doc.pages[1].lines[0].text, "sida tva");
}

TEST(DocumentText, LineEndsAreTheSourcesOwn) {
  EXPECT_EQ(loaded("a\r\nb").source.line_end, LineEnd::crlf);
  EXPECT_EQ(loaded("a\rb").source.line_end, LineEnd::cr);
  EXPECT_EQ(loaded("a\nb\r\n").source.line_end, LineEnd::lf);  // the first line end decides
  EXPECT_FALSE(loaded("a\nb").source.final_newline);
  EXPECT_TRUE(loaded("a\nb\n").source.final_newline);
}

TEST(Document, MeanConfidenceUsesOcrWords) {
  Document doc = loaded("a\nb\fc");
  EXPECT_FALSE(doc.mean_confidence().has_value());
  doc.pages[0].lines[0].words = {Word{"a", 90.0f, {}}, Word{"b", 70.0f, {}}};
  ASSERT_TRUE(doc.mean_confidence().has_value());
  EXPECT_DOUBLE_EQ(*doc.mean_confidence(), 80.0);
}
