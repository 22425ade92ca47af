#!/usr/bin/env bash
# Runs the Go benchmarks (BenchmarkMethods, and BenchmarkSMAA when present)
# and the plain numpy versions in scoring/bench on this machine, in one run,
# and prints the numpy/Go time ratio per method and size.
#
#   bash scoring/bench/compare.sh          # full sizes (a few minutes)
#   bash scoring/bench/compare.sh --quick  # small sizes only
#   bash scoring/bench/compare.sh --e2e    # end to end instead (see below)
#   bash scoring/bench/compare.sh --e2e --quick
#
# With --e2e it runs BenchmarkEndToEnd and BenchmarkEndToEndNoCopy three
# times and compare.py --e2e in the same run, for every method at 1000x10
# and 1000000x10 (PROMETHEE II at 2000x10), and prints medians: method,
# size, Go and numpy wall ms and their ratio, Go and numpy CPU ms (all
# threads; steadier on a shared machine) and their ratio, Go's allocations
# and bytes per call; then the same CPU time, ratio and bytes for a Go
# caller who hands a flat slice over with NewProblemNoCopy (nc_*), which,
# like numpy on its ndarray, neither copies the matrix nor converts it.
#
# What each side times, per call, from data already in memory:
#   Go:    NewProblem(nil, criteria, rows) on [][]float64 rows (validation,
#          copy, column summaries; unnamed alternatives) + Method.Rank
#          (weights normalised, scores, ranks, notes; contributions for
#          the additive methods). nc_*: NewProblemNoCopy(nil, criteria,
#          flat) instead (validation and column summaries, no copy).
#   numpy: the method's formula on a float64 ndarray already in memory
#          (np.asarray of it is a no-op: no copy, no validation, no names)
#          + a stable argsort to ranks.
# Neither side converts data from another representation. Numpy has no
# names; Go's result carries the default names A1…Am (a prefix of one
# shared read-only table up to 8192 alternatives, built per problem
# beyond: at 1e6 rows, 23 MB), work numpy does not do and that stays in
# the Go time. At 1e6 rows both sides pay the kernel's first-touch page
# faults for fresh memory: numpy for each 80 MB temporary (glibc serves
# blocks that large with mmap; numpy asks for huge pages where the
# kernel allows, which makes its faults fewer), Go for the copy and the
# result unless its collector recycled freed memory, which makes those
# rows noisy.
#
# Go runs with -cpu 1 (numpy's formulas run on one thread) unless --cpu N
# is given; both sides run under the same nice level.
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
e2e=""
benchtime=1s
cpu=1
want_cpu=""
for arg in "$@"; do
	if [ -n "$want_cpu" ]; then
		cpu="$arg"
		want_cpu=""
		continue
	fi
	case "$arg" in
	--cpu) want_cpu=1 ;;
	--quick)
		quick="--quick"
		benchtime=200x
		;;
	--e2e) e2e="--e2e" ;;
	*)
		echo "usage: $0 [--quick] [--e2e] [--cpu N]" >&2
		exit 2
		;;
	esac
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ -n "$e2e" ]; then
	# Interleave the two: Go, numpy, Go, numpy, Go, so that a change in the
	# machine's load hits both. The large sizes run a fixed 5 calls: with
	# -benchtime 1s a call of more than a second would be timed once, with
	# the first touch of its fresh memory in it.
	for round in 1 2 3; do
		nice -n 10 go test ./scoring/ -run '^$' -bench 'BenchmarkEndToEnd(NoCopy)?/.*/(1000|2000)x10$' -benchtime "$benchtime" -count 1 -cpu "$cpu" | tee -a "$out/go.txt" | grep -E '^Benchmark' || true
		[ -n "$quick" ] || nice -n 10 go test ./scoring/ -run '^$' -bench 'BenchmarkEndToEnd(NoCopy)?/.*/1000000x10$' -benchtime 5x -count 1 -cpu "$cpu" | tee -a "$out/go.txt" | grep -E '^Benchmark' || true
		[ "$round" = 3 ] || nice -n 10 "$py" scoring/bench/compare.py --e2e $quick | tee -a "$out/numpy.txt"
	done
	echo
	printf '%-12s %-12s %10s %10s %9s %10s %10s %9s %7s %9s %9s %10s %9s\n' method size go_ms numpy_ms numpy/go go_cpu_ms np_cpu_ms cpu_ratio allocs B/op nc_cpu_ms nc_ratio nc_B/op
	for name in wsm wpm topsis vikor promethee2 copras edas mabac spotis moora; do
		for size in 1000x10 1000000x10 2000x10; do
			go=$(grep -E "^BenchmarkEndToEnd/$name/$size(-[0-9]+)? " "$out/go.txt" | awk '{print $3}' | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}' || true) 
			allocs=$(grep -E "^BenchmarkEndToEnd/$name/$size(-[0-9]+)? " "$out/go.txt" | awk '{print $(NF-1)}' | sort -g | tail -1 || true)
			np=$(awk -v n="$name" -v s="$size" '$1 == n && $2 == s {print $3}' "$out/numpy.txt" | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}' || true) 
			gocpu=$(grep -E "^BenchmarkEndToEnd/$name/$size(-[0-9]+)? " "$out/go.txt" | awk '{for (i = 1; i < NF; i++) if ($(i+1) == "cpu-ns/op") print $i}' | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}' || true)
			npcpu=$(awk -v n="$name" -v s="$size" '$1 == n && $2 == s && NF > 3 {print $4}' "$out/numpy.txt" | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}' || true)
			bytes=$(grep -E "^BenchmarkEndToEnd/$name/$size(-[0-9]+)? " "$out/go.txt" | awk '{for (i = 1; i < NF; i++) if ($(i+1) == "B/op") print $i}' | sort -g | tail -1 || true)
			nccpu=$(grep -E "^BenchmarkEndToEndNoCopy/$name/$size(-[0-9]+)? " "$out/go.txt" | awk '{for (i = 1; i < NF; i++) if ($(i+1) == "cpu-ns/op") print $i}' | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}' || true)
			ncbytes=$(grep -E "^BenchmarkEndToEndNoCopy/$name/$size(-[0-9]+)? " "$out/go.txt" | awk '{for (i = 1; i < NF; i++) if ($(i+1) == "B/op") print $i}' | sort -g | tail -1 || true)
			[ -n "$go" ] && [ -n "$np" ] || continue
			awk -v n="$name" -v s="$size" -v ns="$go" -v ms="$np" -v al="$allocs" -v gc="${gocpu:-0}" -v nc="${npcpu:-0}" \
				-v by="${bytes:--}" -v ncc="${nccpu:-0}" -v ncb="${ncbytes:--}" \
				'BEGIN { go = ns / 1e6; gcm = gc / 1e6; r = gcm > 0 ? sprintf("%8.1fx", nc / gcm) : "        -";
					nccm = ncc / 1e6; ncr = nccm > 0 ? sprintf("%8.1fx", nc / nccm) : "        -";
					printf "%-12s %-12s %10.3f %10.3f %8.1fx %10.3f %10.3f %s %7s %9s %9.3f %s %9s\n", n, s, go, ms, ms / go, gcm, nc, r, al, by, nccm, ncr, ncb }'
		done
	done
	exit 0
fi

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
	ns=$(grep -E "^BenchmarkMethods/$name/$size(-[0-9]+)? " "$out/go.txt" | awk '{print $3}' | head -1)
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
