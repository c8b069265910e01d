#include "protokoll/input.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;
namespace fs = std::filesystem;

TEST(ExpandInputs, DirectoriesRecursiveSortedHiddenSkipped) {
  TempDir dir;
  fs::create_directories(dir.path / "b");
  fs::create_directories(dir.path / ".git");
  write_file(dir / "b/2.txt", "x");
  write_file(dir / "a.txt", "x");
  write_file(dir / "c.txt", "x");
  write_file(dir / ".hidden", "x");
  write_file(dir / ".git/config", "x");
  auto inputs = expand_inputs({dir.path.string()});
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_EQ(fs::path(inputs[0].path).filename(), "a.txt");
  EXPECT_EQ(fs::path(inputs[1].path).filename(), "2.txt");
  EXPECT_EQ(fs::path(inputs[2].path).filename(), "c.txt");
  for (const auto& in : inputs) EXPECT_TRUE(in.error.empty());
}

TEST(ExpandInputs, IgnoreFileSkipsWhatItLists) {
  // Globs apply to the folder of the .protokollignore and below; "dir/" names folders only.
  TempDir dir;
  fs::create_directories(dir.path / "names");
  fs::create_directories(dir.path / "sub/names");
  fs::create_directories(dir.path / "other");
  write_file(dir / ".protokollignore", "# not inputs\n*.gold.txt\nnames/\n");
  write_file(dir / "000.txt", "x");
  write_file(dir / "000.gold.txt", "x");
  write_file(dir / "names/list.txt", "x");
  write_file(dir / "sub/names/list.txt", "x");
  write_file(dir / "sub/1.gold.txt", "x");
  write_file(dir / "other/names", "x");  // a file called like the folder pattern stays
  auto inputs = expand_inputs({dir.path.string()});
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(fs::path(inputs[0].path).filename(), "000.txt");
  EXPECT_EQ(fs::path(inputs[1].path).filename(), "names");
}

TEST(ExpandInputs, SymlinkLoopIsReportedNotFollowedForever) {
  TempDir dir;
  fs::create_directories(dir.path / "d");
  write_file(dir / "d/page.txt", "x");
  fs::create_directory_symlink(dir.path, dir.path / "d" / "loop");
  auto inputs = expand_inputs({dir.path.string()});
  std::size_t files = 0, loops = 0;
  for (const auto& in : inputs) {
    if (in.error.empty()) ++files;
    else if (in.error.find("symlink loop") != std::string::npos) ++loops;
  }
  EXPECT_EQ(files, 1u);
  EXPECT_EQ(loops, 1u);
}

TEST(ExpandInputs, MissingFileAndStdin) {
  auto inputs = expand_inputs({"-", "/no/such/file.txt"});
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].path, "-");
  EXPECT_TRUE(inputs[0].error.empty());
  EXPECT_NE(inputs[1].error.find("No such file"), std::string::npos);
}

TEST(DetectKind, FromContentNotName) {
  EXPECT_EQ(detect_kind(slurp(source_path("samples/pages/ks-au-2023-03-14.png"))), SourceKind::image);
  EXPECT_EQ(detect_kind(slurp(source_path("samples/pages/two-pages.tif"))), SourceKind::tiff);
  EXPECT_EQ(detect_kind(slurp(source_path("samples/pages/apt-solrosen-2024-02-06.pdf"))), SourceKind::pdf);
  EXPECT_EQ(detect_kind(slurp(source_path("samples/legacy/000.txt"))), SourceKind::text);
  EXPECT_EQ(detect_kind(std::string("\x00\x01\x02\x03", 4)), SourceKind::unknown);
  EXPECT_EQ(detect_kind(std::string("\xff\xfeP\0", 4)), SourceKind::text);
}

TEST(DecodeText, Utf8WithAndWithoutBom) {
  auto plain = decode_text("Frånvarande");
  EXPECT_EQ(plain.encoding, "UTF-8");
  EXPECT_EQ(plain.utf8, "Frånvarande");
  auto bom = decode_text("\xef\xbb\xbfPlats: Jupiter");
  EXPECT_EQ(bom.utf8, "Plats: Jupiter");
}

TEST(DecodeText, Windows1252SwedishBecomesUtf8Nfc) {
  // "Frånvarande: Åsa Öberg – möte" in Windows-1252 (0x96 is an en dash there).
  auto d = decode_text("Fr\xe5" "nvarande: \xc5" "sa \xd6" "berg \x96 m\xf6" "te\n");
  EXPECT_EQ(d.utf8, "Frånvarande: Åsa Öberg – möte\n");
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(DecodeText, Utf16WithBom) {
  std::string le("\xff\xfe" "P\0l\0a\0t\0s\0:\0 \0\xe5\0", 18);
  EXPECT_EQ(decode_text(le).utf8, "Plats: å");
  std::string be("\xfe\xff\0\xd6\0k\0a\0d", 10);
  EXPECT_EQ(decode_text(be).utf8, "Ökad");
}

TEST(DecodeText, DecomposedDiacriticsAreComposedWhenLoaded) {
  EXPECT_EQ(decode_text("ga\xcc\x88llande").utf8, "ga\xcc\x88llande");  // decoding only decodes
  Document doc;
  load_text("ga\xcc\x88llande\n", doc);  // loading normalizes, once
  ASSERT_EQ(doc.line_count(), 1u);
  EXPECT_EQ(doc.pages[0].lines[0].text, "gällande");
}

// UTF-8 validation skips ASCII eight bytes at a time: a byte that is not UTF-8 must be found at
// every offset, and valid multi-byte characters too.
TEST(DecodeText, FindsInvalidUtf8AtEveryOffset) {
  const std::string text = "Narvarande ledamoter och ersattare vid sammantradet";
  for (std::size_t at = 0; at <= 40; ++at) {
    SCOPED_TRACE(at);
    const std::string before = text.substr(0, at), after = text.substr(at, 9);
    EXPECT_EQ(decode_text(before + "\xf6" + after).encoding, "windows-1252");  // Latin-1 ö
    auto ok = decode_text(before + "\xc3\xb6" + after);
    EXPECT_EQ(ok.encoding, "UTF-8");
    EXPECT_EQ(ok.utf8, before + "ö" + after);
  }
}
