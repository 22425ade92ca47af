#!/usr/bin/env bash
# Runs the Go benchmarks (BenchmarkMethods, and BenchmarkSMAA when present)
# and the plain numpy versions in scoring/bench on this machine, in one run,
# and prints the numpy/Go time ratio per method and size.
#
#   bash scoring/bench/compare.sh          # full sizes (a few minutes)
#   bash scoring/bench/compare.sh --quick  # small sizes only
#
# It installs Debian's python3-numpy when numpy is missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/../.."
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c 'import numpy' 2>/dev/null; then
	apt-get update -qq && apt-get install -y -qq python3-numpy >/dev/null
fi
quick=""
benchtime=1s
if [ "${1:-}" = "--quick" ]; then
	quick="--quick"
	benchtime=200x
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

filter='BenchmarkMethods'
[ -n "$quick" ] && filter='BenchmarkMethods/.*/(10x8|1000x10)$'
go test ./scoring/ -run '^$' -bench "$filter" -benchtime "$benchtime" -count 1 | tee "$out/go.txt" | grep -E '^Benchmark' || true
"$py" scoring/bench/compare.py $quick | tee "$out/numpy.txt"

smaa_py=""
if [ -f scoring/bench/smaa_numpy.py ] && [ -z "$quick" ]; then
	go test ./scoring/ -run '^$' -bench 'BenchmarkSMAA/wsm/10x8/1000000$' -benchtime 5x -count 1 | tee -a "$out/go.txt" | grep -E '^Benchmark' || true
	smaa_py=$("$py" scoring/bench/smaa_numpy.py | tail -1)
fi

echo
printf '%-12s %-12s %12s %12s %10s\n' method size go_ms numpy_ms numpy/go
while read -r name size ms; do
	ns=$(grep -E "^BenchmarkMethods/$name/$size-[0-9]+ " "$out/go.txt" | awk '{print $3}' | head -1)
	[ -n "$ns" ] || continue
	awk -v n="$name" -v s="$size" -v ns="$ns" -v ms="$ms" \
		'BEGIN { go = ns / 1e6; printf "%-12s %-12s %12.4f %12.4f %9.1fx\n", n, s, go, ms, ms / go }'
done <"$out/numpy.txt"
if [ -n "$smaa_py" ]; then
	ns=$(grep -E '^BenchmarkSMAA/wsm/10x8/1000000-[0-9]+ ' "$out/go.txt" | awk '{print $3}' | head -1)
	ms=$(echo "$smaa_py" | grep -oE '[0-9]+(\.[0-9]+)?' | head -1)
	if [ -n "$ns" ] && [ -n "$ms" ]; then
		awk -v ns="$ns" -v ms="$ms" \
			'BEGIN { go = ns / 1e6; printf "%-12s %-12s %12.4f %12.4f %9.1fx\n", "smaa-wsm", "10x8/1e6", go, ms, ms / go }'
	fi
fi
