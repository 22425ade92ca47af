package placement_test

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/socialseat/socialseat/placement"
	"github.com/socialseat/socialseat/scoring"
)

// sweepProfiles yields n profiles varied from the three test profiles by
// their size and priority, deterministically.
func sweepProfiles(n int) iter.Seq[placement.Profile] {
	base := []placement.Profile{startup(), multinational(), bank()}
	return func(yield func(placement.Profile) bool) {
		for i := range n {
			p := base[i%len(base)]
			p.Name = fmt.Sprintf("%s %d", p.Name, i)
			p.Employees += i % 997
			p.SocialPriority = 1 + i%5
			if !yield(p) {
				return
			}
		}
	}
}

// TestRecommendAllMatchesRecommend checks that a sweep yields, in input
// order, exactly what one Recommend call per profile gives, including the
// error of an invalid profile, with one worker and with several.
func TestRecommendAllMatchesRecommend(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	ctx := context.Background()
	profiles := slices.Collect(sweepProfiles(40))
	profiles[7].Employees = -3 // invalid
	var want []*placement.Recommendation
	var wantErr []error
	for _, p := range profiles {
		rec, err := r.Recommend(ctx, p)
		want, wantErr = append(want, rec), append(wantErr, err)
	}
	require.Error(t, wantErr[7])
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		i := 0
		for rec, err := range r.RecommendAll(ctx, slices.Values(profiles)) {
			if wantErr[i] != nil {
				assert.EqualError(t, err, wantErr[i].Error(), "profile %d", i)
			} else {
				require.NoError(t, err, "profile %d", i)
				assert.Equal(t, want[i], rec, "profile %d with %d workers", i, procs)
			}
			i++
		}
		runtime.GOMAXPROCS(old)
		assert.Equal(t, len(profiles), i)
	}
}

// TestRecommendAllStops checks that breaking out of the loop and
// cancelling the context both end the sweep promptly.
func TestRecommendAllStops(t *testing.T) {
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	n := 0
	for _, err := range r.RecommendAll(context.Background(), sweepProfiles(1_000_000)) {
		require.NoError(t, err)
		if n++; n == 5 {
			break
		}
	}
	assert.Equal(t, 5, n)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n = 0
	var last error
	start := time.Now()
	for _, err := range r.RecommendAll(ctx, sweepProfiles(1_000_000)) {
		n++
		last = err
		if n == 10 {
			cancel()
		}
	}
	assert.True(t, errors.Is(last, context.Canceled), "last error %v", last)
	assert.Less(t, n, 1000)
	assert.Less(t, time.Since(start), 30*time.Second)
}

// TestShortlistMatchesRecommend checks that a shortlist holds exactly
// the weights and the head of the ranking that Recommend gives, less the
// explanations, for the default options, a non-additive method, more
// detail than candidates and replaced candidates, and that ShortlistAll
// yields them in input order, errors included, with one worker and with
// several.
func TestShortlistMatchesRecommend(t *testing.T) {
	base, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	ctx := context.Background()
	profiles := slices.Collect(sweepProfiles(30))
	profiles[4].Employees = -3 // invalid
	profiles[5].Agency = placement.AgencyNone
	profiles[6].Weights = map[placement.Criterion]float64{placement.Cost: 2, placement.Agility: 1}
	for name, o := range map[string]placement.Options{
		"default":    {},
		"topsis":     {Method: scoring.TOPSIS{}, Detail: 5},
		"all":        {Detail: 1000},
		"candidates": {Candidates: base.Candidates()[10:14], Detail: 2},
	} {
		r := base.WithOptions(o)
		for _, procs := range []int{1, 4} {
			old := runtime.GOMAXPROCS(procs)
			i := 0
			for sl, err := range r.ShortlistAll(ctx, slices.Values(profiles)) {
				rec, wantErr := r.Recommend(ctx, profiles[i])
				if wantErr != nil {
					assert.EqualError(t, err, wantErr.Error(), "%s: profile %d", name, i)
					assert.Nil(t, sl)
					i++
					continue
				}
				require.NoError(t, err, "%s: profile %d", name, i)
				one, err := r.Shortlist(ctx, profiles[i])
				require.NoError(t, err)
				assert.Equal(t, one, sl, "%s: profile %d: Shortlist and ShortlistAll", name, i)
				want := &placement.Shortlist{Weights: rec.Weights, Candidates: len(rec.Ranking)}
				detail := min(cmp.Or(o.Detail, 3), len(rec.Ranking))
				for _, e := range rec.Ranking[:detail] {
					e.Strengths, e.Weaknesses, e.RACI = nil, nil, nil
					want.Top = append(want.Top, e)
				}
				assert.Equal(t, want, sl, "%s: profile %d with %d workers", name, i, procs)
				i++
			}
			runtime.GOMAXPROCS(old)
			assert.Equal(t, len(profiles), i, name)
		}
	}
}

// BenchmarkRecommendAll sweeps 100,000 profiles on all cores and reports
// recommendations per second (target: at least 20,000 on 2 cores), with the
// collector at its default pace (gogc=100) and at a pace a program that
// runs large sweeps may set (gogc=1000, set for the sub-benchmark and
// restored), for full recommendations (RecommendAll) and for shortlists
// (ShortlistAll). A recommendation leaves ~80 KB of garbage and keeps
// almost nothing live, so at the default pace the collector runs hundreds
// of times a second and its fixed costs, not the recommendations, limit a
// 2-core sweep; a shortlist leaves about a quarter of that.
func BenchmarkRecommendAll(b *testing.B) {
	r, err := placement.NewRecommender(placement.Config{})
	if err != nil {
		b.Fatal(err)
	}
	const n = 100_000
	for _, kind := range []string{"recommend", "shortlist"} {
		for _, gogc := range []int{100, 1000} {
			b.Run(fmt.Sprintf("%s/gogc=%d", kind, gogc), func(b *testing.B) {
				defer debug.SetGCPercent(debug.SetGCPercent(gogc))
				b.ReportAllocs()
				for b.Loop() {
					if kind == "recommend" {
						for _, err := range r.RecommendAll(b.Context(), sweepProfiles(n)) {
							if err != nil {
								b.Fatal(err)
							}
						}
						continue
					}
					for _, err := range r.ShortlistAll(b.Context(), sweepProfiles(n)) {
						if err != nil {
							b.Fatal(err)
						}
					}
				}
				b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "recs/s")
			})
		}
	}
}

// A sweep over head counts that wants only the leading structure and its
// staffing for each size: ShortlistAll ranks each profile as Recommend
// would, on every core, and yields the outcomes in the input order.
func ExampleRecommender_ShortlistAll() {
	r, err := placement.NewRecommender(placement.Config{Options: placement.Options{Detail: 1}})
	if err != nil {
		panic(err)
	}
	sizes := []int{40, 400, 4000, 40000}
	profiles := func(yield func(placement.Profile) bool) {
		for _, n := range sizes {
			p := placement.Profile{Name: fmt.Sprint(n, " employees"), Employees: n, Countries: 1 + n/5000, SocialStaff: float64(n) / 1000}
			if !yield(p) {
				return
			}
		}
	}
	i := 0
	for sl, err := range r.ShortlistAll(context.Background(), profiles) {
		if err != nil {
			panic(err)
		}
		top := sl.Top[0]
		fmt.Printf("%d employees: %s, about %.1f FTE (of %d ranked)\n", sizes[i], top.Structure.ID(), top.Staffing.FTE, sl.Candidates)
		i++
	}
	// Output:
	// 40 employees: cen-com-ae-in, about 0.3 FTE (of 110 ranked)
	// 400 employees: cen-com-ae-in, about 1.1 FTE (of 110 ranked)
	// 4000 employees: hs-mkt-ad-in, about 4.3 FTE (of 110 ranked)
	// 40000 employees: hs-mkt-ad-hy, about 26.4 FTE (of 110 ranked)
}

// A shortlist a tool stores as JSON decodes back to an equal value,
// strictly.
func TestShortlistJSONRoundTrip(t *testing.T) {
	t.Parallel()
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(t, err)
	for name, o := range map[string]placement.Options{
		"default":           {},
		"topsis, detail 5":  {Method: scoring.TOPSIS{}, Detail: 5},
		"vikor, lower wins": {Method: scoring.VIKOR{V: 0.3}, Detail: 2},
	} {
		for i, p := range slices.Collect(sweepProfiles(6)) {
			want, err := r.WithOptions(o).Shortlist(t.Context(), p)
			require.NoError(t, err)
			data, err := json.Marshal(want)
			require.NoError(t, err)
			var got placement.Shortlist
			require.NoError(t, json.Unmarshal(data, &got), "%s %d: %s", name, i, data)
			assert.Empty(t, gocmp.Diff(want, &got, cmpopts.EquateEmpty()), "%s %d", name, i)
			again, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, string(data), string(again))
		}
	}

	sl, err := r.Shortlist(t.Context(), slices.Collect(sweepProfiles(1))[0])
	require.NoError(t, err)
	data, err := json.Marshal(sl)
	require.NoError(t, err)
	s := string(data)
	assert.True(t, strings.HasPrefix(s, `{"weights":{`), s[:40])
	bad := map[string]string{
		"unknown key":       strings.Replace(s, `"candidates":`, `"extra":1,"candidates":`, 1),
		"missing key":       strings.Replace(s, `,"candidates":110`, ``, 1),
		"null count":        strings.Replace(s, `"candidates":110`, `"candidates":null`, 1),
		"trailing data":     s + `{}`,
		"key case":          strings.Replace(s, `"top":`, `"Top":`, 1),
		"fewer than listed": strings.Replace(s, `"candidates":110`, `"candidates":1`, 1),
	}
	require.Contains(t, s, `"candidates":110`)
	for name, in := range bad {
		var got placement.Shortlist
		require.Error(t, json.Unmarshal([]byte(in), &got), name)
		err := got.UnmarshalJSON([]byte(in)) // the strict path itself, past encoding/json's syntax check
		require.Error(t, err, name)
		var fe *placement.FieldError
		assert.True(t, errors.As(err, &fe), "%s: %v is not a FieldError", name, err)
	}
}

// FuzzShortlistJSON: any input either decodes to a shortlist that
// round-trips, or fails with a *FieldError wrapping a sentinel and leaves
// the target alone.
func FuzzShortlistJSON(f *testing.F) {
	r, err := placement.NewRecommender(placement.Config{})
	require.NoError(f, err)
	for _, o := range []placement.Options{{Detail: 1}, {Method: scoring.TOPSIS{}, Detail: 2}} {
		sl, err := r.WithOptions(o).Shortlist(f.Context(), slices.Collect(sweepProfiles(1))[0])
		require.NoError(f, err)
		data, err := json.Marshal(sl)
		require.NoError(f, err)
		f.Add(data)
		f.Add([]byte(strings.Replace(string(data), `"fte":`, `"fte":null,"x":`, 1)))
	}
	f.Add([]byte(`{"weights":{},"top":[],"candidates":0}`))
	sentinels := []error{placement.ErrSyntax, placement.ErrMissing, placement.ErrRange, placement.ErrUnknownName}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got placement.Shortlist
		if err := got.UnmarshalJSON(data); err != nil {
			var fe *placement.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *FieldError: %v", err, err)
			}
			if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			if got.Top != nil || got.Candidates != 0 {
				t.Fatalf("a failed decode changed the target")
			}
			return
		}
		again, err := json.Marshal(got)
		if err != nil {
			return // decoded as written, not validated: it need not marshal
		}
		var back placement.Shortlist
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatalf("decoding the re-encoded shortlist: %v", err)
		}
		if d := gocmp.Diff(&got, &back, cmpopts.EquateEmpty()); d != "" {
			t.Fatalf("round trip differs (-first +again):\n%s", d)
		}
	})
}
