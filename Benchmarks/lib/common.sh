# Shared by the Benchmarks/run-*.sh harnesses: sourced, not run. Every harness times whole
# processes the same way (GNU time -v) and shares the synthetic corpus and database files in
# bench-out/, so these pieces live here once.

# bench_setup: cd to the package root and set `root` and `out` (bench-out/, git-ignored).
bench_setup() {
    root="$(cd "$(dirname "${BASH_SOURCE[1]}")/.." && pwd)"
    cd "$root"
    out="$root/bench-out"
    mkdir -p "$out"
    # GNU time gives the peak RSS of the whole process; bash's `time` keyword does not.
    if [[ ! -x /usr/bin/time ]]; then
        echo "== installing GNU time (apt-get install time)" >&2
        if [[ "$(id -u)" -eq 0 ]]; then apt-get install -y time >/dev/null; else sudo apt-get install -y time >/dev/null; fi
    fi
}

# require_positive_integer SCRIPT OPTION VALUE: exits 64 with a message unless VALUE is a
# positive integer.
require_positive_integer() {
    if ! [[ "$3" =~ ^[0-9]+$ ]] || [[ "$3" -eq 0 ]]; then
        echo "$1: $2 expects a positive integer, got '$3'" >&2
        exit 64
    fi
}

# label_for N: 200000 -> 200k, 1000000 -> 1m (the file names every harness uses).
label_for() {
    local n="$1"
    if (( n % 1000000 == 0 )); then echo "$((n / 1000000))m"
    elif (( n % 1000 == 0 )); then echo "$((n / 1000))k"
    else echo "$n"; fi
}

# parse_time FILE: a GNU time -v report -> "<wall s> <peak RSS MiB> <user CPU s> <system CPU s>".
parse_time() {
    awk -F': ' '
        /Elapsed \(wall clock\) time/ {
            n = split($2, part, ":")
            wall = (n == 3) ? part[1] * 3600 + part[2] * 60 + part[3] : part[1] * 60 + part[2]
        }
        /Maximum resident set size/ { rss = $2 / 1024 }
        /User time \(seconds\)/ { user = $2 }
        /System time \(seconds\)/ { sys = $2 }
        END { printf "%.3f %.1f %.2f %.2f\n", wall, rss, user, sys }
    ' "$1"
}

# synthetic_corpus BIN N SEED: prints the path of the deterministic corpus, generating it with
# papergraph-bench when it is not in bench-out/ yet (same N and seed give the same bytes).
synthetic_corpus() {
    local bin="$1" n="$2" seed="$3" label
    label="$(label_for "$n")"
    local corpus="$out/synthetic-$label-seed$seed.jsonl"
    if [[ ! -s "$corpus" ]]; then
        echo "== generating $n papers (seed $seed) -> ${corpus#$root/}" >&2
        "$bin/papergraph-bench" generate --papers "$n" --seed "$seed" -o "$corpus" 2> "$out/generate-$label.log"
        head -n 1 "$out/generate-$label.log" >&2
    fi
    echo "$corpus"
}

# synthetic_db BIN CORPUS DB: ingests CORPUS into DB unless DB already holds exactly that corpus
# (a database left by another seed or an older corpus is rebuilt).
synthetic_db() {
    local bin="$1" corpus="$2" db="$3"
    if [[ -s "$db" && ! "$corpus" -nt "$db" ]] && python3 -c 'import sqlite3, sys
paths = [row[0] for row in sqlite3.connect(sys.argv[1]).execute("SELECT path FROM source")]
sys.exit(0 if any(p.endswith(sys.argv[2]) for p in paths) else 1)' "$db" "$(basename "$corpus")" 2>/dev/null; then
        return 0
    fi
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    echo "== ingesting ${corpus#$root/} -> ${db#$root/}" >&2
    "$bin/papergraph" ingest --quiet --db "$db" "$corpus" > "$db.ingest.out"
}
