#!/usr/bin/python3
"""Collect Swedish running text from Debian packages, filtered to Swedish sentences.

Used by tools/build-language-model (word counts) and tools/build-confusions (text to render).
Sources (installed with `apt-get install libreoffice-help-sv gimp-help-sv manpages-sv
debian-edu-doc-legacy-sv`, plus the Swedish message catalogs under /usr/share/locale/sv):
HTML help pages, man pages and .mo translations. Those mix in English, code and markup, so a
sentence is kept only when it reads as Swedish (function words, letters, length).
"""
import glob, gzip, html, os, re, struct, sys, unicodedata

SV = set("och att det som en på är för med av till den inte om i har kan du ett eller de vi man så "
         "när ska skall detta denna eller från vid under efter också alla sin sina hur vad där här "
         "måste finns får dig din ditt dem mer än bara nu sedan".split())
EN = set("the and of to is in for you this that with are be it on as or by can from an not "
         "which your will if all have has use used when".split())
GROFF_LETTERS = {"\\(:a": "ä", "\\(:o": "ö", "\\(oa": "å", "\\(:A": "Ä", "\\(:O": "Ö", "\\(oA": "Å",
                 "\\('e": "é", "\\[:a]": "ä", "\\[:o]": "ö", "\\[oa]": "å"}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def html_text(raw):
    raw = re.sub(r"(?is)<(script|style|pre|code)\b.*?</\1>", " ", raw)
    raw = re.sub(r"(?is)<br\s*/?>|</(p|div|li|h\d|td|tr|title|dt|dd)>", "\n", raw)
    raw = re.sub(r"(?s)<[^>]+>", " ", raw)
    return html.unescape(raw)


def man_text(raw):
    out = []
    for line in raw.splitlines():
        if line.startswith((".\\\"", "'\\\"")):
            continue
        if line.startswith("."):
            parts = line.split(None, 1)
            if parts[0] in (".B", ".I", ".BR", ".IR", ".RB", ".RI", ".SH", ".SS", ".TP") and len(parts) > 1:
                line = parts[1].replace('"', "")
            else:
                out.append("\n")
                continue
        for esc, ch in GROFF_LETTERS.items():  # \(:a is ä in groff: keep the letters
            line = line.replace(esc, ch)
        line = re.sub(r"\\f[BIRP]|\\\(..|\\[-&e]|\\.", " ", line)
        out.append(line)
    return "\n".join(out)


def mo_strings(data):
    """Translated strings of a GNU .mo catalog."""
    if len(data) < 28:
        return []
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if order is None:
        return []
    _, n, _, toff = struct.unpack(order + "4I", data[4:20])
    out = []
    for i in range(n):
        length, off = struct.unpack(order + "2I", data[toff + 8 * i: toff + 8 * i + 8])
        for s in data[off: off + length].split(b"\0"):
            try:
                out.append(s.decode("utf-8"))
            except UnicodeDecodeError:
                pass
    return out


def documents():
    """(source name, text) pairs."""
    pats = ["/usr/share/libreoffice/help/sv/**/*.html", "/usr/share/gimp/2.0/help/sv/**/*.html",
            "/usr/share/doc/debian-edu-doc-legacy-sv/**/*.html"]
    for pat in pats:
        for path in sorted(glob.glob(pat, recursive=True)):
            with open(path, encoding="utf-8", errors="replace") as f:
                yield path, html_text(f.read())
    for path in sorted(glob.glob("/usr/share/man/sv/**/*.gz", recursive=True)):
        try:
            raw = gzip.open(path).read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:  # older Swedish man pages are Latin-1
                text = raw.decode("latin-1")
            yield path, man_text(text)
        except OSError:
            pass
    for path in sorted(glob.glob("/usr/share/locale/sv/LC_MESSAGES/*.mo")):
        with open(path, "rb") as f:
            yield path, "\n".join(mo_strings(f.read()))


def sentences(text):
    text = unicodedata.normalize("NFC", text)
    for block in re.split(r"\n\s*\n|(?<=[.!?:])\s+(?=[A-ZÅÄÖ])", text):
        s = " ".join(block.split())
        if len(s) < 12:
            continue
        words = [w.lower() for w in WORD.findall(s)]
        if len(words) < 3:
            continue
        sv = sum(w in SV for w in words)
        en = sum(w in EN for w in words)
        swedish_letters = sum(any(c in "åäö" for c in w) for w in words)
        if sv + swedish_letters < 1 or en > sv or en * 4 > len(words):
            continue
        # code and markup residue: too many non-letters
        letters = sum(c.isalpha() for c in s)
        if letters < 0.6 * len(s):
            continue
        yield s


def main():
    seen = set()
    out = sys.stdout
    for _, text in documents():
        for s in sentences(text):
            if s in seen:  # help texts repeat boilerplate; count each sentence once
                continue
            seen.add(s)
            out.write(s + "\n")


if __name__ == "__main__":
    main()
