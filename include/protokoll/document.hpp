// The document model every stage works on, built once when an input is loaded:
//
//   Document { Source, Page { Line { Word } } }, and the changes the repair made to its lines.
//
// Loading decodes and normalizes the text exactly once (or OCRs the page images); the repair
// then rewrites lines in place, segmentation and records refer to lines by position, and the
// writers put the text back with the source's own line ends. So any stage can say where a piece
// of text came from: which file, page, line, column, and (for scans) which word and box.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace protokoll {

/// What an input's bytes turned out to be (detected from content, not from the file name).
enum class SourceKind { text, image, tiff, pdf, unknown };

/// How the lines of a text source end. Written back as they came.
enum class LineEnd { lf, crlf, cr };

/// One input: a file on disk or standard input ("-").
struct Source {
  std::string path;           ///< as the user named it, "-" for standard input
  std::string resolved_path;  ///< absolute, symbolic links resolved ("" for standard input)
  std::string sha256;         ///< lowercase hex of the raw bytes ("" when not computed)
  std::uint64_t size = 0;     ///< bytes read
  SourceKind kind = SourceKind::unknown;
  std::string encoding;       ///< text: the charset it was decoded from ("UTF-8", "windows-1252", ...)
  LineEnd line_end = LineEnd::lf;
  bool final_newline = true;  ///< text: whether its last line ends with a line end
  std::vector<std::string> warnings;  ///< decoding: NUL bytes dropped, mixed encodings
};

/// A pixel rectangle on a page image; all zero for text input.
struct Box {
  int left = 0, top = 0, width = 0, height = 0;
  bool empty() const { return width <= 0 || height <= 0; }
};

/// A word as OCR read it.
struct Word {
  std::string text;          ///< UTF-8, normalized
  float confidence = -1.0f;  ///< OCR confidence 0..100
  Box box;
};

struct Line {
  std::string text;         ///< UTF-8, normalized; the repair rewrites it in place
  Box box;                  ///< scans: the line's box on the page image
  std::vector<Word> words;  ///< scans: the words as OCR read them (empty for text input)
};

/// Scans: what was done to a page image before OCR (ocr/preprocess). Word and line boxes are in
/// the coordinates of the image as OCR saw it: the source turned by `rotation`, then by
/// `skew`, then scaled by `scale`.
struct Preparation {
  int rotation = 0;          ///< degrees clockwise the page was turned to read it (0, 90, 180, 270)
  double skew = 0;           ///< degrees it was then turned to straighten its lines
  double scale = 1;          ///< how much it was enlarged (scans coarser than 300 dpi)
  bool flattened = false;    ///< its background was flattened (uneven or dim paper)
  int reread_regions = 0;    ///< regions with ink and no words that were read again on their own
  int resolution = 0;        ///< dpi the image was taken to have: its file's, or estimated (below)
  bool resolution_estimated = false;  ///< the file gave none, or an implausible one: from the text's height
};

struct Page {
  int number = 1;                        ///< 1-based within its source
  int width = 0, height = 0, dpi = 0;    ///< scans: the page image as OCR saw it
  Preparation preparation;               ///< scans: what was done to the image first
  std::optional<double> ocr_confidence;  ///< scans: mean word confidence
  std::string ocr_model;                 ///< scans: the Tesseract model(s) that read it ("swe", "swe+eng")
  /// Scans: regions with letter-sized ink that no word read with confidence covers, after they
  /// were read again on their own (an `unread-region` warning).
  std::vector<Box> unread;
  /// Text input: whether the form feed after this page followed a line end ("a\n\fb", the
  /// usual case) or stood inside the line ("a\fb"). Written back as it was.
  bool break_after_line_end = true;
  std::vector<Line> lines;
  /// Scans, when asked for (OcrOptions::preview_width): the image as OCR read it, scaled down,
  /// as JPEG bytes, for the review report. Boxes map onto it by its width over `width`.
  std::string preview_jpeg;
  int preview_width = 0, preview_height = 0;
};

/// One change the repair made to a line.
struct Change {
  int page = 1;            ///< 1-based page of the source
  std::size_t line = 0;    ///< 1-based line of the source, counted over all its pages
  std::size_t column = 0;  ///< 1-based, in code points of the line as it was read
  std::string from, to;
  double score = 0;        ///< log10 margin over leaving the word as it was
  std::string runner_up;   ///< the next best reading ("" when none)
};

/// One input, loaded: its source, its pages, and what the repair did to them.
struct Document {
  Source source;
  std::vector<Page> pages;
  std::vector<Change> changes;  ///< filled when the repair is asked to record them
  std::size_t words = 0;            ///< word tokens the repair saw
  std::size_t repaired_words = 0;   ///< changes the repair made (recorded or not)
  std::size_t unknown_words = 0;    ///< words left that no lexicon knows
  double seconds = 0;               ///< wall time to read, OCR or decode, and repair it

  std::size_t line_count() const;
  /// Mean OCR word confidence over the pages that have one; nullopt for text input.
  std::optional<double> mean_confidence() const;
};

/// The OCR confidences of a page's words: their sum and how many there are.
struct ConfidenceSum {
  double sum = 0;
  std::size_t words = 0;
  ConfidenceSum& operator+=(const ConfidenceSum& o) {
    sum += o.sum;
    words += o.words;
    return *this;
  }
  std::optional<double> mean() const { return words ? std::optional<double>(sum / static_cast<double>(words)) : std::nullopt; }
};
ConfidenceSum confidence_sum(const Page& page);

/// Page::unread said in words, the one wording of the `unread-region` warning wherever it
/// appears (stderr, records, the review report): "2 region(s) with ink and no word read with
/// confidence, the first at 200,2168 (222x271 px)". Empty when there is none.
std::string describe_unread(const Page& page);

/// Split normalized UTF-8 text into pages (on form feeds) and lines (on "\n", "\r\n" or "\r").
/// A final line end does not start another line; an empty text is one page without lines.
std::vector<Page> pages_from_text(std::string_view text);

/// The text of a document's pages: lines joined by the source's line end, pages by a form
/// feed, the final line end as the source had it. Line i out is line i in.
std::string document_text(const Document& doc);

}  // namespace protokoll
