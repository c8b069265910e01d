#!/usr/bin/env bash
# The bad-input batch (issue "Production runs"): tests/bad/make-inputs writes 46 inputs of 41
# kinds an archive holds (empty, truncated, corrupt and random images and PDFs, decompression
# bombs, an encrypted PDF, binary and gzip named .txt, UTF-16 with and without a BOM, cp1252,
# invalid UTF-8, NULs, a 10 MB line, a FIFO, a device, symlink loops, odd names); they run as
# one batch beside good inputs. Checks: no crash, no hang, exit 2; every unusable input one line
# on stderr naming it and a manifest entry with the reason; nothing else on stderr but warnings;
# the good inputs' outputs byte for byte those of a run without the bad ones; peak memory under
# 1 GiB with a 60000x60000 bomb in the batch; then a full disk, a closed pipe and a missing
# dictionary.
# Usage: tests/bad/batch.sh path/to/protokoll path/to/source-tree
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { local name=$1; shift; if "$@"; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi; }

python3 "$src/tests/bad/make-inputs" "$tmp/bad" "$src/samples" > "$tmp/expect.tsv" || { echo "FAIL make-inputs"; exit 1; }
good=("$src/samples/legacy/000.txt" "$src/samples/pages/ks-au-2023-03-14.png")
kinds=$(wc -l < "$tmp/expect.tsv")
check "at least 30 kinds of bad input ($kinds inputs)" test "$kinds" -ge 30

/usr/bin/time -f %M -o "$tmp/peak-kb" timeout 600 "$bin" -q run --out-dir "$tmp/out" "$tmp/bad" "${good[@]}" \
  > "$tmp/stdout" 2> "$tmp/stderr"
code=$?
check "batch: exit 2 (no crash, no hang: exit $code)" test "$code" -eq 2
check "batch: nothing on stdout with --out-dir" test ! -s "$tmp/stdout"
check "batch: every stderr line is protokoll's own (no library noise)" bash -c "! grep -v '^protokoll: ' '$tmp/stderr'"
peak=$(($(tail -1 "$tmp/peak-kb") / 1024))
echo "     peak memory ${peak} MiB"
check "batch: peak memory ${peak} MiB < 1024 MiB" test "$peak" -lt 1024

# Every input: its manifest entry's status as expected; each unusable one named on exactly one
# stderr line that is not a warning.
python3 - "$tmp" <<'PY' || fail=$((fail + 1))
import json, sys
tmp = sys.argv[1]
expect = {}
for line in open(f"{tmp}/expect.tsv", encoding="utf-8", errors="surrogateescape"):
    name, status = line.rstrip("\n").split("\t")
    if name.startswith("'"):
        name = eval(name)  # repr() of a name with a newline or undecodable bytes
    expect[name] = status
entries = {}
for line in open(f"{tmp}/out/manifest.jsonl", encoding="utf-8"):
    e = json.loads(line)
    entries[e["input"]] = e
stderr = open(f"{tmp}/stderr", encoding="utf-8", errors="replace").read().splitlines()
failures = [l for l in stderr if ": warning: " not in l]
bad = 0
def shown(name):  # the manifest and stderr show undecodable bytes as U+FFFD
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
for name, status in expect.items():
    path = shown(f"{tmp}/bad/{name}")
    e = entries.get(path)
    got = e["status"] if e else "no manifest entry"
    named = [l for l in failures if l.startswith(f"protokoll: {path}: ")]
    ok = got == status and (len(named) == 1) == (status == "failed") and (status != "failed" or e.get("error"))
    if status == "ok":
        ok = ok and e.get("meetings", 0) >= 1
    print(("ok   " if ok else "FAIL ") + f"{name!r}: {got}" + (f" ({e.get('error')})" if e and e.get("error") else ""))
    bad += not ok
print(("ok   " if len(failures) == sum(s == "failed" for s in expect.values()) else "FAIL ") +
      f"one stderr line per unusable input ({len(failures)})")
bad += len(failures) != sum(s == "failed" for s in expect.values())
print(("ok   " if len(entries) == len(expect) + 2 else "FAIL ") + f"a manifest entry per input ({len(entries)})")
bad += len(entries) != len(expect) + 2
sys.exit(1 if bad else 0)
PY
# The good inputs' outputs are what a run of them alone writes.
"$bin" -q run --out-dir "$tmp/alone" "${good[@]}" > /dev/null 2>&1
check "good inputs: outputs identical to a run without the bad ones" \
  diff -r "$tmp/alone${src}/samples" "$tmp/out${src}/samples"
check "no temporary files left" test -z "$(find "$tmp/out" -name '*.tmp*' -o -name '.protokoll-*')"

# A full disk: writing fails with a message and an exit code, and leaves no partial output.
"$bin" -q run "${good[0]}" > /dev/full 2> "$tmp/full.err"
code=$?
check "stdout on a full disk: exit non-zero ($code), said" bash -c "test $code -ne 0 && grep -q 'No space\|cannot write' '$tmp/full.err'"
(ulimit -f 4; exec "$bin" -q run --out-dir "$tmp/small" "${good[@]}" "$src/samples/legacy/001.txt") > /dev/null 2> "$tmp/fsize.err"
code=$?
check "a file size limit: exit non-zero ($code), said" bash -c "test $code -ne 0 && test -s '$tmp/fsize.err'"
check "a file size limit: no partial output left" python3 - "$tmp/small" <<'PY'
import json, os, sys
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        p = os.path.join(root, f)
        assert ".tmp" not in f, p
        if f.endswith(".records.json"):
            json.load(open(p))
        if f.endswith(".jsonl"):
            for line in open(p):
                json.loads(line)
PY
# A closed pipe (`| head`): a quiet exit.
"$bin" -q run "$src/samples/legacy" 2> "$tmp/pipe.err" | head -c 10 > /dev/null
check "SIGPIPE into head: nothing on stderr" test ! -s "$tmp/pipe.err"
# A missing dictionary: exit 1 with the fix.
PROTOKOLL_DATA="$tmp/no-such-dir" "$bin" -q run "${good[0]}" > /dev/null 2> "$tmp/nodict.err"
code=$?
check "missing dictionaries: exit 1 ($code)" test "$code" -eq 1
check "missing dictionaries: says what to do" grep -q "PROTOKOLL_DATA\|install" "$tmp/nodict.err"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
