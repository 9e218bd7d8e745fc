#!/usr/bin/env bash
# Repeatable ingest benchmark: `papergraph ingest` against the plain Python `re` + `sqlite3`
# baseline (Benchmarks/baseline/ingest_baseline.py) on the same deterministic synthetic corpus.
#
#   Benchmarks/run-ingest.sh [--papers N] [--seed S] [--large] [--no-baseline] [--no-papergraph]
#                            [--no-reference-run] [--skip-build]
#
#   --papers N          corpus size for the side-by-side run (default 200000)
#   --seed S            corpus seed (default 1); same N and seed give a byte-identical corpus
#   --large             also ingest 1,000,000 papers, to check that peak RSS stays flat with size
#   --no-baseline       time papergraph only
#   --no-papergraph     time the Python baseline only
#   --no-reference-run  skip the extra papergraph run without reference resolution
#   --skip-build        use the release binaries already built
#
# papergraph runs with --timings (its phases are printed at the end), and once more at the main
# size with reference resolution switched off (PAPERGRAPH_BENCH_NO_REFERENCES=1), so that what
# resolution adds to ingest time is measured, not estimated.
#
# Everything goes to bench-out/ (git-ignored): corpora, databases, and per-run logs
# (<run>.out = tool output, <run>.err = its stderr, <run>.time = GNU time -v report).
# Wall time and peak RSS come from GNU time, the same way for both tools.
set -euo pipefail

papers=200000
seed=1
large=0
baseline=1
papergraph=1
reference_run=1
build=1

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --papers) papers="${2:?--papers needs a value}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
        --large) large=1; shift ;;
        --no-baseline) baseline=0; shift ;;
        --no-papergraph) papergraph=0; shift ;;
        --no-reference-run) reference_run=0; shift ;;
        --skip-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run-ingest.sh: unknown option '$1'" >&2; usage >&2; exit 64 ;;
    esac
done
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
require_positive_integer run-ingest.sh --papers "$papers"

bench_setup

if [[ "$build" -eq 1 ]]; then
    echo "== building release binaries"
    if [[ "$papergraph" -eq 1 ]]; then swift build -c release --product papergraph; fi
    swift build -c release --product papergraph-bench
fi
bin="$(swift build -c release --show-bin-path)"
for tool in papergraph-bench $([[ "$papergraph" -eq 1 ]] && echo papergraph); do
    if [[ ! -x "$bin/$tool" ]]; then
        echo "run-ingest.sh: $bin/$tool is missing; run without --skip-build" >&2
        exit 1
    fi
done

# generate N → prints the corpus path; the generator's report goes to the terminal.
generate() {
    local n="$1"
    local corpus="$out/synthetic-$(label_for "$n")-seed$seed.jsonl"
    echo "== generating $n papers (seed $seed) -> ${corpus#$root/}" >&2
    "$bin/papergraph-bench" generate --papers "$n" --seed "$seed" -o "$corpus" 2> "$out/generate-$(label_for "$n").log"
    head -n 1 "$out/generate-$(label_for "$n").log" >&2
    echo "$corpus"
}


rows=()
declare -A rate rss seconds

# measure NAME N LOGPREFIX COMMAND... : runs under GNU time, records a table row.
measure() {
    local name="$1" n="$2" log="$3"
    shift 3
    echo "== $name: $n papers" >&2
    if ! /usr/bin/time -v -o "$log.time" "$@" > "$log.out" 2> "$log.err"; then
        echo "run-ingest.sh: $name failed; last lines of ${log#$root/}.err:" >&2
        tail -n 20 "$log.err" >&2
        exit 1
    fi
    sed 's/^/   /' "$log.out" | tail -n 5 >&2
    local wall peak
    read -r wall peak _ _ < <(parse_time "$log.time")
    local per_second
    per_second="$(awk -v n="$n" -v s="$wall" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')"
    rows+=("$(printf '%-18s %9s %9s %11s %13s' "$name" "$n" "$wall" "$per_second" "$peak")")
    rate["$name/$n"]="$per_second"
    rss["$name/$n"]="$peak"
    seconds["$name/$n"]="$wall"
}

fresh_db() {  # removes a database and its WAL side files, prints its path
    rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
    echo "$1"
}

run_pair() {
    local n="$1" corpus="$2" label
    label="$(label_for "$n")"
    cat "$corpus" > /dev/null  # both tools read from the page cache, not the disk
    if [[ "$papergraph" -eq 1 ]]; then
        local pg_db
        pg_db="$(fresh_db "$out/papergraph-$label.sqlite")"
        measure papergraph "$n" "$out/papergraph-$label" "$bin/papergraph" ingest --timings --db "$pg_db" "$corpus"
        if [[ "$reference_run" -eq 1 && "$n" -eq "$papers" ]]; then
            local bare_db
            bare_db="$(fresh_db "$out/papergraph-norefs-$label.sqlite")"
            measure papergraph-norefs "$n" "$out/papergraph-norefs-$label" \
                env PAPERGRAPH_BENCH_NO_REFERENCES=1 "$bin/papergraph" ingest --timings --db "$bare_db" "$corpus"
        fi
    fi
    if [[ "$baseline" -eq 1 ]]; then
        local py_db
        py_db="$(fresh_db "$out/baseline-$label.sqlite")"
        measure python-re "$n" "$out/baseline-$label" \
            python3 "$root/Benchmarks/baseline/ingest_baseline.py" --db "$py_db" "$corpus"
    fi
}

corpus="$(generate "$papers")"
run_pair "$papers" "$corpus"
if [[ "$large" -eq 1 && "$papers" -ne 1000000 ]]; then
    large_corpus="$(generate 1000000)"
    run_pair 1000000 "$large_corpus"
fi

echo
echo "== ingest benchmark (seed $seed, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
printf '%-18s %9s %9s %11s %13s\n' tool papers seconds papers/s "peak RSS MB"
for row in "${rows[@]}"; do echo "$row"; done

ratio_line() {  # ratio_line N
    local n="$1" pg="${rate[papergraph/$1]:-}" py="${rate[python-re/$1]:-}"
    if [[ -n "$pg" && -n "$py" && "$py" -gt 0 ]]; then
        awk -v a="$pg" -v b="$py" -v n="$n" \
            'BEGIN { printf "speed ratio at %d papers: papergraph / python-re = %.2fx\n", n, a / b }'
    fi
}
ratio_line "$papers"
with_refs="${seconds[papergraph/$papers]:-}" without_refs="${seconds[papergraph-norefs/$papers]:-}"
if [[ -n "$with_refs" && -n "$without_refs" ]]; then
    awk -v a="$with_refs" -v b="$without_refs" -v n="$papers" 'BEGIN {
        printf "reference resolution adds %.0f %% to papergraph ingest time at %d papers (%.2f s with, %.2f s without)\n", (a / b - 1) * 100, n, a, b
    }'
fi
if [[ "$large" -eq 1 ]]; then
    ratio_line 1000000
    small="${rss[papergraph/$papers]:-}" big="${rss[papergraph/1000000]:-}"
    if [[ -n "$small" && -n "$big" ]]; then
        awk -v s="$small" -v b="$big" -v n="$papers" \
            'BEGIN { printf "papergraph peak RSS: %.1f MB at %d papers, %.1f MB at 1000000 (x%.2f for %.0fx the papers)\n", s, n, b, b / s, 1000000 / n }'
    fi
fi

# Where papergraph's time goes (`ingest --timings`): the references rows are the resolution pass
# after the load; the names each paper claims are worked out during the load.
for label in "$(label_for "$papers")" $([[ "$large" -eq 1 && "$papers" -ne 1000000 ]] && echo 1m); do
    if [[ -f "$out/papergraph-$label.err" ]] && grep -q '^timing ' "$out/papergraph-$label.err"; then
        echo
        echo "== papergraph phases ($label)"
        grep '^timing ' "$out/papergraph-$label.err" | sed 's/^timing /   /'
    fi
done

# The same figures from every database, so a fast ingest that stores less is visible at once.
summaries=()
for label in "$(label_for "$papers")" $([[ "$large" -eq 1 ]] && echo 1m); do
    [[ -f "$out/papergraph-$label.sqlite" ]] && summaries+=("papergraph-$label=$out/papergraph-$label.sqlite")
    [[ -f "$out/baseline-$label.sqlite" ]] && summaries+=("python-re-$label=$out/baseline-$label.sqlite")
done
if [[ ${#summaries[@]} -gt 0 ]]; then
    echo
    echo "== stored graph"
    python3 "$root/Benchmarks/baseline/db_summary.py" "${summaries[@]}"
fi
