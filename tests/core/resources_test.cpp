// Where protokoll finds its data files, and what it says when they are missing.
#include "protokoll/resources.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
// Set an environment variable for the scope of a test, then put back what was there.
struct EnvVar {
  std::string name, old;
  bool had;
  EnvVar(const char* n, const std::string& value) : name(n), had(std::getenv(n) != nullptr) {
    if (had) old = std::getenv(n);
    ::setenv(n, value.c_str(), 1);
  }
  ~EnvVar() {
    if (had) ::setenv(name.c_str(), old.c_str(), 1);
    else ::unsetenv(name.c_str());
  }
};
}  // namespace

TEST(Resources, DataDirFromTheEnvironmentOrTheSourceTree) {
  {
    EnvVar env("PROTOKOLL_DATA", test_data_dir());
    EXPECT_EQ(data_dir(), test_data_dir());
  }
  {
    EnvVar env("PROTOKOLL_DATA", "");
    const std::string dir = data_dir();  // the build tree falls back to dictionaries/
    EXPECT_NE(slurp(dir + "/confusions.tsv").size(), 0u);
  }
}

TEST(Resources, AFolderWithoutTheDataIsASetupErrorThatSaysWhat) {
  TempDir empty;
  EnvVar env("PROTOKOLL_DATA", empty.path.string());
  try {
    data_dir();
    FAIL() << "no error";
  } catch (const SetupError& e) {
    EXPECT_NE(std::string(e.what()).find("PROTOKOLL_DATA"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("lm-unigrams.tsv"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(version().empty());
}
