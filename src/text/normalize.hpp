// Unicode clean-up with ICU: NFC, compatibility ligatures folded, bullet glyphs unified.
#pragma once

#include <string>
#include <string_view>

namespace protokoll {

/// NFC with composed diacritics ("a" + U+0308 -> "ä"), typographic ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ)
/// folded to letters, NBSP and other space separators to ' ', soft hyphens and zero-width
/// characters removed, control characters other than '\t' '\n' '\f' dropped. Other characters
/// (quotes, dashes, §) are kept as they are. Line structure is preserved.
std::string normalize_unicode(std::string_view text);

/// NFC only.
std::string nfc(std::string_view text);

}  // namespace protokoll
