// Real Tesseract (Swedish model) on real page images rendered by tools/make-samples.
#include "protokoll/ocr.hpp"

#include <cstdio>
#include <filesystem>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/renderer.h>
#include <gtest/gtest.h>

#include "protokoll/eval.hpp"
#include "protokoll/input.hpp"
#include "protokoll/resources.hpp"
#include "ocr/preprocess.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
std::string page_text(const Page& p) {
  std::string s;
  for (const auto& l : p.lines) s += l.text + "\n";
  return s;
}
}  // namespace

TEST(Ocr, ReadsSwedishPageWithConfidencesAndBoxes) {
  OcrEngine engine;
  auto pages = engine.recognize_image(slurp(source_path("samples/pages/ks-au-2023-03-14.png")));
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].number, 1);
  EXPECT_GT(pages[0].width, 1000);
  EXPECT_EQ(pages[0].dpi, 300);
  ASSERT_TRUE(pages[0].ocr_confidence.has_value());
  EXPECT_GT(*pages[0].ocr_confidence, 80.0);
  std::string text = page_text(pages[0]);
  EXPECT_NE(text.find("Sammanträdesdatum 2023-03-14"), std::string::npos) << text;
  EXPECT_NE(text.find("Öresund"), std::string::npos) << text;
  EXPECT_NE(text.find("Ekonomisk uppföljning februari 2023"), std::string::npos) << text;
  std::size_t words = 0;
  for (const auto& line : pages[0].lines)
    for (const auto& w : line.words) {
      ++words;
      EXPECT_GE(w.confidence, 0.0f);
      EXPECT_LE(w.confidence, 100.0f);
      EXPECT_FALSE(w.box.empty());
      // A word stands inside its line's box.
      EXPECT_GE(w.box.left, line.box.left);
      EXPECT_LE(w.box.left + w.box.width, line.box.left + line.box.width);
    }
  EXPECT_GT(words, 100u);
}

TEST(Ocr, MultiPageTiffGivesOnePagePerImage) {
  OcrEngine engine;
  auto pages = engine.recognize_image(slurp(source_path("samples/pages/two-pages.tif")));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].number, 1);
  EXPECT_EQ(pages[1].number, 2);
  EXPECT_NE(page_text(pages[1]).find("Personalrummet"), std::string::npos) << page_text(pages[1]);
}

namespace {
// `read` throws InputError, and its message says `why`.
template <class Read>
void expect_refused(Read&& read, const std::string& why) {
  try {
    read();
    ADD_FAILURE() << "accepted; expected a refusal: " << why;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
  }
}
}  // namespace

TEST(Ocr, BrokenImageIsAnInputErrorNotACrash) {
  OcrEngine engine;
  EXPECT_THROW(engine.recognize_image(std::string("\x89PNG\r\n\x1a\n garbage")), InputError);
  EXPECT_THROW(engine.recognize_image(std::string("II*\0garbage", 11)), InputError);
  // A page image cut short, as an interrupted copy leaves it.
  std::string png = slurp(source_path("samples/pages/ks-au-2023-03-14.png"));
  expect_refused([&] { engine.recognize_image(png.substr(0, png.size() / 2)); }, "truncated PNG");
  EXPECT_THROW(engine.recognize_image(std::string("\xff\xd8\xff\xe0 cut short", 14)), InputError);
  // Damaged inside (a flipped byte in the image data): refused from the chunk's checksum, so
  // that libpng never prints its own message to stderr.
  std::string damaged = png;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x5a);
  expect_refused([&] { engine.recognize_image(damaged); }, "damaged PNG image");
}

TEST(Ocr, HugePdfPageIsRefusedBeforeItIsRendered) {
  if (!pdf_supported()) GTEST_SKIP() << "built without PDF support";
  // One page of 14400 x 14400 points: 60000x60000 pixels at 300 dpi.
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (const char* object : {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>"}) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + object + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 4\n0000000000 65535 f \n";
  for (std::size_t o : offsets) {
    char row[32];
    std::snprintf(row, sizeof row, "%010zu 00000 n \n", o);
    pdf += row;
  }
  pdf += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  OcrEngine engine;
  expect_refused([&] { engine.recognize_pdf(pdf); }, "PDF page 1 too large to be a page");
}

TEST(Ocr, MissingModelNamesThePackage) {
  OcrOptions o;
  o.language = "qqq";
  try {
    OcrEngine engine(o);
    FAIL() << "expected a SetupError";
  } catch (const SetupError& e) {
    EXPECT_NE(std::string(e.what()).find("apt-get install tesseract-ocr-qqq"), std::string::npos) << e.what();
  }
}

TEST(Ocr, PdfWithTextLayerIsReadWithoutOcr) {
  if (!pdf_supported()) GTEST_SKIP() << "built without PDF support";
  OcrEngine engine;
  auto pages = engine.recognize_pdf(slurp(source_path("samples/pages/apt-solrosen-2024-02-06.pdf")));
  ASSERT_GE(pages.size(), 1u);
  std::string text = page_text(pages[0]);
  EXPECT_NE(text.find("Minnesanteckningar APT"), std::string::npos) << text;
  EXPECT_NE(text.find("Förskolan Solrosen"), std::string::npos) << text;
  EXPECT_THROW(engine.recognize_pdf("%PDF-1.4 broken"), InputError);
}

// Every kind of copy in samples/scans read close to its gold text; the upside-down page turned
// and read, the yellowed page flattened (Tesseract alone reads these at WER ~1.0 and ~0.17).
TEST(Ocr, EveryKindOfCopyReadsCloseToItsText) {
  OcrEngine engine;
  const std::string gold = slurp(source_path("samples/scans/19-forskolerad-myran.gold.txt"));
  struct Kind {
    const char* file;
    double max_wer;
    int rotation;
  };
  for (const Kind k : {Kind{"turned180.jpg", 0.03, 180}, Kind{"turned90.jpg", 0.03, 0},
                       Kind{"yellowed.jpg", 0.04, 0}, Kind{"photocopy.png", 0.12, 0}}) {
    const std::string file = std::string("samples/scans/19-forskolerad-myran.") + k.file;
    auto pages = engine.recognize_image(slurp(source_path(file)));
    ASSERT_EQ(pages.size(), 1u) << file;
    const double wer = score_text(page_text(pages[0]), gold).wer;
    EXPECT_LE(wer, k.max_wer) << file;
    EXPECT_EQ(pages[0].preparation.rotation, k.rotation) << file;
  }
}

namespace {
// A two-page TIFF: a whole real page (~1.5 s of Tesseract on one thread), then a small blank
// sheet (milliseconds, however slow the build).
std::string page_then_blank(const TempDir& dir) {
  ocr::PixPtr page(pixRead(source_path("samples/pages/ks-au-2023-03-14.png").c_str()));
  ocr::PixPtr blank(pixCreate(400, 300, 8));
  pixSetAll(blank.get());
  pixSetResolution(blank.get(), 300, 300);
  const std::string path = (dir.path / "page-then-blank.tif").string();
  EXPECT_EQ(pixWriteTiff(path.c_str(), page.get(), IFF_TIFF_ZIP, "w"), 0);
  EXPECT_EQ(pixWriteTiff(path.c_str(), blank.get(), IFF_TIFF_ZIP, "a"), 0);
  return slurp(path);
}
}  // namespace

TEST(Ocr, APageOverItsTimeIsLeftOutAndTheRestKept) {
  TempDir dir;
  const std::string tiff = page_then_blank(dir);
  OcrOptions options;
  options.page_timeout = 0.5;
  OcrEngine engine(options);
  std::vector<std::string> warnings;
  const auto pages = engine.recognize_image(tiff, &warnings);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].number, 2);  // the page after it, under its own number
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("page 1: abandoned after 0.5 s (--page-timeout)"), std::string::npos) << warnings[0];
  // The next file starts afresh: its own warnings, its own count.
  std::vector<std::string> again;
  EXPECT_EQ(engine.recognize_image(tiff, &again).size(), 1u);
  EXPECT_EQ(again.size(), 1u);
  // With time enough, both pages.
  options.page_timeout = 60;
  OcrEngine generous(options);
  std::vector<std::string> none;
  const auto whole = generous.recognize_image(tiff, &none);
  ASSERT_EQ(whole.size(), 2u);
  for (const std::string& w : none) EXPECT_EQ(w.find("page-timeout"), std::string::npos) << w;
  EXPECT_NE(page_text(whole[0]).find("2023-03-14"), std::string::npos);
}

TEST(Ocr, AFileWhosePagesAllRunOutOfTimeIsAnInputError) {
  OcrOptions options;
  options.page_timeout = 0.01;
  OcrEngine engine(options);
  std::vector<std::string> warnings;
  expect_refused([&] { engine.recognize_image(slurp(source_path("samples/pages/two-pages.tif")), &warnings); },
                 "every page (2) took longer than --page-timeout 0.01 s");
  EXPECT_EQ(warnings.size(), 2u);
}

namespace {
const char* const kScan = "samples/pages/ks-au-2023-03-14.png";

// The real scan as a PDF of its image alone (no text), as a scanner writes one.
std::string image_only_pdf() {
  ocr::PixPtr page(pixRead(source_path(kScan).c_str()));
  l_uint8* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(pixWriteMemPdf(&data, &size, page.get(), 300, "scan"), 0);
  std::string pdf(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return pdf;
}

// The same scan as a searchable PDF: its image with Tesseract's invisible text layer over it,
// made by Tesseract's own PDF renderer (what `tesseract scan.png out pdf` and OCRmyPDF write).
std::string sandwich_pdf(const TempDir& dir) {
  // Debian's tessdata, which holds the renderer's font (pdf.ttf, of the tesseract-ocr package).
  const std::string tessdata = "/usr/share/tesseract-ocr/5/tessdata";
  EXPECT_TRUE(std::filesystem::exists(tessdata + "/pdf.ttf")) << "no " << tessdata << "/pdf.ttf";
  tesseract::TessBaseAPI api;
  EXPECT_EQ(api.Init(tessdata.c_str(), "swe"), 0);
  const std::string base = (dir.path / "sandwich").string();
  tesseract::TessPDFRenderer renderer(base.c_str(), tessdata.c_str());
  EXPECT_TRUE(api.ProcessPages(source_path(kScan).c_str(), nullptr, 0, &renderer));
  return slurp(base + ".pdf");
}

bool read_by_ocr(const Page& p) { return !p.ocr_model.empty(); }
}  // namespace

TEST(Ocr, PdfWithoutTextLayerIsOcrd) {
  if (!pdf_supported()) GTEST_SKIP() << "built without PDF support";
  OcrEngine engine;
  const auto pages = engine.recognize_pdf(image_only_pdf());
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(read_by_ocr(pages[0]));
  EXPECT_NE(page_text(pages[0]).find("Sammanträdesdatum 2023-03-14"), std::string::npos) << page_text(pages[0]);
}

TEST(Ocr, PdfTextLayerIsUsedSkippedOrRedoneAsAsked) {
  if (!pdf_supported()) GTEST_SKIP() << "built without PDF support";
  TempDir dir;
  const std::string sandwich = sandwich_pdf(dir);
  const std::string born_digital = slurp(source_path("samples/pages/apt-solrosen-2024-02-06.pdf"));
  auto first_page = [](PdfTextLayer mode, const std::string& pdf) {
    OcrOptions o;
    o.pdf_text = mode;
    OcrEngine engine(o);
    auto pages = engine.recognize_pdf(pdf);
    EXPECT_EQ(pages.size(), 1u);
    return pages.at(0);
  };
  // skip (the default): any text layer is the page's text.
  EXPECT_FALSE(read_by_ocr(first_page(PdfTextLayer::skip, sandwich)));
  EXPECT_FALSE(read_by_ocr(first_page(PdfTextLayer::skip, born_digital)));
  // force: every page OCR'd, and what it reads is the page.
  const Page forced = first_page(PdfTextLayer::force, born_digital);
  EXPECT_TRUE(read_by_ocr(forced));
  EXPECT_NE(page_text(forced).find("Förskolan Solrosen"), std::string::npos) << page_text(forced);
  // redo: the OCR layer (Tesseract's glyphless font) is read again; born-digital text is kept.
  const Page redone = first_page(PdfTextLayer::redo, sandwich);
  EXPECT_TRUE(read_by_ocr(redone));
  EXPECT_NE(page_text(redone).find("Sammanträdesdatum 2023-03-14"), std::string::npos) << page_text(redone);
  EXPECT_FALSE(read_by_ocr(first_page(PdfTextLayer::redo, born_digital)));
}

TEST(Ocr, AScanThatSaysNoOrAWrongResolutionIsReadAtItsLettersSize) {
  // The 200 dpi photocopy with its resolution taken out, and again saying 72 (as cameras do):
  // either way it is enlarged as a 200 dpi page is, and reads as well as with its own.
  ocr::PixPtr copy(pixRead(source_path("samples/scans/10-apt-hemtjanst.photocopy.png").c_str()));
  ASSERT_TRUE(copy);
  const std::string gold = slurp(source_path("samples/scans/10-apt-hemtjanst.gold.txt"));
  OcrEngine engine;
  auto read_with = [&](int dpi) {
    ocr::PixPtr pix(pixCopy(nullptr, copy.get()));
    pixSetXRes(pix.get(), dpi);  // (pixSetResolution leaves a 0 out)
    pixSetYRes(pix.get(), dpi);
    l_uint8* data = nullptr;
    size_t size = 0;
    EXPECT_EQ(pixWriteMemPng(&data, &size, pix.get(), 0.0f), 0);
    const std::string png(reinterpret_cast<const char*>(data), size);
    lept_free(data);
    auto pages = engine.recognize_image(png);
    EXPECT_EQ(pages.size(), 1u);
    return pages.at(0);
  };
  const Page declared = read_with(200);
  EXPECT_FALSE(declared.preparation.resolution_estimated);
  EXPECT_EQ(declared.preparation.resolution, 200);
  const double wer_declared = score_text(page_text(declared), gold).wer;
  for (int wrong : {0, 72}) {
    const Page p = read_with(wrong);
    EXPECT_TRUE(p.preparation.resolution_estimated) << wrong;
    EXPECT_NEAR(p.preparation.resolution, 200, 30) << wrong;
    EXPECT_GT(p.preparation.scale, 1.3) << wrong;
    EXPECT_LT(p.preparation.scale, 2.0) << wrong;
    EXPECT_LE(score_text(page_text(p), gold).wer, wer_declared + 0.03) << wrong;
  }
}
