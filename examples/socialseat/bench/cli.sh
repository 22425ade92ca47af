#!/usr/bin/env bash
# Times `socialseat score` on a large problem through the command line, as
# a user runs it: TOPSIS and WSM, from a CSV table (--matrix, spec from -f)
# and from a JSON request (-f), three runs each. It prints, per case, the
# minimum and median wall time, the median CPU time (user+sys, steadier on
# a shared machine) and the largest peak RSS (GNU time's %M), with the
# machine's load before and after. Runnable by hand, not in CI:
#
#   bash examples/socialseat/bench/cli.sh            # 1000000 x 10
#   bash examples/socialseat/bench/cli.sh 100000     # fewer rows
#
# The inputs are generated once into ${TMPDIR:-/tmp}/socialseat-clibench
# (about 100 MB each at 1e6 rows), never into the repository. The matrix
# itself is rows*10*8 bytes (80 MB at 1e6); the target is peak RSS at most
# three times that and TOPSIS within 1.0 s on an idle 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rows=${1:-1000000}
timebin=/usr/bin/time
[ -x "$timebin" ] || { echo "needs GNU time at $timebin" >&2; exit 2; }
dir=${TMPDIR:-/tmp}/socialseat-clibench
mkdir -p "$dir"
go build -o "$dir/socialseat" ./examples/socialseat

crit='{"name":"c1","direction":"benefit","weight":1},{"name":"c2","direction":"benefit","weight":2},{"name":"c3","direction":"cost","weight":3},{"name":"c4","direction":"benefit","weight":4},{"name":"c5","direction":"benefit","weight":5},{"name":"c6","direction":"cost","weight":6},{"name":"c7","direction":"benefit","weight":7},{"name":"c8","direction":"benefit","weight":8},{"name":"c9","direction":"cost","weight":9},{"name":"c10","direction":"benefit","weight":10}'
csv="$dir/table-$rows.csv"
if [ ! -s "$csv" ]; then
	# Values in (0, 10000] with three decimals, a fixed seed.
	awk -v m="$rows" 'BEGIN {
		srand(1); printf "alternative"; for (j = 1; j <= 10; j++) printf ",c%d", j; printf "\n";
		for (i = 1; i <= m; i++) { printf "alt-%d", i;
			for (j = 1; j <= 10; j++) printf ",%.3f", 0.001 + int(rand() * 9999999) / 1000; printf "\n" } }' > "$csv.tmp"
	mv "$csv.tmp" "$csv"
fi
for method in topsis wsm; do
	echo "{\"method\":\"$method\",\"criteria\":[$crit]}" > "$dir/spec-$method.json"
	js="$dir/request-$method-$rows.json"
	if [ ! -s "$js" ]; then
		{
			printf '{"method":"%s","criteria":[%s],\n"alternatives":[' "$method" "$crit"
			awk -F, 'NR > 1 { printf "%s\"%s\"", (NR > 2 ? "," : ""), $1 }' "$csv"
			printf '],\n"matrix":[\n'
			awk -F, 'NR > 1 { printf "%s[", (NR > 2 ? ",\n" : ""); for (j = 2; j <= NF; j++) printf "%s%s", (j > 2 ? "," : ""), $j; printf "]" }' "$csv"
			printf '\n]}\n'
		} > "$js.tmp"
		mv "$js.tmp" "$js"
	fi
done

# stats prints min and median of column 1, median of column 2 and max of
# column 3 of "wall cpu rss" lines.
stats() {
	awk '{ w[NR] = $1; c[NR] = $2; if ($3 > r) r = $3 }
		END {
			for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) {
				if (w[j] < w[i]) { t = w[i]; w[i] = w[j]; w[j] = t }
				if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
			}
			m = int((NR + 1) / 2)
			printf "%8.2f %8.2f %8.2f %8d\n", w[1], w[m], c[m], r / 1024
		}'
}
uptime
printf '%-7s %-5s %8s %8s %8s %8s\n' method input min_s median_s cpu_s rss_MB
for method in topsis wsm; do
	for input in csv json; do
		if [ "$input" = csv ]; then
			args=(score --matrix "$csv" -f "$dir/spec-$method.json")
		else
			args=(score -f "$dir/request-$method-$rows.json")
		fi
		for run in 1 2 3; do
			"$timebin" -f '%e %U %S %M' -o "$dir/time.txt" "$dir/socialseat" "${args[@]}" > /dev/null
			awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$dir/time.txt"
		done | stats | awk -v m="$method" -v i="$input" '{ printf "%-7s %-5s %s\n", m, i, $0 }'
	done
done
uptime
