// Segmentation: split a stream of lines (one or many documents) into meetings. A meeting starts
// at a header-and-date block, not at a file boundary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "protokoll/document.hpp"

namespace protokoll {

/// A line of the stream: a view of a document's line and where it stands. The documents must
/// outlive the stream.
struct StreamLine {
  std::string_view text;
  std::uint32_t document = 0;  ///< index of its document in the stream's documents
  std::uint32_t page = 0;      ///< index of its page in the document
  std::uint32_t line = 0;      ///< index of the line in the page
  int page_number = 1;         ///< the page's number (Page::number)
  int height = 0;              ///< scans: the line's height on the page image (0 for text)
};

/// Every line of the documents in reading order.
std::vector<StreamLine> stream_lines(std::span<const Document> documents);

/// A half-open range of stream lines [begin, end) holding one meeting.
struct Segment {
  std::size_t begin = 0, end = 0;
};

/// The same split made as the stream grows, a document at a time, for records written while
/// the rest of a batch is still being read. Its starts are the ones segment_meetings finds on
/// the whole stream: a line is decided once the three lines after it are in (or the stream
/// is final), and no decision looks further.
class MeetingSegmenter {
 public:
  MeetingSegmenter();
  ~MeetingSegmenter();
  MeetingSegmenter(MeetingSegmenter&&) noexcept;
  MeetingSegmenter& operator=(MeetingSegmenter&&) noexcept;

  /// `lines` is the stream so far: what was fed before (less what was dropped), then whole
  /// new documents. `final`: nothing more will come.
  void feed(std::span<const StreamLine> lines, bool final);
  /// The first line of every meeting after the first, ascending, as indexes into `lines`.
  /// The meetings before the last start are complete.
  const std::vector<std::size_t>& starts() const;
  /// The first line the decisions still to come may look at.
  std::size_t keep_from() const;
  /// The caller drops the stream's first n lines (n <= keep_from()); indexes shift by n.
  void drop(std::size_t n);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Split the stream into meetings. Text before the first meeting start joins the first meeting;
/// a stream with no recognizable start is one segment.
std::vector<Segment> segment_meetings(std::span<const StreamLine> lines);

}  // namespace protokoll
