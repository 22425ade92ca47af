package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// problemBody writes a score request of m alternatives on n benefit
// criteria with K profiles (none if K is 0) and the given extra keys
// (each ending with a comma). Values spread over 0..999 so that pairs
// differ; profiles decrease from best to worst.
func problemBody(method string, m, n, K int, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"method":%q,%s"criteria":[`, method, extra)
	for j := range n {
		if j > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"c%d","direction":"benefit","weight":1}`, j)
	}
	b.WriteString(`],"matrix":[`)
	for i := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j := range n {
			if j > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%d", (i*7919+j*104729)%1000)
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	if K > 0 {
		classes := K + 1 // mrsort and electre-tri-b: K boundaries
		if method == "flowsort" {
			classes = K - 1 // limiting profiles: K+1 for K classes
		}
		b.WriteString(`,"classes":[`)
		for k := range classes {
			if k > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"k%d"`, k)
		}
		b.WriteString(`],"profiles":[`)
		for k := range K {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			for j := range n {
				if j > 0 {
					b.WriteByte(',')
				}
				fmt.Fprintf(&b, "%g", 1000-float64(k)*1000/float64(K))
			}
			b.WriteByte(']')
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
	return b.String()
}

// reversalWorst is the shape of the longest reversal list: alternatives on
// an anti-diagonal of two criteria and one outlier dominating them all,
// whose removal reverses every pair.
func reversalWorst(m int) string {
	var b strings.Builder
	b.WriteString(`{"method":"wsm","rank_reversal":true,"criteria":[{"name":"x","direction":"benefit","weight":0.6},{"name":"y","direction":"benefit","weight":0.4}],"matrix":[`)
	fmt.Fprintf(&b, "[%d,1]", 10*m)
	for i := 1; i < m; i++ {
		fmt.Fprintf(&b, ",[%d,%d]", i, m-i)
	}
	b.WriteString("]}")
	return b.String()
}

// agreementBody writes k rankings of n alternatives.
func agreementBody(k, n int, coefficients string) string {
	var b strings.Builder
	b.WriteString(`{` + coefficients + `"rankings":[`)
	for r := range k {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%d", 1+(i*(r+1)*7919)%n)
		}
		b.WriteByte(']')
	}
	b.WriteString(`]}`)
	return b.String()
}

// boundCase is a request within the work bounds of the service (see
// maxPairs); edge marks one exactly at a bound, which one more
// alternative, profile or ranking would exceed.
type boundCase struct {
	name, path, body string
	edge             bool
}

// boundCases are requests at the work bounds of the service, each in its
// worst shape, and the long rankings of the boundary-trust review: they
// must all answer 200, each in about a second or less
// (BenchmarkWorkBounds).
func boundCases() []boundCase {
	thr := func(n int) string {
		return `"thresholds":[` + strings.TrimSuffix(strings.Repeat(`{"q":1,"p":5,"v":400},`, n), ",") + `],`
	}
	gauss := func(n int) string {
		return `"preference":[` + strings.TrimSuffix(strings.Repeat(`{"function":"gaussian","s":50},`, n), ",") + `],`
	}
	return []boundCase{
		{"electre1 m=1000 n=1", "/v1/score", problemBody("electre1", 1000, 1, 0, ""), true},
		{"electre1 m=1000 n=10", "/v1/score", problemBody("electre1", 1000, 10, 0, ""), true},
		{"promethee1 m=1000 n=1", "/v1/score", problemBody("promethee1", 1000, 1, 0, ""), true},
		{"promethee1 m=1000 n=10", "/v1/score", problemBody("promethee1", 1000, 10, 0, gauss(10)), true},
		{"electre3 m=1000 n=1", "/v1/score", problemBody("electre3", 1000, 1, 0, thr(1)), true},
		{"electre3 m=1000 n=10", "/v1/score", problemBody("electre3", 1000, 10, 0, thr(10)), true},
		{"promethee2 gaussian m=1000 n=10", "/v1/score", problemBody("promethee2", 1000, 10, 0, gauss(10)), true},
		{"gaia gaussian m=1000 n=10", "/v1/score", problemBody("gaia", 1000, 10, 0, gauss(10)), true},
		{"mrsort m=1000 K=1000 n=1", "/v1/score", problemBody("mrsort", 1000, 1, 1000, ""), true},
		{"mrsort m=1000 K=100 n=100", "/v1/score", problemBody("mrsort", 1000, 100, 100, ""), true},
		{"electre-tri-b m=1000 K=1000 n=1", "/v1/score", problemBody("electre-tri-b", 1000, 1, 1000, thr(1)), true},
		{"electre-tri-b m=1000 K=100 n=100", "/v1/score", problemBody("electre-tri-b", 1000, 100, 100, thr(100)), true},
		{"flowsort m=1000 K=249 n=1", "/v1/score", problemBody("flowsort", 1000, 1, 249, ""), true},
		{"flowsort m=250 K=99 n=200", "/v1/score", problemBody("flowsort", 250, 200, 99, ""), true},
		{"flowsort gaussian m=10 K=999 n=1", "/v1/score", problemBody("flowsort", 10, 1, 999, gauss(1)), true},
		{"rank_reversal m=500 n=2", "/v1/score", reversalWorst(500), true},
		{"rank_reversal topsis m=500 n=20", "/v1/score", problemBody("topsis", 500, 20, 0, `"rank_reversal":true,`), true},
		{"agreement k=223 c=5 N=1", "/v1/agreement", agreementBody(223, 1, ""), true},
		{"agreement k=100 c=5 N=100", "/v1/agreement", agreementBody(100, 100, ""), true},
		{"agreement k=2 c=1 N=60000", "/v1/agreement", agreementBody(2, 60000, `"coefficients":["goodman_kruskal"],`), false},
		{"agreement k=100 c=1 N=500", "/v1/agreement", agreementBody(100, 500, `"coefficients":["kendall"],`), true},
	}
}

// BenchmarkWorkBounds measures the requests at the service's work bounds:
// each should take about a second or less on one core.
func BenchmarkWorkBounds(b *testing.B) {
	h := newHandler(nil)
	for _, tc := range boundCases() {
		b.Run(strings.ReplaceAll(tc.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, tc.path, strings.NewReader(tc.body)))
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %.300s", rec.Code, rec.Body.String())
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size), "response-B")
			b.ReportMetric(float64(len(tc.body)), "body-B")
		})
	}
}
