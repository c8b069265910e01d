// Input decoding: turn command-line arguments into sources with their bytes, detect what each
// source is from its content, and decode text in any common legacy encoding to UTF-8 NFC.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "protokoll/document.hpp"

namespace protokoll {

/// An input that could not be read or understood; what() names the reason (the caller adds the file).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One file named on the command line or found under a named directory.
struct InputPath {
  std::string path;          ///< "-" for standard input
  std::string error;         ///< non-empty when the path itself is unusable (missing, a loop, ...)
  bool found = false;        ///< found under a named folder, not named itself
};

/// A file found under a folder that is plainly not minutes (a JSON sidecar, an HTML page): it
/// is skipped with a note, not counted as failed. Named on its own it is an InputError.
class NotMinutesError : public InputError {
 public:
  using InputError::InputError;
};

/// An input a resumed run finds done in its manifest: skipped, not failed.
class AlreadyDoneError : public NotMinutesError {
 public:
  using NotMinutesError::NotMinutesError;
};

/// An input that belongs to another shard of a sharded run: left to it, neither done nor failed.
class OtherShardError : public NotMinutesError {
 public:
  using NotMinutesError::NotMinutesError;
};

/// Expand arguments: files as given, directories recursively in sorted order (hidden files
/// skipped, symlink loops detected and reported), "-" as standard input. A folder's
/// `.protokollignore` lists glob patterns (one a line) of files and folders to skip below it;
/// as with .gitignore, those of the folders above a named folder apply to it too.
std::vector<InputPath> expand_inputs(const std::vector<std::string>& args);

/// Read all bytes of a file, or of standard input for "-". Throws InputError.
std::string read_bytes(const std::string& path);

/// Detect the kind of content from its first bytes (magic numbers; text when it decodes).
SourceKind detect_kind(std::string_view bytes);

struct DecodedText {
  std::string utf8;      ///< without a byte order mark, line endings as in the input
  std::string encoding;  ///< the charset it was decoded from
  std::vector<std::string> warnings;  ///< what was done that the reader should know (NULs dropped, mixed encodings)
};

/// Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise the charset that
/// ICU's detector names (Windows-1252 / ISO-8859-1 for legacy Swedish). Not normalized. Throws
/// InputError when the bytes are not text (NUL bytes without a UTF-16 BOM). A non-empty
/// `encoding` (any name ICU knows: "windows-1252", "ISO-8859-1", "IBM437", "UTF-16LE") is used
/// as given instead, for the whole text.
DecodedText decode_text(std::string_view bytes, const std::string& encoding = {});

/// Whether ICU can decode `encoding` (a charset name or alias).
bool encoding_supported(const std::string& encoding);

/// Text that is plainly not minutes: "JSON", "XML", "HTML", "a script"; nullopt otherwise.
std::optional<std::string> not_minutes(std::string_view bytes);

/// Load UTF-8 text into `doc`: normalized (NFC, ligatures, spaces; text/normalize.hpp) once,
/// split into pages and lines, its line end and final newline noted in doc.source.
void load_text_lines(std::string_view utf8, Document& doc);

/// Load text bytes in any supported encoding: decode_text (doc.source.encoding), then
/// load_text_lines. Throws InputError.
void load_text(std::string_view bytes, Document& doc, const std::string& encoding = {});

}  // namespace protokoll
