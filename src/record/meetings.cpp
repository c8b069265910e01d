// From documents to records: the stream of their lines, its meetings, each meeting's record.
#include <string>
#include <unordered_map>

#include <tbb/parallel_for.h>

#include "protokoll/record.hpp"
#include "protokoll/segment.hpp"
#include "record/provenance.hpp"

namespace protokoll {

std::vector<Record> meeting_records(std::span<const Document> documents) {
  const record::ProvenanceIndex provenance(documents);
  const std::vector<StreamLine> stream = stream_lines(documents);
  const std::vector<Segment> segments = segment_meetings(stream);
  std::vector<Record> records(segments.size());
  // Meetings are independent: their records are extracted in parallel, kept in order.
  tbb::parallel_for(std::size_t(0), segments.size(), [&](std::size_t m) {
    const std::span<const StreamLine> meeting(stream.data() + segments[m].begin, segments[m].end - segments[m].begin);
    Record r = extract_record(meeting);
    provenance.describe(r, meeting);
    records[m] = std::move(r);
  });
  return records;
}

void make_ids_unique(std::vector<Record>& records) {
  std::unordered_map<std::string, int> seen;
  for (auto& r : records) {
    const int n = ++seen[r.id];
    if (n > 1) r.id.append("-").append(std::to_string(n));
  }
}

}  // namespace protokoll
