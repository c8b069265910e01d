// libFuzzer target: any bytes as a page image or PDF — the header checks (size, truncation,
// checksums), decoding by Leptonica or poppler, preprocessing and real Tesseract OCR. Pages
// are capped at 2 megapixels here so that one input stays a fraction of a second.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "protokoll/input.hpp"
#include "protokoll/ocr.hpp"

namespace {
protokoll::OcrEngine& engine() {
  static protokoll::OcrEngine e([] {
    protokoll::OcrOptions o;
    o.max_megapixels = 2;
    return o;
  }());
  return e;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    switch (protokoll::detect_kind(bytes)) {
      case protokoll::SourceKind::image:
      case protokoll::SourceKind::tiff:
        engine().recognize_image(bytes);
        break;
      case protokoll::SourceKind::pdf:
        engine().recognize_pdf(bytes);
        break;
      default:
        break;
    }
  } catch (const protokoll::InputError&) {
  }
  return 0;
}
