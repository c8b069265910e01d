// What the report's pages share (internal): escaping, the page frame with its security
// policy, and the style sheets and scripts, which are inline so that a page needs nothing
// but its own images.
#pragma once

#include <string>
#include <string_view>

namespace protokoll::report {

/// `text` with & < > " ' escaped, for element content and quoted attributes alike.
void append_escaped(std::string& out, std::string_view text);
std::string escaped(std::string_view text);

/// A relative file path as a URL: every byte but letters, digits, "-._~/" percent-encoded, so a
/// file named "a#1 ?.png" is still found.
std::string url_escaped(std::string_view path);

/// JSON inside a <script> element: "</" written as "<\/" so that no value can end the element.
std::string script_safe(std::string json);

/// <!doctype html> up to and including <body>: charset, viewport, a Content-Security-Policy that
/// allows the page's own inline style and script and images beside it, nothing else, then the
/// style sheet.
std::string page_start(std::string_view title, std::string_view style);
/// The script (inline), then </body></html>.
std::string page_end(std::string_view script);

extern const char* const kDocumentStyle;
extern const char* const kDocumentScript;
extern const char* const kIndexStyle;
extern const char* const kIndexScript;

}  // namespace protokoll::report
