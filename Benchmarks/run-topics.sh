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
if ! [[ "$papers" =~ ^[0-9]+$ ]] || [[ "$papers" -eq 0 ]]; then
    echo "run-topics.sh: --papers expects a positive integer, got '$papers'" >&2
    exit 64
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/bench-out"
mkdir -p "$out"

if [[ ! -x /usr/bin/time ]]; then
    echo "== installing GNU time (apt-get install time)"
    if [[ "$(id -u)" -eq 0 ]]; then apt-get install -y time >/dev/null; else sudo apt-get install -y time >/dev/null; fi
fi

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

label_for() {  # 200000 -> 200k
    local n="$1"
    if (( n % 1000000 == 0 )); then echo "$((n / 1000000))m"
    elif (( n % 1000 == 0 )); then echo "$((n / 1000))k"
    else echo "$n"; fi
}
label="$(label_for "$papers")"
corpus="$out/synthetic-$label-seed$seed.jsonl"
db="$out/topics-$label-seed$seed.sqlite"

if [[ -s "$corpus" ]]; then
    echo "== reusing ${corpus#$root/}"
else
    echo "== generating $papers papers (seed $seed) -> ${corpus#$root/}"
    "$bin/papergraph-bench" generate --papers "$papers" --seed "$seed" -o "$corpus" 2> "$out/generate-$label.log"
    head -n 1 "$out/generate-$label.log"
fi

# The database is rebuilt when the corpus is newer than it.
if [[ ! -s "$db" || "$corpus" -nt "$db" ]]; then
    echo "== ingesting into ${db#$root/}"
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    "$bin/papergraph" ingest --quiet --db "$db" "$corpus" > "$out/topics-ingest-$label.out"
fi

# Parses GNU time -v output: prints "<wall seconds> <peak RSS MiB>".
parse_time() {
    awk -F': ' '
        /Elapsed \(wall clock\) time/ {
            n = split($2, part, ":")
            wall = (n == 3) ? part[1] * 3600 + part[2] * 60 + part[3] : part[1] * 60 + part[2]
        }
        /Maximum resident set size/ { rss = $2 / 1024 }
        END { printf "%.2f %.1f\n", wall, rss }
    ' "$1"
}

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
    read -r wall peak < <(parse_time "$log.time")
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
