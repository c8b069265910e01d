// SHA-256 of a byte string, for source identity in records (no crypto library needed).
#pragma once

#include <string>
#include <string_view>

namespace protokoll {

/// Lowercase hex SHA-256 (FIPS 180-4) of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace protokoll
