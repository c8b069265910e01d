// Where protokoll finds its data files (dictionaries/) at run time.
#pragma once

#include <stdexcept>
#include <string>

namespace protokoll {

/// A missing or broken installation (a model, a dictionary, the data files): no input can be
/// processed, so the tool stops with exit code 1 and says what to install.
class SetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The data directory: $PROTOKOLL_DATA if set, else <exe>/../share/protokoll when installed,
/// else the source tree's dictionaries/ (for a build-tree binary). Throws SetupError when
/// none holds the data files.
std::string data_dir();

std::string version();

}  // namespace protokoll
