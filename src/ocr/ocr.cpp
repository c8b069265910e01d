#include "protokoll/resources.hpp"
#include "protokoll/ocr.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <climits>
#include <optional>
#include <cstdarg>
#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#ifdef PROTOKOLL_WITH_PDF
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#endif

#include "ocr/coverage.hpp"
#include "ocr/glyphs.hpp"
#include "ocr/preprocess.hpp"
#include "protokoll/input.hpp"
#include "text/normalize.hpp"
#include "text/text_util.hpp"

namespace protokoll {
namespace fs = std::filesystem;

namespace {

using ocr::PixPtr;

// A page read with a mean word confidence below this may be turned: upside down, Tesseract
// reads a clean page at some 30, upright at 90 and more; a poor photocopy upright at 60-80.
constexpr double kMaybeTurnedConfidence = 55;
// A word read with less confidence than this does not count as reading the ink under it
// (Tesseract gives 0-20 to junk it makes of smudges and drawings, 90 and more to clean words).
constexpr float kReadWordConfidence = 40;

std::string find_tessdata(const std::string& requested, const std::string& language) {
  std::vector<std::string> dirs;
  if (!requested.empty()) dirs.push_back(requested);
  else {
    if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) dirs.emplace_back(env);
    dirs.emplace_back("/usr/share/tesseract-ocr/5/tessdata");
    dirs.emplace_back("/usr/share/tesseract-ocr/4.00/tessdata");
    dirs.emplace_back("/usr/share/tessdata");
  }
  // Every model named in "swe+eng" must exist in the chosen directory.
  std::vector<std::string> models;
  std::stringstream ss(language);
  for (std::string m; std::getline(ss, m, '+');)
    if (!m.empty()) models.push_back(m);
  for (const auto& dir : dirs) {
    bool all = true;
    for (const auto& m : models)
      if (!fs::exists(fs::path(dir) / (m + ".traineddata"))) all = false;
    if (all) return dir;
  }
  std::string missing = models.empty() ? language : models.front();
  for (const auto& m : models) {
    bool found = false;
    for (const auto& dir : dirs) found = found || fs::exists(fs::path(dir) / (m + ".traineddata"));
    if (!found) { missing = m; break; }
  }
  throw SetupError("Tesseract model '" + missing + "' not found (looked in " + dirs.front() +
                           "); install it: apt-get install tesseract-ocr-" + missing);
}

// What is wrong with a PNG before libpng sees it, or nullptr: libpng reports damage by printing
// to stderr ("libpng error: IDAT: invalid distances set"), which is not one line naming the file.
// A file that ends before IEND is truncated; a chunk whose CRC does not match is damaged.
const char* png_problem(std::string_view b) {
  if (b.size() < 8 || b.substr(0, 8) != "\x89PNG\r\n\x1a\n") return nullptr;
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::size_t pos = 8;
  while (pos + 12 <= b.size()) {
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + pos);
    auto be32 = [](const unsigned char* q) {
      return (std::uint32_t(q[0]) << 24) | (std::uint32_t(q[1]) << 16) | (std::uint32_t(q[2]) << 8) | q[3];
    };
    const std::size_t length = be32(p);
    if (length > b.size() - pos - 12) return "truncated PNG image (the file ends before the image does)";
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t k = 4; k < 8 + length; ++k) crc = table[(crc ^ p[k]) & 0xFF] ^ (crc >> 8);
    if ((crc ^ 0xFFFFFFFFu) != be32(p + 8 + length)) return "damaged PNG image (a chunk fails its checksum)";
    if (b.substr(pos + 4, 4) == "IEND") return nullptr;
    pos += 12 + length;
  }
  return "truncated PNG image (the file ends before the image does)";
}

// Likewise a JPEG without its end marker (libjpeg warns "Premature end of JPEG file").
bool jpeg_truncated(std::string_view b) {
  if (b.size() < 3 || b.substr(0, 3) != "\xff\xd8\xff") return false;
  std::string_view tail = b.substr(b.size() > 4096 ? b.size() - 4096 : 0);
  return tail.find("\xff\xd9") == std::string_view::npos;
}

// The glyphs of the word the iterator is at, with their boxes.
ocr::GlyphWord glyphs_of(const tesseract::ResultIterator& word_at, const std::string& text) {
  ocr::GlyphWord w;
  w.text = text;
  tesseract::LTRResultIterator it(word_at);
  do {
    std::unique_ptr<char[]> g(it.GetUTF8Text(tesseract::RIL_SYMBOL));
    int l, t, r, b;
    if (!g || !it.BoundingBox(tesseract::RIL_SYMBOL, &l, &t, &r, &b)) break;
    w.glyphs.push_back(ocr::Glyph{g.get(), Box{l, t, r - l, b - t}});
  } while (!it.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) && it.Next(tesseract::RIL_SYMBOL));
  return w;
}

// A page that ran past OcrOptions::page_timeout.
struct PageTimeout : InputError {
  using InputError::InputError;
};

}  // namespace

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
  OcrOptions options;
  std::string tessdata;

  std::unique_ptr<tesseract::TessBaseAPI> osd;  // orientation detection, loaded when first needed
  bool osd_tried = false;
  std::vector<std::string>* warnings = nullptr;  // of the file being read, while it is
  std::optional<std::chrono::steady_clock::time_point> deadline;  // of the page being read
  int abandoned = 0;                                              // pages of the file over their time

  // Tesseract's recognition of what is set, within the page's time: its monitor stops the
  // LSTM at the deadline, and a page past it is abandoned (PageTimeout).
  int recognize_in_time() {
    if (!deadline) return api.Recognize(nullptr);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw PageTimeout("page timeout");
    tesseract::ETEXT_DESC monitor;
    monitor.set_deadline_msecs(static_cast<std::int32_t>(std::min<long long>(left.count(), INT32_MAX)));
    const int status = api.Recognize(&monitor);
    if (monitor.deadline_exceeded()) throw PageTimeout("page timeout");
    return status;
  }

  // A page of a file, or nothing when it ran out of time (said in the file's warnings).
  std::optional<Page> recognize_within_timeout(Pix* pix, int number) {
    if (options.page_timeout > 0)
      deadline = std::chrono::steady_clock::now() +
                 std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(options.page_timeout));
    try {
      Page page = recognize(pix, number);
      deadline.reset();
      return page;
    } catch (const PageTimeout&) {
      deadline.reset();
      api.SetPageSegMode(tesseract::PSM_AUTO);  // a re-read may have been under way
      api.Clear();
      ++abandoned;
      if (warnings)
        warnings->push_back("page " + std::to_string(number) + ": abandoned after " + seconds_text(options.page_timeout) +
                            " s (--page-timeout); the rest of the document is kept (page-timeout)");
      return std::nullopt;
    } catch (...) {
      deadline.reset();
      throw;
    }
  }

  static std::string seconds_text(double s) {
    std::ostringstream out;
    out << s;
    return out.str();
  }

  // While one file is read: where its warnings go, and its count of abandoned pages.
  struct FileScope {
    Impl& impl;
    FileScope(Impl& i, std::vector<std::string>* w) : impl(i) {
      impl.warnings = w;
      impl.abandoned = 0;
    }
    ~FileScope() {
      impl.warnings = nullptr;
      impl.abandoned = 0;
    }
    FileScope(const FileScope&) = delete;
    FileScope& operator=(const FileScope&) = delete;
  };

  // The end of a file: what was read, unless every page ran out of time.
  std::vector<Page> pages_read(std::vector<Page> pages) const {
    const int over = abandoned;
    if (pages.empty() && over > 0)
      throw InputError("every page (" + std::to_string(over) + ") took longer than --page-timeout " +
                       seconds_text(options.page_timeout) + " s");
    return pages;
  }

  // OCR one page image: prepared (ocr/preprocess), read, and read again turned where it reads
  // as if upside down or on its side; its lines with their words, boxes and confidences.
  Page recognize(Pix* pix, int number) {
    // A page is at most A0 at 600 dpi (~560 megapixels); anything larger is a broken or
    // hostile file that would only exhaust memory.
    const double megapixels = static_cast<double>(pixGetWidth(pix)) * pixGetHeight(pix) / 1e6;
    if (megapixels > 600) throw InputError("image too large to be a page (" + std::to_string(static_cast<long>(megapixels)) + " megapixels)");
    Preparation prep;
    prep.resolution = pixGetXRes(pix);
    if (!ocr::plausible_resolution(prep.resolution, pixGetWidth(pix), pixGetHeight(pix))) {
      // None, or a camera's 72: --dpi, else what the letters' size says, else 300.
      prep.resolution = options.dpi;
      if (prep.resolution <= 0 && options.preprocess) {
        prep.resolution = ocr::resolution_from_text(pix);
        prep.resolution_estimated = prep.resolution > 0;
      }
      if (prep.resolution <= 0) prep.resolution = 300;
      pixSetResolution(pix, prep.resolution, prep.resolution);
    }
    PixPtr ready = options.preprocess ? ocr::prepare_page(pix, prep) : PixPtr(pixClone(pix));
    Page page = read(ready.get(), number);
    if (options.preprocess && page.ocr_confidence.value_or(0) < kMaybeTurnedConfidence) {
      if (const int quadrants = turn_to_read(ready.get())) {
        PixPtr turned = ocr::rotate_quadrants(ready.get(), quadrants);
        Page other = read(turned.get(), number);
        if (other.ocr_confidence.value_or(0) > page.ocr_confidence.value_or(0)) {
          page = std::move(other);
          prep.rotation = quadrants * 90;
          ready = std::move(turned);
        }
      }
    }
    page.preparation = prep;
    if (options.preprocess) {
      warn_unread(ready.get(), page, read_unread(ready.get(), page));
      page.ocr_confidence = confidence_sum(page).mean();
    }
    if (options.preview_width > 0) ocr::keep_preview(ready.get(), options.preview_width, page);
    return page;
  }

  // Quarter turns clockwise that make the page upright: Tesseract's orientation detection
  // (the osd model of tesseract-ocr-osd) where it is installed and sure, else half a turn,
  // the usual way a page is fed wrong (a page on its side Tesseract's layout reads itself).
  int turn_to_read(Pix* pix) {
    if (!osd_tried) {
      osd_tried = true;
      auto api_osd = std::make_unique<tesseract::TessBaseAPI>();
      if (api_osd->Init(tessdata.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY) == 0) {
        api_osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
        osd = std::move(api_osd);
      }
    }
    if (osd) {
      osd->SetImage(pix);
      int degrees = 0;
      float confidence = 0;
      const bool found = osd->DetectOrientationScript(&degrees, &confidence, nullptr, nullptr);
      osd->Clear();
      // Tesseract reports the page's orientation counter-clockwise; turning it back is the
      // same angle clockwise.
      if (found && confidence >= 2.0f) return (degrees / 90) % 4;
    }
    return 2;
  }

  // The lines of what Tesseract last recognized, with their words, boxes and confidences, and
  // the characters the glyphs' shapes say (ocr/glyphs).
  std::vector<Line> collect_lines() {
    std::vector<Line> lines;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) return lines;
    // Each word's glyphs, for what their shapes say (ocr/glyphs): one entry per line of
    // `lines`, blank lines included.
    std::vector<ocr::GlyphLine> shapes;
    bool first = true;
    it->Begin();
    do {
      if (it->Empty(tesseract::RIL_WORD)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || first) {
        // A new paragraph or block becomes a blank line, as in Tesseract's own text output.
        if (!first && it->IsAtBeginningOf(tesseract::RIL_PARA)) {
          lines.push_back(Line{});
          shapes.emplace_back();
        }
        lines.push_back(Line{});
        int l, t, r, b;
        if (it->BoundingBox(tesseract::RIL_TEXTLINE, &l, &t, &r, &b)) lines.back().box = Box{l, t, r - l, b - t};
        // Tesseract's row height is ascenders + x-height + descenders (descenders negative).
        float row = 0, descenders = 0, ascenders = 0;
        it->RowAttributes(&row, &descenders, &ascenders);
        shapes.emplace_back().x_height = std::max(0.0f, row - ascenders + descenders);
        first = false;
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!text) continue;
      Word word;
      word.text = normalize_unicode(text.get());
      word.confidence = it->Confidence(tesseract::RIL_WORD);
      int l, t, r, b;
      if (it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) word.box = Box{l, t, r - l, b - t};
      shapes.back().words.push_back(glyphs_of(*it, word.text));
      Line& line = lines.back();
      line.words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
    const auto corrected = ocr::correct_by_shape(shapes);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      Line& line = lines[i];
      for (std::size_t j = 0; j < line.words.size(); ++j) {
        line.words[j].text = corrected[i][j];
        if (!line.text.empty()) line.text += ' ';
        line.text += line.words[j].text;
      }
    }
    return lines;
  }

  // Regions with ink and no words (ocr/coverage) read again on their own, as one block each,
  // and put among the page's lines where they stand; what still yields nothing is a warning.
  // Returns whether there was any.
  bool read_unread(Pix* pix, Page& page) {
    std::vector<Box> boxes;
    for (const Line& l : page.lines)
      for (const Word& w : l.words) boxes.push_back(w.box);
    const auto regions = ocr::unread_regions(pix, boxes);
    if (regions.empty()) return false;
    api.SetImage(pix);
    api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    for (const auto& region : regions) {
      const int pad = 10;
      const int left = std::max(0, region.box.left - pad), top = std::max(0, region.box.top - pad);
      api.SetRectangle(left, top, std::min(page.width - left, region.box.width + 2 * pad),
                       std::min(page.height - top, region.box.height + 2 * pad));
      std::vector<Line> block;
      std::size_t words = 0;
      if (recognize_in_time() == 0) {
        block = collect_lines();
        for (const Line& l : block)
          for (const Word& w : l.words) words += w.confidence >= kReadWordConfidence;
      }
      if (words == 0) continue;
      // Before the first line that stands below the region's top, a paragraph of its own.
      std::size_t at = 0;
      while (at < page.lines.size() && (page.lines[at].box.empty() || page.lines[at].box.top < region.box.top)) ++at;
      if (at > 0 && at < page.lines.size() && page.lines[at - 1].box.empty()) --at;
      block.insert(block.begin(), Line{});
      page.lines.insert(page.lines.begin() + static_cast<long>(at), std::make_move_iterator(block.begin()),
                        std::make_move_iterator(block.end()));
      ++page.preparation.reread_regions;
    }
    api.SetPageSegMode(tesseract::PSM_AUTO);
    api.Clear();
    return true;
  }

  // Ink that no word read with some confidence covers, after the second reading: a region
  // dropped again, or read as junk (a smudged paragraph, a stamp, handwriting), is said, with
  // its page and place, never passed over in silence.
  void warn_unread(Pix* pix, Page& page, bool any_unread) {
    std::vector<Box> boxes;
    bool all_confident = true;
    for (const Line& l : page.lines)
      for (const Word& w : l.words) {
        if (w.confidence >= kReadWordConfidence) boxes.push_back(w.box);
        else all_confident = false;
      }
    // The same boxes as the first look, which found every mark covered: nothing to say.
    if (!any_unread && all_confident) return;
    const auto regions = ocr::unread_regions(pix, boxes);
    if (regions.empty()) return;
    for (const auto& r : regions) page.unread.push_back(r.box);
    // One line a page, however many regions: the first says where to look.
    if (warnings) warnings->push_back("page " + std::to_string(page.number) + ": " + describe_unread(page) + " (unread-region)");
  }

  Page read(Pix* pix, int number) {
    Page page;
    page.number = number;
    page.width = pixGetWidth(pix);
    page.height = pixGetHeight(pix);
    page.dpi = pixGetXRes(pix);
    page.ocr_model = options.language;
    api.SetImage(pix);
    if (recognize_in_time() != 0) throw InputError("Tesseract could not recognize the page");
    page.lines = collect_lines();
    api.Clear();
    page.ocr_confidence = confidence_sum(page).mean();
    return page;
  }
};

namespace {
// The image libraries print their own complaints about a broken file to stderr; protokoll
// reports each failure as one line of its own, so theirs are silenced. libtiff is reached
// through leptonica (no headers needed): its handlers are looked up at run time.
void silence_image_libraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    using Handler = void (*)(const char*, const char*, va_list);
    using SetHandler = Handler (*)(Handler);
    leptSetStderrHandler([](const char*) {});
    for (const char* name : {"TIFFSetErrorHandler", "TIFFSetWarningHandler"})
      if (auto set = reinterpret_cast<SetHandler>(::dlsym(RTLD_DEFAULT, name))) set(nullptr);
#ifdef PROTOKOLL_WITH_PDF
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
#endif
  });
}
}  // namespace

OcrEngine::OcrEngine(const OcrOptions& options) : impl_(std::make_unique<Impl>()) {
  silence_image_libraries();
  impl_->options = options;
  std::string dir = find_tessdata(options.tessdata_dir, options.language);
  impl_->tessdata = dir;
  setMsgSeverity(L_SEVERITY_NONE);  // Leptonica's own messages would pollute stderr
  if (impl_->api.Init(dir.c_str(), options.language.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
    throw SetupError("Tesseract could not load model '" + options.language + "' from " + dir);
  impl_->api.SetPageSegMode(tesseract::PSM_AUTO);
  // Keep interword spaces so that columns and indentation survive as spaces.
  impl_->api.SetVariable("preserve_interword_spaces", "1");
  impl_->api.SetVariable("debug_file", "/dev/null");
}

OcrEngine::~OcrEngine() = default;

std::vector<Page> OcrEngine::recognize_image(std::string_view bytes, std::vector<std::string>* warnings) {
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  std::vector<Page> pages;
  const Impl::FileScope scope(*impl_, warnings);
  // The size from the header: a bomb is refused before a byte of it is decoded.
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, iscmap = 0;
  if (pixReadHeaderMem(data, bytes.size(), &format, &w, &h, &bps, &spp, &iscmap) == 0) {
    const double megapixels = static_cast<double>(w) * h / 1e6;
    if (megapixels > impl_->options.max_megapixels)
      throw InputError("image too large to be a page (" + std::to_string(w) + "x" + std::to_string(h) + ", " +
                       std::to_string(static_cast<long>(megapixels)) + " megapixels; --max-megapixels " +
                       std::to_string(static_cast<long>(impl_->options.max_megapixels)) + ")");
  }
  if (detect_kind(bytes) == SourceKind::tiff) {
    size_t offset = 0;
    int number = 0;
    do {
      PixPtr pix(pixReadMemFromMultipageTiff(data, bytes.size(), &offset));
      if (!pix) {
        if (number == 0) throw InputError("not a readable TIFF image");
        // The pages read so far stand; the rest of the file cannot be reached.
        if (warnings) warnings->push_back("TIFF page " + std::to_string(number + 1) + " is not readable; " +
                                          std::to_string(number) + " page(s) before it kept");
        break;
      }
      ++number;
      try {
        if (auto page = impl_->recognize_within_timeout(pix.get(), number)) pages.push_back(std::move(*page));
      } catch (const InputError& e) {
        if (number == 1) throw;
        if (warnings) warnings->push_back("TIFF page " + std::to_string(number) + ": " + e.what());
      }
    } while (offset != 0);
    return impl_->pages_read(std::move(pages));
  }
  if (const char* problem = png_problem(bytes)) throw InputError(problem);
  if (jpeg_truncated(bytes)) throw InputError("truncated JPEG image (no end marker)");
  PixPtr pix(pixReadMem(data, bytes.size()));
  if (!pix) throw InputError("not a readable image (damaged or unsupported format)");
  if (pixGetWidth(pix.get()) < 8 || pixGetHeight(pix.get()) < 8) throw InputError("image is too small to hold text");
  if (auto page = impl_->recognize_within_timeout(pix.get(), 1)) pages.push_back(std::move(*page));
  return impl_->pages_read(std::move(pages));
}

bool pdf_supported() {
#ifdef PROTOKOLL_WITH_PDF
  return true;
#else
  return false;
#endif
}

#ifdef PROTOKOLL_WITH_PDF
namespace {
// Whether a page's text was laid down by an OCR engine: most of its characters are in the
// glyphless font Tesseract's PDF renderer and OCRmyPDF draw their invisible text in. (An
// invisible layer in an ordinary font, as some commercial engines make, looks born-digital
// here: poppler-cpp does not tell the text's render mode.)
bool ocr_text_layer(const poppler::page& page) {
  std::size_t ocr = 0, all = 0;
  for (const poppler::text_box& box : page.text_list(poppler::page::text_list_include_font)) {
    const std::size_t n = box.text().size();
    all += n;
    if (!box.has_font_info()) continue;
    std::string font = box.get_font_name();
    std::transform(font.begin(), font.end(), font.begin(), [](unsigned char c) { return std::tolower(c); });
    if (font.find("glyphless") != std::string::npos || font.find("occulta") != std::string::npos) ocr += n;
  }
  return all > 0 && 2 * ocr > all;
}
}  // namespace
#endif

std::vector<Page> OcrEngine::recognize_pdf(std::string_view bytes, std::vector<std::string>* warnings) {
#ifdef PROTOKOLL_WITH_PDF
  const Impl::FileScope scope(*impl_, warnings);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError("not a readable PDF");
  if (doc->is_locked()) throw InputError("PDF is encrypted");
  std::vector<Page> pages;
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const int dpi = impl_->options.dpi > 0 ? impl_->options.dpi : 300;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) throw InputError("PDF page " + std::to_string(i + 1) + " is not readable");
    // A born-digital page already carries its text: use it rather than OCR its rendering.
    poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    std::string layer(utf8.begin(), utf8.end());
    const bool has_text = trim(layer).size() >= 40;
    const PdfTextLayer mode = impl_->options.pdf_text;
    if (has_text && (mode == PdfTextLayer::skip || (mode == PdfTextLayer::redo && !ocr_text_layer(*page)))) {
      auto text_pages = pages_from_text(normalize_unicode(layer));
      Page p;
      p.number = i + 1;
      for (auto& tp : text_pages)
        for (auto& l : tp.lines) p.lines.push_back(std::move(l));
      pages.push_back(std::move(p));
      continue;
    }
    // Refused from its size, before it is rendered, as an image is from its header.
    const poppler::rectf box = page->page_rect(poppler::media_box);
    const double megapixels = box.width() / 72.0 * dpi * (box.height() / 72.0 * dpi) / 1e6;
    if (megapixels > impl_->options.max_megapixels)
      throw InputError("PDF page " + std::to_string(i + 1) + " too large to be a page (" +
                       std::to_string(static_cast<long>(box.width())) + "x" + std::to_string(static_cast<long>(box.height())) +
                       " points, " + std::to_string(static_cast<long>(megapixels)) + " megapixels at " +
                       std::to_string(dpi) + " dpi; --max-megapixels " +
                       std::to_string(static_cast<long>(impl_->options.max_megapixels)) + ")");
    poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid()) throw InputError("PDF page " + std::to_string(i + 1) + " could not be rendered");
    PixPtr pix(pixCreate(img.width(), img.height(), 8));
    l_uint32* dst = pixGetData(pix.get());
    const int wpl = pixGetWpl(pix.get());
    const char* src = img.const_data();
    for (int y = 0; y < img.height(); ++y) {
      const auto* row = reinterpret_cast<const unsigned char*>(src + static_cast<long>(y) * img.bytes_per_row());
      l_uint32* line = dst + static_cast<long>(y) * wpl;
      for (int x = 0; x < img.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    pixSetResolution(pix.get(), dpi, dpi);
    if (auto read = impl_->recognize_within_timeout(pix.get(), i + 1)) pages.push_back(std::move(*read));
  }
  return impl_->pages_read(std::move(pages));
#else
  (void)bytes;
  (void)warnings;
  throw InputError("PDF input is not supported by this build (rebuild with PROTOKOLL_WITH_PDF=ON)");
#endif
}

}  // namespace protokoll
