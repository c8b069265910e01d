// OCR of page images with Tesseract (C++ API) and Leptonica.
//
// Note on threads: Debian's Tesseract is built with OpenMP, and libgomp reads OMP_THREAD_LIMIT
// once, when it is loaded. Without OMP_THREAD_LIMIT=1 a page takes ~10x longer on a 2-core
// machine. The protokoll binary re-executes itself with the variable set when an input needs
// OCR (limit_openmp_threads below); programs that embed the library must set it in their own
// environment before starting, or call that first thing.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "protokoll/document.hpp"
#include "protokoll/input.hpp"

namespace protokoll {

/// What to do with a PDF page that already carries text (OCRmyPDF's --skip-text, --force-ocr,
/// --redo-ocr).
enum class PdfTextLayer {
  skip,   ///< use the page's text as it is, OCR only the pages without (the default)
  force,  ///< render and OCR every page, whatever text it carries
  redo,   ///< OCR again the pages whose text an OCR engine laid down (an invisible layer in
          ///< Tesseract's or OCRmyPDF's glyphless font), keep born-digital text
};

struct OcrOptions {
  std::string language = "swe";  ///< Tesseract model(s), e.g. "swe" or "swe+eng"
  std::string tessdata_dir;      ///< empty: Tesseract's default (Debian: /usr/share/tesseract-ocr/5/tessdata)
  int dpi = 0;                   ///< resolution to assume when the image does not say (0: 300)
  /// Prepare each page first (enlarge coarse scans, flatten uneven paper, deskew, turn pages
  /// fed upside down); false hands Tesseract the image as it is.
  bool preprocess = true;
  /// Images larger than this are refused from their header, before they are decoded (a page
  /// is at most A0 at 600 dpi, ~560 megapixels; a "decompression bomb" is far more).
  double max_megapixels = 250;
  /// A page that takes longer than this to prepare and read (seconds; 0: no limit) is
  /// abandoned with a warning, and the rest of its document still counts: one damaged or
  /// monstrous page must not hold up a batch for hours.
  double page_timeout = 120;
  PdfTextLayer pdf_text = PdfTextLayer::skip;
  /// Keep a JPEG of each page image as OCR read it, this many pixels wide (0: none), in
  /// Page::preview_jpeg; the review report shows it with the word boxes over it.
  int preview_width = 0;
};

/// One Tesseract instance. Not thread-safe: use one engine per thread.
class OcrEngine {
 public:
  /// Throws std::runtime_error naming the missing model and the Debian package to install.
  explicit OcrEngine(const OcrOptions& options = {});
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  /// OCR every page of an image file's bytes (PNG, JPEG, PNM, BMP, GIF, WebP, single or
  /// multi-page TIFF). Throws InputError when the bytes cannot be decoded as an image.
  /// A multi-page TIFF whose later page is broken keeps the pages before it and says so in
  /// `warnings` (when given); a broken first page or image throws InputError.
  /// A page's region with ink and no words is read again on its own; what still yields no text
  /// is an `unread-region` warning naming the page and where on it. A page over
  /// `page_timeout` is left out with a warning; when every page is, this throws InputError.
  std::vector<Page> recognize_image(std::string_view bytes, std::vector<std::string>* warnings = nullptr);

  /// Every page of a PDF (only when built with PROTOKOLL_WITH_PDF): its text layer, or
  /// rendered at `dpi` (300) and OCR'd, as `pdf_text` says.
  std::vector<Page> recognize_pdf(std::string_view bytes, std::vector<std::string>* warnings = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// True when this build can read PDF input.
bool pdf_supported();

/// For programs that OCR: Debian's Tesseract uses OpenMP, which reads OMP_THREAD_LIMIT once,
/// when the library loads; unlimited, a page takes ~10x longer on 2 cores. When the variable is
/// not set and `will_ocr` or an input may be a scan (its first bytes say so; a pipe may be), this
/// sets it to 1 and re-executes the program with `argv`. Returns when nothing had to be done.
void limit_openmp_threads(char** argv, const std::vector<InputPath>& inputs, bool will_ocr);

}  // namespace protokoll
