// RecordStream: the records of a stream given out as its meetings complete are the records of
// the whole stream read at once, on the real minutes of samples/minutes — whole files, and
// files cut into a file per page so that meetings run across files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "protokoll/input.hpp"
#include "protokoll/record.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;
namespace fs = std::filesystem;

namespace {

Document text_document(const std::string& text, const std::string& name) {
  Document doc;
  doc.source.path = name;
  doc.source.sha256 = name;  // stands for the content's hash: distinct per document
  load_text_lines(text, doc);
  return doc;
}

// Every clean minutes text of samples/minutes, in path order; with per_page, each page (the
// texts' form feeds) a document of its own.
std::vector<Document> minutes_documents(bool per_page) {
  std::vector<std::string> paths;
  for (const char* folder : {"samples/minutes/dev", "samples/minutes/heldout"})
    for (const auto& e : fs::directory_iterator(source_path(folder)))
      if (e.path().string().ends_with(".source.txt")) paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<Document> docs;
  for (const std::string& p : paths) {
    const std::string text = slurp(p);
    if (!per_page) {
      docs.push_back(text_document(text, p));
      continue;
    }
    std::size_t begin = 0;
    for (int page = 1;; ++page) {
      const std::size_t ff = text.find('\f', begin);
      docs.push_back(text_document(text.substr(begin, ff == std::string::npos ? ff : ff - begin),
                                   p + "#" + std::to_string(page)));
      if (ff == std::string::npos) break;
      begin = ff + 1;
    }
  }
  return docs;
}

// A record as JSON without its id (ids depend on what was given out before; checked apart).
nlohmann::ordered_json without_id(const Record& r) {
  nlohmann::ordered_json j = r.to_json();
  j.erase("id");
  return j;
}

struct Streamed {
  std::vector<Record> records;
  std::size_t given_before_finish = 0, most_held = 0;
};

Streamed stream_all(const std::vector<Document>& docs) {
  Streamed out;
  RecordStream stream;
  for (const Document& d : docs) {
    for (Record& r : stream.add(d)) out.records.push_back(std::move(r));
    out.most_held = std::max(out.most_held, stream.documents_held());
  }
  out.given_before_finish = out.records.size();
  for (Record& r : stream.finish()) out.records.push_back(std::move(r));
  return out;
}

void expect_same_records(const std::vector<Document>& docs) {
  const std::vector<Record> whole = meeting_records(docs);
  const Streamed streamed = stream_all(docs);
  ASSERT_EQ(streamed.records.size(), whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i)
    EXPECT_EQ(without_id(streamed.records[i]).dump(1), without_id(whole[i]).dump(1)) << "meeting " << i;
}

}  // namespace

TEST(RecordStream, GivesTheWholeStreamsRecordsFileByFile) {
  const auto docs = minutes_documents(false);
  ASSERT_GE(docs.size(), 30u);
  expect_same_records(docs);
  const Streamed s = stream_all(docs);
  // Each file ends its meeting when the next file's begins: all but the last are out before
  // the end, and the stream never holds more than the open meeting's file and the one before.
  EXPECT_EQ(s.given_before_finish + 1, s.records.size());
  EXPECT_LE(s.most_held, 2u);
}

TEST(RecordStream, MeetingsThatRunAcrossPageFilesAreOneRecord) {
  const auto pages = minutes_documents(true);
  const auto files = minutes_documents(false);
  ASSERT_GT(pages.size(), files.size() + 5);  // many texts have several pages
  expect_same_records(pages);
  const Streamed s = stream_all(pages);
  EXPECT_EQ(s.records.size(), meeting_records(files).size());
  EXPECT_GT(s.given_before_finish, s.records.size() / 2);
  EXPECT_LE(s.most_held, 6u);
}

TEST(RecordStream, IdsStayUniqueAcrossWhatWasGivenOutBefore) {
  const std::string text = slurp(source_path("samples/minutes/dev/01-kf-bastad.source.txt"));
  // The same meeting three times, in three files: three records, the first with the plain id.
  const std::vector<Document> copies{text_document(text, "a.txt"), text_document(text, "b.txt"),
                                     text_document(text, "c.txt")};
  const Streamed s = stream_all(copies);
  ASSERT_EQ(s.records.size(), 3u);
  std::set<std::string> ids;
  for (const Record& r : s.records) ids.insert(r.id);
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(s.records[0].id, meeting_records(std::span<const Document>(&copies[0], 1)).at(0).id);
  EXPECT_EQ(s.records[1].id, s.records[0].id + "-b.txt");  // its source's hash, cut to 8
  EXPECT_EQ(s.records[2].id, s.records[0].id + "-c.txt");
}

TEST(RecordStream, AnEmptyStreamGivesNothing) {
  RecordStream stream;
  EXPECT_TRUE(stream.finish().empty());
  RecordStream blank;
  EXPECT_TRUE(blank.add(text_document("", "empty.txt")).empty());
  EXPECT_TRUE(blank.finish().empty());
}
