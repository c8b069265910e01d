#!/usr/bin/env bash
# End-to-end tests: the real protokoll binary on the real files in samples/.
# Usage: tests/e2e.sh path/to/protokoll path/to/source-tree
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
json_valid() { python3 -c 'import json,sys
for line in open(sys.argv[1]):
    if line.strip(): json.loads(line)' "$1"; }

# --help lists every verb; each verb has its own help with an example; --version.
"$bin" --help > "$tmp/help" 2>&1
check "help lists the verbs" bash -c "for v in run ocr repair segment eval; do grep -q \"^  \$v\" '$tmp/help' || exit 1; done"
for v in run ocr repair segment eval; do
  "$bin" $v --help > "$tmp/help-$v" 2>&1
  check "$v --help has an example" grep -q "Example" "$tmp/help-$v"
done
check "--version" bash -c "'$bin' --version | grep -q '^protokoll [0-9]'"

# run on stdin prints one valid JSON record with the right date.
"$bin" run - < "$src/samples/legacy/000.txt" > "$tmp/000.jsonl" 2> "$tmp/000.err"
check "run - exits 0" test $? -eq 0
check "run - prints valid JSON" json_valid "$tmp/000.jsonl"
check "run - one record" test "$(grep -c . "$tmp/000.jsonl")" -eq 1
check "run - date" grep -q '"date":"2021-11-23"' "$tmp/000.jsonl"
check "run - stderr quiet on success" test ! -s "$tmp/000.err"

# The two dev files concatenated into one input: exactly two meetings.
cat "$src/samples/legacy/000.txt" "$src/samples/legacy/001.txt" > "$tmp/both.txt"
"$bin" run "$tmp/both.txt" > "$tmp/both.jsonl"
check "concatenated: two records" test "$(grep -c . "$tmp/both.jsonl")" -eq 2
check "concatenated: second date" grep -q '"date":"2024-01-09"' "$tmp/both.jsonl"

# The whole samples folder: records for every meeting, exit 0.
"$bin" run "$src/samples/legacy" "$src/samples/pages" > "$tmp/samples.jsonl" 2> "$tmp/samples.err"
check "run samples exits 0" test $? -eq 0
check "run samples valid JSON" json_valid "$tmp/samples.jsonl"

# ocr prints the page text (real Tesseract, Swedish model).
"$bin" ocr "$src/samples/pages/ks-au-2023-03-14.png" > "$tmp/ocr.txt"
check "ocr exits 0" test $? -eq 0
check "ocr reads Swedish" grep -q "Sammanträdesdatum 2023-03-14" "$tmp/ocr.txt"
check "ocr keeps å/ä/ö" grep -q "Öresund" "$tmp/ocr.txt"
"$bin" ocr "$src/samples/pages/two-pages.tif" > "$tmp/tif.txt"
check "ocr multi-page TIFF: a form feed between pages" test "$(tr -cd '\f' < "$tmp/tif.txt" | wc -c)" -eq 1
check "ocr multi-page TIFF: each page ends with a newline" grep -qP '^\f' "$tmp/tif.txt"

# repair keeps the line count and restores diacritics.
"$bin" repair "$src/samples/legacy/000.txt" > "$tmp/000.repaired"
check "repair keeps the line count" test "$(wc -l < "$tmp/000.repaired")" -eq "$(wc -l < "$src/samples/legacy/000.txt")"
check "repair restores Frånvarande" grep -q "^Frånvarande: Anci Cederqvist" "$tmp/000.repaired"
# Standard input, piped or redirected, reads as the file does (a redirected file is looked at for
# a scan's signature in place, a pipe is not looked at); a scan piped in is OCR'd. A FIFO too.
cat "$src/samples/legacy/000.txt" | "$bin" repair - > "$tmp/000.piped"
check "repair - from a pipe reads as the file" cmp -s "$tmp/000.repaired" "$tmp/000.piped"
"$bin" repair - < "$src/samples/legacy/000.txt" > "$tmp/000.redirected"
check "repair - from a redirect reads as the file" cmp -s "$tmp/000.repaired" "$tmp/000.redirected"
cat "$src/samples/pages/ks-au-2023-03-14.png" | "$bin" ocr - > "$tmp/ocr-piped.txt"
check "ocr - from a pipe reads as the file" cmp -s "$tmp/ocr.txt" "$tmp/ocr-piped.txt"
mkfifo "$tmp/fifo"
cat "$src/samples/legacy/000.txt" > "$tmp/fifo" &
"$bin" repair "$tmp/fifo" > "$tmp/000.fifo"
wait
check "repair FIFO reads as the file" cmp -s "$tmp/000.repaired" "$tmp/000.fifo"
# Blank lines at the end are lines too; a last line without a newline stays without one.
printf 'Beslut\n\n\n' > "$tmp/blank-end.txt"
"$bin" repair "$tmp/blank-end.txt" > "$tmp/blank-end.out"
check "repair keeps blank last lines" cmp -s "$tmp/blank-end.txt" "$tmp/blank-end.out"
printf 'Beslut\nFranvarande' > "$tmp/no-newline.txt"
printf 'Beslut\nFrånvarande' > "$tmp/no-newline.expected"
"$bin" repair "$tmp/no-newline.txt" > "$tmp/no-newline.out"
check "repair keeps a last line without newline" cmp -s "$tmp/no-newline.expected" "$tmp/no-newline.out"
printf 'Franvarande: Anci\r\n\r\nBeslut\r\n' > "$tmp/crlf.txt"
printf 'Frånvarande: Anci\r\n\r\nBeslut\r\n' > "$tmp/crlf.expected"
"$bin" repair "$tmp/crlf.txt" > "$tmp/crlf.out"
check "repair keeps CR LF line ends" cmp -s "$tmp/crlf.expected" "$tmp/crlf.out"
# A page break after a line end is no line lost, and a change says its page and line.
printf 'Forslag ett\nandra rad\n\fsida tva\nslut\n' | "$bin" repair - > "$tmp/ff.out"
check "repair keeps the line before a form feed" test "$(tr -cd '\n' < "$tmp/ff.out" | wc -c)" -eq 4
printf 'Forslag ett\nandra rad\n\fsida tva\nslut\n' | "$bin" repair --dry-run - > "$tmp/ff.jsonl"
check "repair --dry-run: a change on page 2 is on line 3" grep -q '"page":2,"line":3,"column":6,"from":"tva"' "$tmp/ff.jsonl"
"$bin" repair --dry-run "$src/samples/legacy/000.txt" > "$tmp/changes.jsonl"
check "repair --dry-run prints JSON changes" json_valid "$tmp/changes.jsonl"
check "repair --dry-run has a change" grep -q '"from":"Franvarande","to":"Frånvarande"' "$tmp/changes.jsonl"

# A Windows-1252 text comes out as UTF-8.
printf 'Fr\xe5nvarande: \xc5sa \xd6berg\nM\xf6tet avslutades.\n' > "$tmp/cp1252.txt"
"$bin" repair "$tmp/cp1252.txt" > "$tmp/cp1252.out"
check "Windows-1252 decoded to UTF-8" grep -q "^Frånvarande: Åsa Öberg$" "$tmp/cp1252.out"
# UTF-16 with a BOM.
printf 'Plats: Jupiter\n' | iconv -f UTF-8 -t UTF-16 > "$tmp/utf16.txt"
"$bin" repair "$tmp/utf16.txt" > "$tmp/utf16.out"
check "UTF-16 decoded" grep -q "^Plats: Jupiter$" "$tmp/utf16.out"

# Bad inputs: one line each on stderr naming the file, the rest processed, exit 2.
printf '\x00\x01\x02binary' > "$tmp/garbage.bin"
: > "$tmp/empty.txt"
"$bin" run "$src/samples/legacy/001.txt" "$tmp/garbage.bin" "$tmp/missing.txt" "$tmp/empty.txt" > "$tmp/mixed.jsonl" 2> "$tmp/mixed.err"
check "bad inputs: exit 2" test $? -eq 2
check "bad inputs: good file still processed" grep -q '"date":"2024-01-09"' "$tmp/mixed.jsonl"
check "bad inputs: one line per failure" test "$(wc -l < "$tmp/mixed.err")" -eq 3
check "bad inputs: names the file" grep -q "garbage.bin" "$tmp/mixed.err"
printf '\x89PNG\r\n\x1a\nbroken' > "$tmp/broken.png"
"$bin" ocr "$tmp/broken.png" > /dev/null 2> "$tmp/broken.err"
check "broken image: exit 2" test $? -eq 2
check "broken image: reason" grep -q "broken.png: " "$tmp/broken.err"

# Pathological text never crashes: a megabyte on one line, a huge "word", random Latin-1 bytes.
python3 -c "print('§ 12 ' + 'x' * 1000000); print('1. ' + 'Beslut ' * 150000)" > "$tmp/long.txt"
"$bin" run "$tmp/long.txt" > "$tmp/long.jsonl" 2> "$tmp/long.err"
check "megabyte lines: exit 0" test $? -eq 0
check "megabyte lines: valid JSON" json_valid "$tmp/long.jsonl"
python3 -c "import random,sys; random.seed(3); sys.stdout.buffer.write(bytes(random.choice(range(32,256)) for _ in range(200000)))" > "$tmp/noise.txt"
"$bin" run "$tmp/noise.txt" > "$tmp/noise.jsonl" 2> "$tmp/noise.err"
check "random bytes: exit 0" test $? -eq 0
check "random bytes: valid JSON" json_valid "$tmp/noise.jsonl"

# Usage and setup errors: exit 1.
"$bin" frobnicate > /dev/null 2>&1
check "unknown verb: exit 1" test $? -eq 1
"$bin" ocr --lang xyz "$src/samples/pages/ks-au-2023-03-14.png" > /dev/null 2> "$tmp/lang.err"
check "missing model: exit 1" test $? -eq 1
check "missing model: names the package" grep -q "tesseract-ocr-xyz" "$tmp/lang.err"

# eval: scores, and exit 3 when a threshold is not met.
"$bin" eval --output "$tmp/000.repaired" --gold "$src/samples/legacy/000.gold.txt" --input "$src/samples/legacy/000.txt" --json > "$tmp/eval.json"
check "eval prints JSON" json_valid "$tmp/eval.json"
check "eval: fix rate of the one text" bash -c "jq -e '.cases[0].scores.fix_rate > 0.9 and .cases[0].kind == \"text\"' '$tmp/eval.json' > /dev/null"
# eval over folders: run --out-dir's outputs paired with the gold by name, text and records.
"$bin" -q run --out-dir "$tmp/evout" "$src/samples/heldout/" > /dev/null
"$bin" eval --output "$tmp/evout" --gold "$src/samples/heldout" --input "$src/samples/heldout" --json > "$tmp/evfold.json"
check "eval folders: 2 texts and 2 records scored" bash -c "jq -e '[.cases[] | select(.scores.gold_words > 0 and .input)] | length == 2' '$tmp/evfold.json' > /dev/null && jq -e '[.cases[] | select(.scores.expected == 1)] | length == 2' '$tmp/evfold.json' > /dev/null"
"$bin" eval --output "$tmp/evout" --gold "$src/samples/heldout" --baseline "$tmp/evfold.json" > /dev/null 2>&1
check "eval: the same scores meet their baseline" test $? -eq 0
jq '(.cases[] | select(.kind == "records" and (.name | startswith("lg-"))) | .scores.field_mean.participants) = 1' "$tmp/evfold.json" > "$tmp/better.json"
"$bin" eval --output "$tmp/evout" --gold "$src/samples/heldout" --baseline "$tmp/better.json" > /dev/null 2> "$tmp/base.err"
check "eval: worse than the baseline: exit 3" test $? -eq 3
check "eval: the miss names file, metric and by how much" grep -q "^protokoll eval: lg-2022-05-17.legacy.txt (records): participants 0.875 < the baseline 1 (by 0.125)$" "$tmp/base.err"
find "$tmp/evout" -name 'bun-*.records.json' -delete
"$bin" eval --output "$tmp/evout" --gold "$src/samples/heldout" > /dev/null 2> "$tmp/miss.err"
check "eval: a gold without output is a miss: exit 3" test $? -eq 3
check "eval: the miss is named" grep -q "bun-2023-03-07 (records): no output for" "$tmp/miss.err"
"$bin" eval --output "$src/samples/legacy/000.txt" --gold "$src/samples/legacy/000.gold.txt" --max-wer 0.05 > /dev/null 2>&1
check "eval threshold not met: exit 3" test $? -eq 3

# The same content under two names: processed once, the second said so (in input order).
mkdir -p "$tmp/dup" && cp "$src/samples/legacy/001.txt" "$tmp/dup/a.txt" && cp "$src/samples/legacy/001.txt" "$tmp/dup/b.txt"
"$bin" run "$tmp/dup" > "$tmp/dup.jsonl" 2> "$tmp/dup.err"
check "same content twice: one record, exit 0" bash -c "test $? -eq 0 && test \$(wc -l < '$tmp/dup.jsonl') -eq 1"
check "same content twice: the second named" grep -q "dup/b.txt: skipped: same content as .*dup/a.txt" "$tmp/dup.err"

# --progress=json: one JSON line per input on stderr, whatever became of it; stdout unchanged.
"$bin" run --progress=json "$src/samples/legacy/" "$tmp/dup" > "$tmp/pj.out" 2> "$tmp/pj.err"
check "--progress=json: a line per input, the last finished = total" bash -c "test \$(grep -c '^{' '$tmp/pj.err') -eq 5 && grep '^{' '$tmp/pj.err' | tail -1 | jq -e '.finished == 5 and .total == 5 and .eta_seconds == 0' > /dev/null"
check "--progress=json: the duplicate's status is skipped" bash -c "grep '^{' '$tmp/pj.err' | jq -e 'select(.input | endswith(\"b.txt\")) | .status == \"skipped\"' > /dev/null"
check "--progress=json: stdout still the records (dup/ holds two more copies of 001; legacy/ has 000-002)" test "$(wc -l < "$tmp/pj.out")" -eq 3

# segment on clean text, and jq-friendly output.
"$bin" segment "$src/samples/pages/apt-solrosen-2024-02-06.source.txt" > "$tmp/apt.jsonl"
check "segment: date" grep -q '"date":"2024-02-06"' "$tmp/apt.jsonl"
"$bin" run --format json "$src/samples/legacy/000.txt" > "$tmp/array.json"
check "--format json is one array" python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); assert isinstance(v, list) and len(v) == 1' "$tmp/array.json"
"$bin" eval --output "$tmp/array.json" --gold "$src/samples/legacy/000.gold.txt" > /dev/null 2> "$tmp/kind.err"
check "eval: records against a text gold: exit 2, said" bash -c "test $? -eq 2 && grep -q 'is JSON, but its gold' '$tmp/kind.err'"

# Readings are shared between the files of a run; each file must still read as it would alone.
files=("$src/samples/legacy/000.txt" "$src/samples/heldout/lg-2022-05-17.legacy.txt" "$src/samples/legacy/001.txt")
"$bin" repair "${files[@]}" > "$tmp/together.txt"
: > "$tmp/alone.txt"
for f in "${files[@]}"; do
  [ -s "$tmp/alone.txt" ] && printf '\f' >> "$tmp/alone.txt"
  "$bin" repair "$f" >> "$tmp/alone.txt"
done
check "repair of several files = each alone" cmp -s "$tmp/together.txt" "$tmp/alone.txt"

# PROTOKOLL_TIMING reports phases on stderr and leaves stdout as it was.
PROTOKOLL_TIMING=1 "$bin" repair "$src/samples/legacy/001.txt" > "$tmp/timed.txt" 2> "$tmp/timed.err"
"$bin" repair "$src/samples/legacy/001.txt" > "$tmp/untimed.txt"
check "PROTOKOLL_TIMING: stdout unchanged" cmp -s "$tmp/timed.txt" "$tmp/untimed.txt"
check "PROTOKOLL_TIMING: phases on stderr" grep -q "^protokoll: timing: repair candidates" "$tmp/timed.err"

# Options after the verb, did-you-mean, --version after the verb.
"$bin" run --jobs 1 -q "$src/samples/legacy/000.txt" > "$tmp/after.jsonl" 2>&1
check "options after the verb" grep -q '"date":"2021-11-23"' "$tmp/after.jsonl"
# A flag before the verb takes no value: "-q run FILE" is not the verb "FILE".
"$bin" -q run "$src/samples/legacy/000.txt" > "$tmp/before.jsonl" 2>&1
check "flag before the verb" grep -q '"date":"2021-11-23"' "$tmp/before.jsonl"
"$bin" rnu x > /dev/null 2> "$tmp/rnu.err"; code=$?
check "mistyped verb: exit 1" test "$code" -eq 1
check "mistyped verb: did you mean" grep -q "did you mean 'run'" "$tmp/rnu.err"
"$bin" run --jbos 2 x > /dev/null 2> "$tmp/jbos.err"
check "mistyped option: did you mean" grep -q "did you mean '--jobs'" "$tmp/jbos.err"
check "--version after the verb" bash -c "'$bin' run --version | grep -q '^protokoll [0-9]'"

# Hostile text: bytes that look like UTF-8 but are not (F5-F7 leads, surrogates) are decoded
# as a legacy charset and the record is written; a file of mixed UTF-8 and cp1252 lines keeps
# its UTF-8 lines and says so; a few NUL bytes are dropped and said so.
printf 'Protokoll 2024-01-09\nDeltagare: Karin \xf7\xb8\x9a\x8dken, Ola \xed\xa0\x80\n' > "$tmp/hostile.txt"
"$bin" run "$tmp/hostile.txt" > "$tmp/hostile.jsonl" 2> "$tmp/hostile.err"; code=$?
check "not-quite-UTF-8: exit 0" test "$code" -eq 0
check "not-quite-UTF-8: valid JSON with the date" grep -q '"date":"2024-01-09"' "$tmp/hostile.jsonl"
printf 'Protokoll 2024-01-09\nPlats: Rådhuset\nDeltagare: Åsa Öberg\n' > "$tmp/mixed.txt"
printf 'Fr\xe5nvarande: Per Lindstr\xf6m\n' >> "$tmp/mixed.txt"
"$bin" run "$tmp/mixed.txt" > "$tmp/mixed.jsonl" 2> "$tmp/mixed.err"
check "mixed encodings: UTF-8 lines kept" grep -q 'Rådhuset' "$tmp/mixed.jsonl"
check "mixed encodings: cp1252 line decoded" grep -q 'Per Lindström' "$tmp/mixed.jsonl"
check "mixed encodings: warned" grep -q "mixed.txt: warning: mixed encodings: 1 line" "$tmp/mixed.err"
{ printf 'Protokoll 2024-01-09\nPlats: R\xc3\xa5dhuset\0\n'; head -c 2000 "$src/samples/legacy/001.txt"; } > "$tmp/nul.txt"
"$bin" run "$tmp/nul.txt" > "$tmp/nul.jsonl" 2> "$tmp/nul.err"; code=$?
check "a few NULs: read" test "$code" -eq 0 -a -s "$tmp/nul.jsonl"
check "a few NULs: warned" grep -q "nul.txt: warning: 1 NUL byte(s) dropped" "$tmp/nul.err"
# A record with an empty parenthesis in a list (UBSan found lower.back() on "").
printf 'Protokoll 2024-01-09\nDeltagare: (x), ()\n' | "$bin" run - > /dev/null 2>&1
check "empty parenthesis in a list" test $? -eq 0
# --changes to a full disk: non-zero exit and a message.
"$bin" run "$src/samples/legacy/000.txt" --changes /dev/full > /dev/null 2> "$tmp/full.err"; code=$?
check "--changes /dev/full: exit 1" test "$code" -eq 1
check "--changes /dev/full: said" grep -q "/dev/full: cannot write" "$tmp/full.err"
# SIGINT during a batch: what was read is written, exit 130.
mkdir -p "$tmp/many"
for i in $(seq 1 600); do cp "$src/samples/minutes/archive.legacy.txt" "$tmp/many/m$i.txt"; done
"$bin" -j 1 run --per-file "$tmp/many" > "$tmp/int.jsonl" 2> "$tmp/int.err" &
pid=$!
sleep 1.5
kill -INT "$pid"
wait "$pid"; code=$?
check "SIGINT: exit 130" test "$code" -eq 130
check "SIGINT: records of what was read" test "$(grep -c . "$tmp/int.jsonl")" -ge 1
check "SIGINT: valid JSON" json_valid "$tmp/int.jsonl"
check "SIGINT: said" grep -q "interrupted:" "$tmp/int.err"

# Non-minutes files: found in a folder they are skipped with a note (exit 0); named alone
# they are an error (exit 2). The .protokollignore of a folder above a named folder applies.
mkdir -p "$tmp/sidecars"
cp "$src/samples/legacy/000.txt" "$src/samples/legacy/000.gold.json" "$tmp/sidecars/"
"$bin" run "$tmp/sidecars" > "$tmp/sidecars.jsonl" 2> "$tmp/sidecars.err"; code=$?
check "JSON in a folder: exit 0" test "$code" -eq 0
check "JSON in a folder: one record" test "$(grep -c . "$tmp/sidecars.jsonl")" -eq 1
check "JSON in a folder: skipped, said" grep -q "000.gold.json: skipped: is JSON, not minutes text" "$tmp/sidecars.err"
"$bin" run "$tmp/sidecars/000.gold.json" > /dev/null 2> "$tmp/named.err"; code=$?
check "JSON named: exit 2" test "$code" -eq 2
mkdir -p "$tmp/above/below"
cp "$src/samples/legacy/000.txt" "$src/samples/legacy/001.txt" "$tmp/above/below/"
echo "001.txt" > "$tmp/above/.protokollignore"
"$bin" run "$tmp/above/below/" > "$tmp/above.jsonl" 2>&1
check "ignore file of a folder above applies" test "$(grep -c . "$tmp/above.jsonl")" -eq 1

# --out-dir and --manifest: killed with SIGKILL halfway and resumed, the outputs are byte for
# byte those of an uninterrupted run, and each input's last manifest status the same.
mkdir -p "$tmp/batch"
# Enough inputs that the kill lands while the run is still going.
batch=300
for i in $(seq -w 1 $batch); do { cat "$src/samples/legacy/00$((10#$i % 2)).txt"; echo "Bilaga $i"; } > "$tmp/batch/m$i.txt"; done  # distinct: a copy would be skipped as such
printf '\x89PNG\r\n\x1a\nnot an image' > "$tmp/batch/broken.png"
"$bin" -j 1 run --out-dir "$tmp/full" "$tmp/batch" > "$tmp/full.out" 2> "$tmp/full.err"; code=$?
check "out-dir: exit 2 for the broken input" test "$code" -eq 2
check "out-dir: nothing on stdout" test ! -s "$tmp/full.out"
check "out-dir: three files per input" test "$(find "$tmp/full" -name 'm*.txt.*' | wc -l)" -eq $((3 * batch))
check "out-dir: records are a JSON array" python3 -c 'import json,sys; assert isinstance(json.load(open(sys.argv[1])), list)' "$(find "$tmp/full" -name 'm001.txt.records.json')"
check "out-dir: manifest names the failure" grep -q '"status":"failed"' "$tmp/full/manifest.jsonl"
"$bin" -j 1 run --out-dir "$tmp/part" "$tmp/batch" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 1000); do
  test "$(cat "$tmp/part/manifest.jsonl" 2> /dev/null | wc -l)" -ge 5 && break
  sleep 0.01
done
kill -KILL "$pid"; wait "$pid" 2> /dev/null
check "killed: part done" test "$(grep -c '"status":"ok"' "$tmp/part/manifest.jsonl")" -lt $batch
"$bin" -j 1 run --out-dir "$tmp/part" --resume "$tmp/batch" > /dev/null 2> "$tmp/resume.err"
check "resumed: says what was done before" grep -q "done before" "$tmp/resume.err"
check "resumed: outputs byte for byte" diff -r -x manifest.jsonl "$tmp/full" "$tmp/part"
statuses() { python3 -c 'import json,sys
last={}
for l in open(sys.argv[1]):
    e=json.loads(l); last[e["input"]]=e["status"]
print(sorted(last.items()))' "$1"; }
check "resumed: manifest statuses" test "$(statuses "$tmp/full/manifest.jsonl")" = "$(statuses "$tmp/part/manifest.jsonl")"
check "--resume without a manifest: exit 1" bash -c "! '$bin' run --resume '$tmp/batch' > /dev/null 2>&1"

# Shell completions and the man page, from the option definitions; installed by cmake --install.
"$bin" completions bash > "$tmp/c.bash"
check "completions bash: a verb" test "$(bash -c "source '$tmp/c.bash'; COMP_WORDS=(protokoll ru); COMP_CWORD=1; _protokoll; echo \${COMPREPLY[*]}")" = run
check "completions bash: a verb's option after a global one" test "$(bash -c "source '$tmp/c.bash'; COMP_WORDS=(protokoll -j 2 run --out-d); COMP_CWORD=4; _protokoll; echo \${COMPREPLY[*]}")" = --out-dir
check "completions bash: every option of run" bash -c "for o in \$('$bin' run --help | grep -o -- '--[a-z-]*' | sort -u); do grep -q -- \" \$o\" '$tmp/c.bash' || { echo \$o; exit 1; }; done"
for sh in zsh fish; do
  "$bin" completions $sh > "$tmp/c.$sh"
  check "completions $sh: written" grep -q "out-dir" "$tmp/c.$sh"
  if command -v $sh > /dev/null; then check "completions $sh: parses" $sh -n "$tmp/c.$sh"; fi
done
check "completions: an unknown shell is exit 1" bash -c "! '$bin' completions tcsh 2> /dev/null"
"$bin" manpage > "$tmp/protokoll.1"
check "manpage: every verb has a section" bash -c "for v in run ocr repair segment eval report merge-manifests; do grep -q \"^.SS \\\"protokoll \$v\" '$tmp/protokoll.1' || exit 1; done"
check "manpage: exit codes" grep -q '^130, 143$' "$tmp/protokoll.1"
if command -v groff > /dev/null; then
  check "manpage: renders without warnings" bash -c "groff -man -Tutf8 -ww -z '$tmp/protokoll.1' 2>&1 | (! grep .)"
fi
build_dir=$(dirname "$bin")
if [ -f "$build_dir/cmake_install.cmake" ]; then
  cmake --install "$build_dir" --prefix "$tmp/inst" > /dev/null
  check "cmake --install: binary, man page, completions" bash -c "test -x '$tmp/inst/bin/protokoll' && test -f '$tmp/inst/share/man/man1/protokoll.1' && test -f '$tmp/inst/share/bash-completion/completions/protokoll' && test -f '$tmp/inst/share/zsh/vendor-completions/_protokoll' && test -f '$tmp/inst/share/fish/vendor_completions.d/protokoll.fish'"
  check "installed binary finds its data" bash -c "env -u PROTOKOLL_DATA '$tmp/inst/bin/protokoll' -q run '$src/samples/legacy/000.txt' | grep -q 2021-11-23"
fi

echo "$pass passed, $fail failed"
test "$fail" -eq 0
