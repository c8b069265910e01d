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

TEST(DecodeText, Utf16WithoutBomIsRecognizedBothWays) {
  const std::string text = "Protokoll 2024-01-09\nPlats: Rådhuset\n";
  std::string le, be;
  for (unsigned char c : std::string("Protokoll 2024-01-09\nPlats: R\xe5" "dhuset\n")) {
    le += static_cast<char>(c), le += '\0';
    be += '\0', be += static_cast<char>(c);
  }
  EXPECT_EQ(detect_kind(le), SourceKind::text);
  EXPECT_EQ(detect_kind(be), SourceKind::text);
  const DecodedText l = decode_text(le), b = decode_text(be);
  EXPECT_EQ(l.utf8, text);
  EXPECT_EQ(l.encoding, "UTF-16LE");
  EXPECT_EQ(b.utf8, text);
  EXPECT_EQ(b.encoding, "UTF-16BE");
  ASSERT_EQ(l.warnings.size(), 1u);
  EXPECT_EQ(l.warnings[0], "UTF-16LE without a byte order mark");
  // Text with a few NULs in it is not UTF-16.
  EXPECT_EQ(decode_text(std::string("Plats: Rådhuset") + '\0' + "\nDatum: 2024-01-09\n").encoding, "UTF-8");
}

TEST(DetectKind, ControlCharactersMakeBinaryNotText) {
  std::string random;
  for (int i = 0; i < 4000; ++i) random += static_cast<char>((i * 7919 + 13) % 256);
  EXPECT_EQ(detect_kind(random), SourceKind::unknown);  // random bytes under an image's name
  // A form feed between pages, tabs, a vertical tab (a manual line break) and an escape are text.
  EXPECT_EQ(detect_kind("Sida 1\f\nSida 2\tkolumn \x1b[0m\vrad\n"), SourceKind::text);
}

TEST(DecodeText, ForcedEncodingIsUsedAsGiven) {
  // "Närvarande: Åsa" in IBM437 (DOS): detection would call it Windows-1252 and get "N„rvarande".
  const std::string dos = "N\x84rvarande: \x8fsa\n";
  EXPECT_EQ(decode_text(dos, "IBM437").utf8, "Närvarande: Åsa\n");
  EXPECT_EQ(decode_text(dos, "IBM437").encoding, "IBM437");
  EXPECT_NE(decode_text(dos).utf8, "Närvarande: Åsa\n");
  EXPECT_TRUE(encoding_supported("windows-1252"));
  EXPECT_TRUE(encoding_supported("IBM437"));
  EXPECT_FALSE(encoding_supported("no-such-charset"));
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
