// From documents to records: the stream of their lines, its meetings, each meeting's record.
#include <algorithm>
#include <map>
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
  // What a meeting is, for telling two meetings apart from two copies of one: its start and its
  // items' titles.
  auto content = [](const Record& r) {
    std::string key = r.start.value_or("");
    for (const Item& it : r.items) key += '\n' + it.title;
    return key;
  };
  auto first_sha = [](const Record& r) { return r.source.empty() ? std::string() : r.source.front().sha256; };
  std::unordered_map<std::string, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < records.size(); ++i) by_id[records[i].id].push_back(i);
  std::unordered_map<std::string, int> taken;
  for (const auto& r : records) ++taken[r.id];
  for (auto& [id, group] : by_id) {
    if (group.size() < 2) continue;
    // Another meeting of the same body that day: its start time tells it apart (the earliest
    // keeps the id).
    std::map<std::string, std::vector<std::size_t>> by_content;  // ordered: the earliest start first
    for (std::size_t i : group) by_content[content(records[i])].push_back(i);
    bool first = true;
    for (auto& [key, same] : by_content) {
      const auto& start = records[same.front()].start;
      if (first || !start) {
        first = false;
        continue;
      }
      std::string hhmm = *start;
      hhmm.erase(std::remove(hhmm.begin(), hhmm.end(), ':'), hhmm.end());
      for (std::size_t i : same) records[i].id = id + "-" + hhmm;
    }
    // Copies of one meeting: the copy whose source sorts first keeps the id, the others get a
    // suffix of their own source.
    std::unordered_map<std::string, std::vector<std::size_t>> copies;
    for (std::size_t i : group) copies[records[i].id].push_back(i);
    for (auto& [copy_id, same] : copies) {
      if (same.size() < 2) continue;
      std::sort(same.begin(), same.end(), [&](std::size_t a, std::size_t b) { return first_sha(records[a]) < first_sha(records[b]); });
      for (std::size_t k = 1; k < same.size(); ++k) {
        const std::string sha = first_sha(records[same[k]]);
        records[same[k]].id = copy_id + "-" + (sha.empty() ? std::to_string(k + 1) : sha.substr(0, 8));
      }
    }
  }
  // Whatever is still the same (two copies of one file read twice): a count.
  std::unordered_map<std::string, int> seen;
  for (auto& r : records) {
    const int n = ++seen[r.id];
    if (n > 1) r.id.append("-").append(std::to_string(n));
  }
}

}  // namespace protokoll
