// SHA-256 (FIPS 180-4) against the standard's test vectors and the system's sha256sum.
#include "io/sha256.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding spills into a second block.
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, AgreesWithSha256sumOnARealFileAndEveryBlockEdge) {
  const std::string bytes = slurp(source_path("samples/pages/ks-au-2023-03-14.png"));
  TempDir dir;
  for (std::size_t n : {std::size_t(55), std::size_t(63), std::size_t(64), std::size_t(65), std::size_t(119), bytes.size()}) {
    write_file(dir / "f", bytes.substr(0, n));
    std::string cmd = "sha256sum " + (dir / "f"), out(64, '\0');
    FILE* p = ::popen(cmd.c_str(), "r");
    ASSERT_NE(p, nullptr);
    ASSERT_EQ(std::fread(out.data(), 1, 64, p), 64u);
    ::pclose(p);
    EXPECT_EQ(sha256_hex(bytes.substr(0, n)), out) << n;
  }
}
