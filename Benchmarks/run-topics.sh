#!/usr/bin/env bash
# Topics benchmark: `papergraph topics` (keyphrases, then categories) on the deterministic
# synthetic corpus, timed with GNU time (wall clock and peak RSS of the whole process).
#
#   Benchmarks/run-topics.sh [--papers N] [--seed S] [--skip-build]
#
#   --papers N     corpus size (default 200000); the issue's target is < 30 s and < 2 GB
#   --seed S       corpus seed (default 1)
#   --skip-build   use the release binaries already built
#
# Reuses bench-out/synthetic-<N>-seed<S>.jsonl (what Benchmarks/run-ingest.sh writes) when it
# is there, and the ingested bench-out/topics-<N>.sqlite when it was made from that corpus.
# Logs: bench-out/topics-<run>.{out,err,time}.
set -euo pipefail

papers=200000
seed=1
build=1

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --papers) papers="${2:?--papers needs a value}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
        --skip-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run-topics.sh: unknown option '$1'" >&2; usage >&2; exit 64 ;;
    esac
done
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
require_positive_integer run-topics.sh --papers "$papers"

bench_setup

if [[ "$build" -eq 1 ]]; then
    echo "== building release binaries"
    swift build -c release --product papergraph
    swift build -c release --product papergraph-bench
fi
bin="$(swift build -c release --show-bin-path)"
for tool in papergraph papergraph-bench; do
    if [[ ! -x "$bin/$tool" ]]; then
        echo "run-topics.sh: $bin/$tool is missing; run without --skip-build" >&2
        exit 1
    fi
done

label="$(label_for "$papers")"
db="$out/topics-$label-seed$seed.sqlite"
synthetic_db "$bin" "$(synthetic_corpus "$bin" "$papers" "$seed")" "$db"

rows=()
measure() {  # measure NAME COMMAND...
    local name="$1"
    shift
    local log="$out/topics-$name-$label"
    echo "== $name"
    if ! /usr/bin/time -v -o "$log.time" "$@" > "$log.out" 2> "$log.err"; then
        echo "run-topics.sh: $name failed; last lines of ${log#$root/}.err:" >&2
        tail -n 20 "$log.err" >&2
        exit 1
    fi
    sed 's/^/   /' "$log.err" | tail -n 2
    head -n 8 "$log.out" | sed 's/^/   /'
    local wall peak
    read -r wall peak _ < <(parse_time "$log.time")
    rows+=("$(printf '%-24s %9s %9s %13s' "$name" "$papers" "$wall" "$peak")")
}

cat "$db" > /dev/null  # from the page cache, like a second run
measure keyphrases "$bin/papergraph" topics --db "$db" --recompute --labels 3 --targets 2
measure keyphrases-stored "$bin/papergraph" topics --db "$db" --labels 3 --targets 2
measure categories "$bin/papergraph" topics --db "$db" --topics categories --recompute --labels 3 --targets 2
measure render-topics "$bin/papergraph" render topics --db "$db" --format dot -o "$out/topics-$label.dot"

echo
echo "== topics benchmark (seed $seed, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
printf '%-24s %9s %9s %13s\n' run papers seconds "peak RSS MB"
for row in "${rows[@]}"; do echo "$row"; done
