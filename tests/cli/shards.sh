#!/usr/bin/env bash
# The GNU parallel recipe of docs/scale-out.md, on localhost (--sshlogin :) with 4 shards: the
# union of the shards' outputs equals one plain run's, byte for byte, the merged manifest has
# every input with the same status and content hash, and every input is in exactly one shard.
# Usage: tests/cli/shards.sh path/to/protokoll path/to/source-tree
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
command -v parallel > /dev/null || { echo "GNU parallel is not installed (tools/install-deps): skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { local name=$1; shift; if "$@"; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi; }
cd "$tmp"
# A batch of texts, a scan, a two-page TIFF, a duplicate and inputs that fail.
mkdir -p in/bad
cp "$src"/samples/legacy/0*[0-9].txt "$src"/samples/heldout/*.legacy.txt "$src"/samples/minutes/dev/0*.legacy.txt in/
cp "$src"/samples/pages/ks-au-2023-03-14.png "$src"/samples/pages/two-pages.tif in/
cp in/000.txt in/copy-of-000.txt
: > in/bad/empty.txt
head -c 3000 "$src"/samples/pages/ks-au-2023-03-14.png > in/bad/truncated.png
printf 'not \x00 text' > in/bad/binary.txt
"$bin" -q run --out-dir single in > /dev/null 2> single.err
check "the plain run: exit 2 (bad inputs named)" test $? -eq 2
# The recipe, as docs/scale-out.md gives it (there with --sshlogin host1,host2 and a shared folder).
parallel --joblog jobs.log --sshlogin : "'$bin' -q -j 1 run --shard {}/4 --out-dir sharded in > /dev/null" ::: 1 2 3 4 2> shards.err
check "the 4 shards ran, each exit 0 or 2 (its share of the bad inputs)" bash -c "test \$(awk 'NR > 1 && (\$7 == 0 || \$7 == 2)' jobs.log | wc -l) -eq 4"
"$bin" merge-manifests sharded/manifest.*-of-4.jsonl --inputs in > merged.jsonl 2> merge.err
check "merge-manifests: exit 2, the 3 failures named" bash -c "test $? -eq 2 && test \$(grep -c ': failed: ' merge.err) -eq 3"
check "merge-manifests: nothing missing" grep -q ", 0 missing$" merge.err
check "every shard left a manifest" test "$(ls sharded/manifest.*-of-4.jsonl | wc -l)" -eq 4
check "each input in exactly one shard" bash -c "test \$(cat sharded/manifest.*-of-4.jsonl | jq -r .input | sort | uniq -d | wc -l) -eq 0"
check "the outputs are the same files, byte for byte" diff -r -x 'manifest*.jsonl' single sharded
status() { jq -r '[.input, .status, .sha256 // "-", ((.outputs // []) | map(sub("^[^/]*/"; "")) | join(","))] | @tsv' "$1" | sort; }
check "the merged manifest: same inputs, statuses, hashes and outputs" diff <(status single/manifest.jsonl) <(status merged.jsonl)
check "the shards did the work between them" test "$(ls sharded/in/*.records.json | wc -l)" -eq "$(ls single/in/*.records.json | wc -l)"
"$bin" run --shard 5/4 in > /dev/null 2> bad-shard.err
check "--shard 5/4: exit 1, said" bash -c "test $? -eq 1 && grep -q 'does not exist' bad-shard.err"
env -u SLURM_ARRAY_TASK_ID JOB_COMPLETION_INDEX=2 PROTOKOLL_SHARD_COUNT=4 "$bin" -q run --shard auto --out-dir k8s in > /dev/null 2>&1
check "--shard auto from a Kubernetes Indexed Job index (0-based) is shard 3/4" cmp <(jq -r .input k8s/manifest.3-of-4.jsonl | sort) <(jq -r .input sharded/manifest.3-of-4.jsonl | sort)
SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_MIN=6 SLURM_ARRAY_TASK_COUNT=4 "$bin" -q run --shard auto --out-dir slurm in > /dev/null 2>&1
check "--shard auto from a Slurm array task (ids 6..9) is shard 2/4" cmp <(jq -r .input slurm/manifest.2-of-4.jsonl | sort) <(jq -r .input sharded/manifest.2-of-4.jsonl | sort)
echo "$pass passed, $fail failed"
test "$fail" -eq 0
