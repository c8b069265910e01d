// From documents to records: the stream of their lines, its meetings, each meeting's record.
#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>

#include <tbb/parallel_for.h>

#include "protokoll/record.hpp"
#include "protokoll/segment.hpp"
#include "record/provenance.hpp"

namespace protokoll {

namespace {

// Each meeting's record: its fields, then where it came from. Meetings are independent: their
// records are extracted in parallel, kept in order.
std::vector<Record> records_of(const record::ProvenanceIndex& provenance, std::span<const StreamLine> stream,
                               std::span<const Segment> segments) {
  std::vector<Record> records(segments.size());
  tbb::parallel_for(std::size_t(0), segments.size(), [&](std::size_t m) {
    const std::span<const StreamLine> meeting = stream.subspan(segments[m].begin, segments[m].end - segments[m].begin);
    Record r = extract_record(meeting);
    provenance.describe(r, meeting);
    records[m] = std::move(r);
  });
  return records;
}

// What a meeting is, for telling two meetings apart from two copies of one: its start and its
// items' titles.
std::string content_key(const Record& r) {
  std::string key = r.start.value_or("");
  for (const Item& it : r.items) key += '\n' + it.title;
  return key;
}
std::string first_sha(const Record& r) { return r.source.empty() ? std::string() : r.source.front().sha256; }
std::string hhmm(const std::string& start) {
  std::string out = start;
  out.erase(std::remove(out.begin(), out.end(), ':'), out.end());
  return out;
}

}  // namespace

std::vector<Record> meeting_records(std::span<const Document> documents) {
  const record::ProvenanceIndex provenance(documents);
  const std::vector<StreamLine> stream = stream_lines(documents);
  const std::vector<Segment> segments = segment_meetings(stream);
  return records_of(provenance, stream, segments);
}

void make_ids_unique(std::vector<Record>& records) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < records.size(); ++i) by_id[records[i].id].push_back(i);
  std::unordered_map<std::string, int> taken;
  for (const auto& r : records) ++taken[r.id];
  for (auto& [id, group] : by_id) {
    if (group.size() < 2) continue;
    // Another meeting of the same body that day: its start time tells it apart (the earliest
    // keeps the id).
    std::map<std::string, std::vector<std::size_t>> by_content;  // ordered: the earliest start first
    for (std::size_t i : group) by_content[content_key(records[i])].push_back(i);
    bool first = true;
    for (auto& [key, same] : by_content) {
      const auto& start = records[same.front()].start;
      if (first || !start) {
        first = false;
        continue;
      }
      for (std::size_t i : same) records[i].id = id + "-" + hhmm(*start);
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

struct RecordStream::State {
  std::deque<Document> documents;  // from the first one a line of `lines` belongs to
  std::vector<StreamLine> lines;   // their lines, StreamLine::document indexing `documents`
  MeetingSegmenter segmenter;
  std::size_t given = 0;           // lines [0, given) are in records already given out
  std::size_t next_start = 0;      // the first of segmenter.starts() not yet a meeting's end
  // Every id given out, with a hash of what its meeting was (content_key), so that a later
  // record that would repeat one is told apart as make_ids_unique tells apart records of one
  // call. A hash: the key holds every item title, and a long run gives out many ids.
  std::unordered_map<std::string, std::size_t> ids;

  std::vector<Record> take(bool final) {
    std::vector<Segment> segments;
    const auto& starts = segmenter.starts();
    for (; next_start < starts.size(); ++next_start) {
      const std::size_t s = starts[next_start];
      if (s > given) segments.push_back({given, s});
      given = std::max(given, s);
    }
    if (final && given < lines.size()) {
      segments.push_back({given, lines.size()});
      given = lines.size();
    }
    std::vector<Record> records;
    if (!segments.empty()) {
      std::vector<const Document*> docs;
      for (const Document& d : documents) docs.push_back(&d);
      records = records_of(record::ProvenanceIndex(std::move(docs)), lines, segments);
      make_ids_unique(records);
      for (Record& r : records) claim(r);
    }
    forget();
    return records;
  }

  void claim(Record& r) {
    const std::size_t key = std::hash<std::string>{}(content_key(r));
    if (const auto it = ids.find(r.id); it != ids.end()) {
      // Another meeting of the body that day: its start; a copy of one given out: its source.
      const std::string base = r.id;
      if (it->second != key && r.start) r.id = base + "-" + hhmm(*r.start);
      else if (const std::string sha = first_sha(r); !sha.empty()) r.id = base + "-" + sha.substr(0, 8);
      for (int n = 2; ids.count(r.id); ++n) r.id = base + "-" + std::to_string(n);
    }
    ids.emplace(r.id, key);
  }

  // The documents and lines no decision to come looks at, and no record to come holds.
  void forget() {
    const std::size_t keep = std::min(segmenter.keep_from(), given);
    if (keep == 0 || keep > lines.size()) return;
    const std::uint32_t first_doc = keep < lines.size() ? lines[keep].document : static_cast<std::uint32_t>(documents.size());
    std::size_t n = 0;
    while (n < lines.size() && lines[n].document < first_doc) ++n;
    if (n == 0) return;
    lines.erase(lines.begin(), lines.begin() + static_cast<long>(n));
    for (StreamLine& l : lines) l.document -= first_doc;
    for (std::uint32_t d = 0; d < first_doc; ++d) documents.pop_front();
    segmenter.drop(n);
    given -= n;
    next_start = segmenter.starts().size();  // take() went through them all
  }
};

RecordStream::RecordStream() : state_(std::make_unique<State>()) {}
RecordStream::~RecordStream() = default;

std::vector<Record> RecordStream::add(Document document) {
  State& s = *state_;
  s.documents.push_back(std::move(document));
  const Document& doc = s.documents.back();
  for (StreamLine line : stream_lines(std::span<const Document>(&doc, 1))) {
    line.document = static_cast<std::uint32_t>(s.documents.size() - 1);
    s.lines.push_back(line);
  }
  s.segmenter.feed(s.lines, false);
  return s.take(false);
}

std::size_t RecordStream::documents_held() const { return state_->documents.size(); }

std::vector<Record> RecordStream::finish() {
  State& s = *state_;
  s.segmenter.feed(s.lines, true);
  return s.take(true);
}

}  // namespace protokoll
