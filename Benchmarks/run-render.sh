#!/usr/bin/env bash
# Repeatable rendering benchmark, side by side in one run, on the graph of the synthetic ingest
# corpus (the database run-ingest.sh / run-rank.sh leave in bench-out/):
#
#   (a) the shared-repos view capped at 2,000 nodes, sfdp layout
#   (b) the shared-repos view capped at 300 nodes, dot layout
#
# For each: `papergraph render … --format dot` writes the DOT; then the same DOT is laid out
# and drawn to SVG by the `dot` program (`dot -K<layout> -Tsvg`, process to process) and by
# `papergraph render-dot` (libgvc in-process); finally the whole `papergraph render … --format
# svg` command (load, select, write DOT, layout, SVG). Targets from the rendering issue:
# the in-process render (render-dot --timing) no slower than the `dot` process, the whole command
# under 3x the bare `dot` time. The render-dot process time (start-up included) is shown too.
#
#   Benchmarks/run-render.sh [--papers N] [--seed S] [--runs R] [--skip-build] [--db FILE]
#
#   --papers N      corpus size (default 200000); corpus and database reused when present
#   --seed S        corpus seed (default 1)
#   --runs R        runs of each command (default 7, interleaved); the table shows the median
#   --skip-build    use the release binaries already built
#   --db FILE       benchmark this papergraph database instead
#
# Logs and pictures go to bench-out/render-*. Wall time and peak RSS come from GNU time -v.
set -euo pipefail

papers=200000
seed=1
runs=7
build=1
db=""

usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --papers) papers="${2:?--papers needs a value}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
        --skip-build) build=0; shift ;;
        --db) db="${2:?--db needs a value}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run-render.sh: unknown option '$1'" >&2; usage >&2; exit 64 ;;
    esac
done
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
require_positive_integer run-render.sh --papers "$papers"
require_positive_integer run-render.sh --runs "$runs"

bench_setup
if ! command -v dot >/dev/null; then
    echo "run-render.sh: the dot program is missing (apt-get install graphviz; scripts/setup does it)" >&2
    exit 1
fi

if [[ "$build" -eq 1 ]]; then
    echo "== building release binaries"
    swift build -c release --product papergraph
    [[ -z "$db" ]] && swift build -c release --product papergraph-bench
fi
bin="$(swift build -c release --show-bin-path)"
pg="$bin/papergraph"
if [[ ! -x "$pg" ]]; then
    echo "run-render.sh: $pg is missing; run without --skip-build" >&2
    exit 1
fi

if [[ -z "$db" ]]; then
    db="$out/papergraph-$(label_for "$papers").sqlite"
    synthetic_db "$bin" "$(synthetic_corpus "$bin" "$papers" "$seed")" "$db"
fi
"$pg" stats --db "$db" > "$out/render-stats.out"  # migrates once, outside the timed runs
cat "$db" > /dev/null

rows=()
declare -A wall_of walls_of peak_of

measure_once() {  # measure_once NAME COMMAND... : one run under GNU time, wall and RSS recorded
    local name="$1"
    shift
    local log="$out/render-$name"
    if ! /usr/bin/time -v -o "$log.time" "$@" > "$log.out" 2> "$log.err"; then
        echo "run-render.sh: $name failed; last lines of ${log#$root/}.err:" >&2
        tail -n 20 "$log.err" >&2
        exit 1
    fi
    local w r
    read -r w r _ < <(parse_time "$log.time")
    walls_of["$name"]="${walls_of[$name]:-}$w "
    peak_of["$name"]="$(awk -v a="${peak_of[$name]:-0}" -v b="$r" 'BEGIN { print (b > a ? b : a) }')"
}

summarize() {  # summarize NAME : median wall over the recorded runs, one table row
    local name="$1" median
    median="$(printf '%s\n' ${walls_of[$name]} | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
    wall_of["$name"]="$median"
    rows+=("$(printf '%-36s %9s %12s   %s' "$name" "$median" "${peak_of[$name]}" "${walls_of[$name]}")")
    echo "   $name: median $median s, peak RSS ${peak_of[$name]} MB" >&2
}

# run_case NAME MAX_NODES LAYOUT. The four commands take turns within each run, so a change
# in the machine's load (other jobs) hits all of them alike.
run_case() {
    local name="$1" max="$2" layout="$3"
    local dotfile="$out/render-$name.dot"
    echo "== ($name) shared-repos --max-nodes $max --layout $layout, $runs run(s) each"
    for ((run = 1; run <= runs; run++)); do
        measure_once "$name-papergraph-write-dot" "$pg" render shared-repos --max-nodes "$max" --layout "$layout" \
            --format dot -o "$dotfile" --db "$db"
        measure_once "$name-dot-program" dot -K"$layout" -Tsvg "$dotfile" -o "$out/render-$name-dot.svg"
        measure_once "$name-papergraph-render-dot" "$pg" render-dot "$dotfile" --layout "$layout" --format svg \
            -o "$out/render-$name-pg.svg" --timing
        # The same run's in-process part (parse + layout + render, without process start-up).
        local inside
        inside="$(awk '/in-process parse/ { print $(NF - 1) }' "$out/render-$name-papergraph-render-dot.err")"
        walls_of["$name-render-dot-in-process"]="${walls_of[$name-render-dot-in-process]:-}$inside "
        peak_of["$name-render-dot-in-process"]="-"
        measure_once "$name-papergraph-render-svg" "$pg" render shared-repos --max-nodes "$max" --layout "$layout" \
            --format svg -o "$out/render-$name.svg" --db "$db"
    done
    for step in papergraph-write-dot dot-program papergraph-render-dot render-dot-in-process papergraph-render-svg; do
        summarize "$name-$step"
    done
    local nodes edges
    nodes="$(grep -c '^  *"[^"]*" \[label' "$dotfile" || true)"
    edges="$(grep -c ' -> ' "$dotfile" || true)"
    sizes+=("($name) $nodes nodes, $edges edges in the DOT; SVG $(wc -c < "$out/render-$name-dot.svg") bytes from dot, $(wc -c < "$out/render-$name-pg.svg") from render-dot$(
        cmp -s <(grep -v '^<!-- Generated by' "$out/render-$name-dot.svg") <(grep -v '^<!-- Generated by' "$out/render-$name-pg.svg") && echo ' (same SVG)')")
}

sizes=()
run_case a 2000 sfdp
run_case b 300 dot

echo
echo "== render benchmark: ${db#$root/}; graphviz $(dot -V 2>&1 | awk '{ print $5 }'); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-36s %9s %12s   %s\n' command "wall s" "peak RSS MB" "all runs"
for row in "${rows[@]}"; do echo "$row"; done
for line in "${sizes[@]}"; do echo "$line"; done

echo
status=0
check() {  # check LABEL PASSED
    if [[ "$2" -eq 1 ]]; then echo "   met:    $1"; else echo "   MISSED: $1"; status=1; fi
}
for name in a b; do
    d="${wall_of[$name-dot-program]}" i="${wall_of[$name-render-dot-in-process]}"
    p="${wall_of[$name-papergraph-render-dot]}" w="${wall_of[$name-papergraph-render-svg]}"
    check "($name) papergraph's in-process render no slower than the dot program ($i s vs $d s; whole render-dot process $p s)" \
        "$(awk -v r="$i" -v d="$d" 'BEGIN { print (r <= d) ? 1 : 0 }')"
    check "($name) whole render under 3x dot ($w s vs $d s, $(awk -v w="$w" -v d="$d" 'BEGIN { printf "%.2f", (d > 0 ? w / d : 0) }')x)" \
        "$(awk -v w="$w" -v d="$d" 'BEGIN { print (w < 3 * d) ? 1 : 0 }')"
done
exit "$status"
