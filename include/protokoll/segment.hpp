// Segmentation: split a stream of lines (one or many files) into meetings. A meeting starts at a
// header-and-date block, not at a file boundary.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace protokoll {

/// A line of the stream with where it came from.
struct StreamLine {
  std::string text;
  std::size_t source = 0;  ///< index of its source
  int page = 1;
};

/// A half-open range of stream lines [begin, end) holding one meeting.
struct Segment {
  std::size_t begin = 0, end = 0;
};

/// Split the stream into meetings. Text before the first meeting start joins the first meeting;
/// a stream with no recognizable start is one segment.
std::vector<Segment> segment_meetings(const std::vector<StreamLine>& lines);

}  // namespace protokoll
