#!/usr/bin/env bash
# Repeatable analysis benchmark, side by side in one run: the whole `papergraph rank --algo
# pagerank --top 20` process against Python scripts doing the same with python-igraph and
# networkx (Benchmarks/analysis/pagerank_*.py: read the edges from the same SQLite file, build
# the graph, PageRank, print the top 20), then `papergraph communities` (louvain, leiden) and,
# with --all, every other analysis command, on the graph of the synthetic ingest corpus.
#
#   Benchmarks/run-rank.sh [--papers N] [--seed S] [--runs R] [--all] [--exact-betweenness]
#                          [--no-networkx] [--skip-build] [--db FILE]
#
#   --papers N      corpus size (default 200000); the corpus and database of run-ingest.sh
#                   (bench-out/synthetic-<N>-seed<S>.jsonl, bench-out/papergraph-<N>.sqlite)
#                   are reused when present, else generated and ingested here
#   --seed S        corpus seed (default 1)
#   --runs R        runs of each command (default 3); the table shows the median wall time
#                   and the largest peak RSS
#   --all           also time rank hits/degree/betweenness/personalized, components,
#                   related, shared-repos --pairs and code-trend (one run each)
#   --exact-betweenness  also time exact betweenness just under its 50,000-node limit (the
#                   graph of a 35,000-paper corpus: 49,746 nodes), generated and ingested here
#   --no-networkx   skip the networkx baseline (about 15 s a run)
#   --skip-build    use the release binaries already built
#   --db FILE       benchmark this database instead of the synthetic one
#
# Logs go to bench-out/rank-*.{out,err,time}. Wall time and peak RSS come from GNU time -v,
# the same way for every tool. The top-20 lists of the three PageRank runs are compared
# (Benchmarks/analysis/compare_top.py); the script fails if they disagree.
set -euo pipefail

papers=200000
seed=1
runs=3
all=0
exact=0
networkx=1
build=1
db=""

usage() { sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --papers) papers="${2:?--papers needs a value}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
        --all) all=1; shift ;;
        --exact-betweenness) exact=1; shift ;;
        --no-networkx) networkx=0; shift ;;
        --skip-build) build=0; shift ;;
        --db) db="${2:?--db needs a value}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run-rank.sh: unknown option '$1'" >&2; usage >&2; exit 64 ;;
    esac
done
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
require_positive_integer run-rank.sh --papers "$papers"
require_positive_integer run-rank.sh --runs "$runs"

bench_setup
# Benchmark-only Python dependencies; the product never needs them.
python_modules=(igraph)
[[ "$networkx" -eq 1 ]] && python_modules+=(networkx)
for module in "${python_modules[@]}"; do
    if ! python3 -c "import $module" 2>/dev/null; then
        package="$module"
        [[ "$module" == igraph ]] && package=python-igraph
        echo "== installing $package for the baseline (pip, benchmark only)"
        python3 -m pip install --quiet --break-system-packages "$package"
    fi
done

if [[ "$build" -eq 1 ]]; then
    echo "== building release binaries"
    swift build -c release --product papergraph
    if [[ -z "$db" || "$exact" -eq 1 ]]; then swift build -c release --product papergraph-bench; fi
fi
bin="$(swift build -c release --show-bin-path)"
if [[ ! -x "$bin/papergraph" ]]; then
    echo "run-rank.sh: $bin/papergraph is missing; run without --skip-build" >&2
    exit 1
fi

if [[ -z "$db" ]]; then
    db="$out/papergraph-$(label_for "$papers").sqlite"
    synthetic_db "$bin" "$(synthetic_corpus "$bin" "$papers" "$seed")" "$db"
fi
if [[ ! -s "$db" ]]; then
    echo "run-rank.sh: no database at $db" >&2
    exit 1
fi
# Open it once read-write so any schema migration happens before the timed runs.
"$bin/papergraph" stats --db "$db" > "$out/rank-stats.out"

rows=()
declare -A wall_of

# measure NAME RUNS COMMAND... : runs under GNU time RUNS times; records median wall, max RSS.
measure() {
    local name="$1" count="$2"
    shift 2
    local log="$out/rank-$name" walls=() peak=0 user="" sys=""
    for ((run = 1; run <= count; run++)); do
        if ! /usr/bin/time -v -o "$log.time" "$@" > "$log.out" 2> "$log.err"; then
            echo "run-rank.sh: $name failed; last lines of ${log#$root/}.err:" >&2
            tail -n 20 "$log.err" >&2
            exit 1
        fi
        local w r u s
        read -r w r u s < <(parse_time "$log.time")
        walls+=("$w")
        peak="$(awk -v a="$peak" -v b="$r" 'BEGIN { print (b > a ? b : a) }')"
        user="$u" sys="$s"
    done
    local median
    median="$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
    wall_of["$name"]="$median"
    rows+=("$(printf '%-34s %9s %9s %8s %12s   %s' "$name" "$median" "$user" "$sys" "$peak" "$(printf '%s ' "${walls[@]}")")")
    echo "   $name: median ${median} s over $count run(s), peak RSS ${peak} MB" >&2
}

pg="$bin/papergraph"
cat "$db" > /dev/null  # every tool reads from the page cache

echo "== PageRank top 20, $runs run(s) each"
measure papergraph-rank "$runs" "$pg" rank --algo pagerank --top 20 --db "$db"
"$pg" rank --algo pagerank --top 20 --db "$db" --format jsonl > "$out/rank-papergraph.top"
measure python-igraph "$runs" python3 Benchmarks/analysis/pagerank_igraph.py "$db" --top 20
cp "$out/rank-python-igraph.out" "$out/rank-igraph.top"
if [[ "$networkx" -eq 1 ]]; then
    measure python-networkx "$runs" python3 Benchmarks/analysis/pagerank_networkx.py "$db" --top 20
    cp "$out/rank-python-networkx.out" "$out/rank-networkx.top"
fi

echo "== communities, $runs run(s) each"
measure communities-louvain "$runs" "$pg" communities --algo louvain --db "$db"
measure communities-leiden "$runs" "$pg" communities --algo leiden --db "$db"

if [[ "$all" -eq 1 ]]; then
    echo "== other analyses, one run each"
    seed_paper="$("$pg" rank --algo degree --kinds paper --top 1 --db "$db" --format csv | awk -F, 'NR == 2 { print $2 }')"
    measure rank-personalized 1 "$pg" rank --algo personalized --seed "$seed_paper" --db "$db"
    measure rank-hits 1 "$pg" rank --algo hits --db "$db"
    measure rank-degree 1 "$pg" rank --algo degree --db "$db"
    measure rank-betweenness-256 1 "$pg" rank --algo betweenness --samples 256 --db "$db"
    measure components 1 "$pg" components --db "$db"
    measure related 1 "$pg" related "$seed_paper" --db "$db"
    measure shared-repos-pairs 1 "$pg" shared-repos --pairs --db "$db"
    measure code-trend 1 "$pg" code-trend --db "$db"
fi

if [[ "$exact" -eq 1 ]]; then
    small_db="$out/papergraph-35k.sqlite"
    synthetic_db "$bin" "$(synthetic_corpus "$bin" 35000 "$seed")" "$small_db"
    echo "== exact betweenness on $("$pg" components --db "$small_db" 2>&1 >/dev/null | grep -o '[0-9]* nodes')"
    measure rank-betweenness-exact-35k 1 "$pg" rank --algo betweenness --db "$small_db"
fi

graph_line="$(awk -F'; ' 'NR == 1 { print $1 }' "$out/rank-python-igraph.err")"
echo
echo "== analysis benchmark: ${db#$root/} (${graph_line#igraph * }); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %9s %9s %8s %12s   %s\n' command "wall s" "user s" "sys s" "peak RSS MB" "all runs"
for row in "${rows[@]}"; do echo "$row"; done
echo "(phases inside the Python runs, last run:)"
for tool in igraph $([[ "$networkx" -eq 1 ]] && echo networkx); do
    sed 's/^/   /' "$out/rank-python-$tool.err"
done

echo
status=0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (a > 0 ? b / a : 0) }'; }
check() {  # check LABEL PASSED
    if [[ "$2" -eq 1 ]]; then echo "   met:    $1"; else echo "   MISSED: $1"; status=1; fi
}
pgw="${wall_of[papergraph-rank]}" igw="${wall_of[python-igraph]}"
check "papergraph rank faster than python-igraph ($pgw s vs $igw s, $(ratio "$pgw" "$igw")x)" \
    "$(awk -v a="$pgw" -v b="$igw" 'BEGIN { print (a < b) ? 1 : 0 }')"
if [[ "$networkx" -eq 1 ]]; then
    nxw="${wall_of[python-networkx]}"
    check "papergraph rank >= 10x faster than networkx ($pgw s vs $nxw s, $(ratio "$pgw" "$nxw")x)" \
        "$(awk -v a="$pgw" -v b="$nxw" 'BEGIN { print (b >= 10 * a) ? 1 : 0 }')"
fi
for algo in louvain leiden; do
    w="${wall_of[communities-$algo]}"
    check "communities --algo $algo under 5 s ($w s)" "$(awk -v a="$w" 'BEGIN { print (a < 5) ? 1 : 0 }')"
done
lists=("papergraph=$out/rank-papergraph.top" "igraph=$out/rank-igraph.top")
[[ "$networkx" -eq 1 ]] && lists+=("networkx=$out/rank-networkx.top")
if python3 Benchmarks/analysis/compare_top.py "${lists[@]}" | sed 's/^/   /'; then
    check "the top-20 lists agree" 1
else
    check "the top-20 lists agree" 0
fi
exit "$status"
