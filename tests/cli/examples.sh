#!/usr/bin/env bash
# Every example the program prints in --help, and every `protokoll` command in the README's
# shell blocks, run as written: from a folder that has the repository's samples/, with the
# built binary first on PATH. An example that exits non-zero, or prints nothing on stdout when
# it writes to no file (`>` or `--out-dir`), fails.
# Usage: tests/cli/examples.sh path/to/protokoll path/to/source-tree
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
ln -s "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$tmp/bin/protokoll"
ln -s "$src/samples" "$tmp/samples"
export PATH="$tmp/bin:$PATH"
cd "$tmp"
pass=0 fail=0
examples() {
  # --help of the program and of each verb: the lines of an "Example:" footer, and the top-level
  # help's indented command lines.
  protokoll --help | sed -n 's/^  \(protokoll .*\)$/\1/p' | sed 's/ *# .*$//'
  for v in run ocr repair segment eval report merge-manifests completions manpage; do
    protokoll "$v" --help | sed -n '/^Example:/,$p' | sed -n 's/^  \(protokoll .*\)$/\1/p' | sed 's/ *# .*$//'
  done
  # The README's shell blocks: lines that start with `protokoll`.
  awk '/^```sh/{on=1; next} /^```/{on=0} on && /^protokoll /' "$src/README.md" | sed 's/ *# .*$//'
}
while IFS= read -r cmd; do
  [ -n "$cmd" ] || continue
  out=$(bash -o pipefail -c "$cmd" 2> "$tmp/err")
  code=$?
  if [ $code -eq 0 ] && { [ -n "$out" ] || [[ "$cmd" == *">"* ]] || [[ "$cmd" == *"--out-dir"* ]] || { [[ "$cmd" =~ --out\ ([^ ]+) ]] && [ -f "${BASH_REMATCH[1]}index.html" ]; }; }; then
    pass=$((pass + 1)); echo "ok   $cmd"
  else
    fail=$((fail + 1)); echo "FAIL $cmd (exit $code)"; head -3 "$tmp/err"
  fi
done < <(examples)
echo "$pass passed, $fail failed"
test "$fail" -eq 0 && test "$pass" -gt 5
