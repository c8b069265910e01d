// The document model that flows through the pipeline:
//   Source (a file and its sha256) -> Page -> Line -> Word.
// Every later stage keeps these links so that a repaired word or a record field can say
// which file, page and line it came from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace protokoll {

/// What an input's bytes turned out to be (detected from content, not from the file name).
enum class SourceKind { text, image, tiff, pdf, unknown };

const char* to_string(SourceKind kind);

/// One input: a file on disk or standard input ("-").
struct Source {
  std::string path;    ///< as the user named it, "-" for standard input
  std::string sha256;  ///< lowercase hex of the raw bytes
  SourceKind kind = SourceKind::unknown;
  std::string encoding;  ///< for text: the charset it was decoded from ("UTF-8", "windows-1252", ...)
};

/// Pixel rectangle on a page image (OCR input only).
struct Box {
  int left = 0, top = 0, width = 0, height = 0;
};

struct Word {
  std::string text;                 ///< UTF-8, NFC
  float confidence = -1.0f;         ///< OCR confidence 0..100, -1 when unknown (text input)
  std::optional<Box> box;           ///< where on the page, when known
};

struct Line {
  std::string text;         ///< the whole line as UTF-8 (spacing preserved for text input)
  std::vector<Word> words;  ///< OCR words with confidences; empty for text input
};

struct Page {
  std::size_t source = 0;  ///< index into Document::sources
  int number = 1;          ///< 1-based page number within its source
  std::vector<Line> lines;
};

/// A stream of pages from one or more sources, in reading order.
struct Document {
  std::vector<Source> sources;
  std::vector<Page> pages;

  /// Page texts joined by '\n', pages separated by a form feed line break ("\f").
  std::string text() const;
  /// Mean OCR word confidence over all words that have one, or nullopt for text input.
  std::optional<double> mean_confidence() const;
};

/// Split UTF-8 text into pages (on form feeds) and lines (on '\n', '\r\n' or '\r').
std::vector<Page> pages_from_text(std::string_view text, std::size_t source_index);

}  // namespace protokoll
