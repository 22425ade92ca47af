package placement

import (
	"bytes"
	_ "embed" // for the default benchmarks
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

//go:embed benchmarks.yaml
var benchmarksYAML []byte

// Benchmarks is a set of published peer figures that a recommendation
// sets the organisation against: team size by company size and maturity,
// posting staff, budget by maturity, the share of firms with a dedicated
// team, in-house against agency, and how common each operating model and
// home department is. Every row names its source. [DefaultBenchmarks] is
// the embedded set; a consultant can load their own with
// [ReadBenchmarks].
type Benchmarks struct {
	Name       string      `json:"name" yaml:"name"`             // Name names the set ("socialseat-benchmarks").
	Version    string      `json:"version" yaml:"version"`       // Version versions the set.
	Benchmarks []Benchmark `json:"benchmarks" yaml:"benchmarks"` // Benchmarks are the rows, in the order they are reported.
}

// Benchmark is one published peer figure and the profiles it applies to.
type Benchmark struct {
	ID string `json:"id" yaml:"id"` // ID identifies the row ("team-size-1000-4999").
	// Topic is what is compared, in the client's words.
	Topic string `json:"topic" yaml:"topic"`
	// Measure is the profile fact the row compares; see [Measure].
	Measure Measure `json:"measure" yaml:"measure"`
	// Employees and Maturity bound the profiles the row applies to, as
	// [min, max]; 0 is an open end, and an empty range applies to all.
	Employees []int `json:"employees,omitempty" yaml:"employees,omitempty"`
	Maturity  []int `json:"maturity,omitempty" yaml:"maturity,omitempty"` // Maturity bounds the maturity (1–5) the row applies to, like Employees.
	// Model and Home select the operating model or home department whose
	// share an operating-model or home row gives.
	Model OperatingModel        `json:"model,omitempty" yaml:"model,omitempty"`
	Home  touchpoint.Department `json:"home,omitempty" yaml:"home,omitempty"` // Home is the home department of a home row.
	// Peers is the published figure as the client reads it.
	Peers string `json:"peers" yaml:"peers"`
	// Value is the figure as a number; Low and High the range read as "in
	// line with peers" (High 0: no upper end). Units depend on Measure.
	Value float64 `json:"value" yaml:"value"`
	Low   float64 `json:"low,omitempty" yaml:"low,omitempty"`   // Low is the low end of "in line with peers" (0: none).
	High  float64 `json:"high,omitempty" yaml:"high,omitempty"` // High is the high end of "in line with peers" (0: none).
	// Evidence, Source, URL and Year cite the figure.
	Evidence Evidence `json:"evidence" yaml:"evidence"`
	Source   string   `json:"source" yaml:"source"`                 // Source cites the publication.
	URL      string   `json:"url,omitempty" yaml:"url,omitempty"`   // URL links to the source, if it has a link.
	Year     int      `json:"year,omitempty" yaml:"year,omitempty"` // Year is the year of the figure.
}

// Measure is the profile fact a [Benchmark] compares.
type Measure int

// Measures.
const (
	MeasureSocialStaff    Measure = iota + 1 // social_staff, in FTE
	MeasureBudgetLevel                       // budget_level, on the 1–5 scale
	MeasureDedicatedTeam                     // whether anyone works on social full time (share of firms)
	MeasureSourcing                          // today's sourcing or agency stance (share of firms)
	MeasureOperatingModel                    // today's operating model (share of firms)
	MeasureHome                              // today's home department (share of firms)
	MeasurePostingStaff                      // employees per authorised poster
)

var measureNames = []string{"", "social-staff", "budget-level", "dedicated-team", "sourcing", "operating-model", "home", "posting-staff"}

// String returns the measure's token ("social-staff", …).
func (m Measure) String() string { return enumString("Measure", measureNames, int(m)) }

// MarshalText implements encoding.TextMarshaler; it fails for the zero value.
func (m Measure) MarshalText() ([]byte, error) { return enumMarshal("measure", measureNames, int(m)) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseMeasure].
func (m *Measure) UnmarshalText(b []byte) error {
	v, err := ParseMeasure(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// ParseMeasure parses a measure token; an unknown token gives an error
// wrapping [ErrUnknownName].
func ParseMeasure(s string) (Measure, error) {
	v, err := enumParse("measure", measureNames, s)
	return Measure(v), err
}

// DefaultBenchmarks returns a fresh copy of the embedded peer figures.
func DefaultBenchmarks() *Benchmarks {
	b, err := ReadBenchmarks(bytes.NewReader(benchmarksYAML))
	if err != nil {
		panic("placement: embedded benchmarks are invalid: " + err.Error()) // tested
	}
	return b
}

// ReadBenchmarks reads peer benchmarks (YAML or JSON, decoded strictly
// like a profile) and validates them: unique IDs, a topic, a measure, the
// figure in words, a source and evidence kind for every row, ranges of two
// non-negative numbers with min ≤ max, finite numbers, and Low ≤ Value ≤
// High where both ends are given. The error joins a [*FieldError] per
// problem.
func ReadBenchmarks(r io.Reader) (*Benchmarks, error) {
	return readFile[Benchmarks](r)
}

// Validate checks b; see [ReadBenchmarks].
func (b *Benchmarks) Validate() error {
	var errs []error
	add := func(path, value string, err error) { errs = append(errs, fieldErr(path, value, err)) }
	if strings.TrimSpace(b.Name) == "" {
		add("name", "", ErrMissing)
	}
	if len(b.Benchmarks) == 0 {
		add("benchmarks", "", ErrMissing)
	}
	seen := map[string]bool{}
	for i, r := range b.Benchmarks {
		path := "benchmarks[" + strconv.Itoa(i) + "]"
		if r.ID == "" {
			add(path+".id", "", ErrMissing)
		} else if seen[r.ID] {
			add(path+".id", r.ID, fmt.Errorf("%w: duplicate id", ErrRange))
		}
		seen[r.ID] = true
		for _, f := range []struct{ name, v string }{{"topic", r.Topic}, {"peers", r.Peers}, {"source", r.Source}} {
			if strings.TrimSpace(f.v) == "" {
				add(path+"."+f.name, "", ErrMissing)
			}
		}
		if r.Measure < MeasureSocialStaff || r.Measure > MeasurePostingStaff {
			add(path+".measure", "", ErrMissing)
		}
		if r.Evidence == 0 {
			add(path+".evidence", "", ErrMissing)
		}
		for _, rg := range []struct {
			name string
			v    []int
		}{{"employees", r.Employees}, {"maturity", r.Maturity}} {
			if len(rg.v) == 0 {
				continue
			}
			if len(rg.v) != 2 || rg.v[0] < 0 || rg.v[1] < 0 || (rg.v[1] != 0 && rg.v[0] > rg.v[1]) {
				add(path+"."+rg.name, fmt.Sprint(rg.v), fmt.Errorf("%w: want [min, max], 0 for an open end", ErrRange))
			}
		}
		for _, x := range []float64{r.Value, r.Low, r.High} {
			if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				add(path+".value", fmt.Sprint(x), ErrRange)
			}
		}
		if (r.Low != 0 && r.Value < r.Low) || (r.High != 0 && r.Value > r.High) {
			add(path+".value", fmt.Sprint(r.Value), fmt.Errorf("%w: outside [low, high]", ErrRange))
		}
		if r.Measure == MeasureOperatingModel && r.Model == 0 {
			add(path+".model", "", ErrMissing)
		}
		if r.Measure == MeasureHome && r.Home == "" {
			add(path+".home", "", ErrMissing)
		}
	}
	return joinErrs(errs)
}

func inRange(rg []int, v int) bool {
	if len(rg) != 2 {
		return true
	}
	return v >= rg[0] && (rg[1] == 0 || v <= rg[1])
}

// Standing says where the profile stands against a peer figure.
type Standing int

// Standings.
const (
	NotCompared Standing = iota // the profile does not state the fact, or the row only informs
	Below                       // below the peers' range
	InLine                      // within the peers' range
	Above                       // above the peers' range
)

var standingNames = []string{"not-compared", "below", "in-line", "above"}

// String returns "not-compared", "below", "in-line" or "above".
func (s Standing) String() string { return enumString("Standing", standingNames, int(s)) }

// MarshalText implements encoding.TextMarshaler.
func (s Standing) MarshalText() ([]byte, error) {
	return enumMarshal("standing", standingNames, int(s))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Standing) UnmarshalText(b []byte) error {
	v, err := enumParse("standing", standingNames, string(b))
	if err == nil {
		*s = Standing(v)
	}
	return err
}

// Comparison is one "you / peers / source" row.
type Comparison struct {
	ID       string   `json:"id"`       // ID is the benchmark row's ID.
	Topic    string   `json:"topic"`    // Topic is what is compared, in the client's words.
	You      string   `json:"you"`      // You is what the profile says.
	Peers    string   `json:"peers"`    // Peers is the published figure.
	Standing Standing `json:"standing"` // Standing says where the profile stands against it.
	// Note explains a standing that differs from another row's on the
	// same figure: a team below organisations of its size can be above
	// programmes at its maturity stage, whose survey spans every size
	// over 1,000 employees. Empty when there is nothing to reconcile.
	Note   string `json:"note,omitempty"`
	Source string `json:"source"`         // Source cites the publication.
	URL    string `json:"url,omitempty"`  // URL links to the source, if it has a link.
	Year   int    `json:"year,omitempty"` // Year is the year of the figure.
}

// Compare returns the rows of b that apply to p (by head count and
// maturity, with defaults filled in), in b's order, each with what p says,
// the peers' figure and where p stands. Operating-model and home rows
// apply only to the profile's current structure. A recommendation
// compares at the maturity level of its stage diagnosis rather than the
// stated one, the stage its maturity section names; a row chosen by
// maturity says which stage in its topic. Where the team is below the
// peers of its size and above those of its stage, or the other way round,
// the stage's row carries a note that says so.
func (b *Benchmarks) Compare(p Profile) []Comparison {
	p = p.WithDefaults()
	return b.compare(p, p.Maturity)
}

func (b *Benchmarks) compare(p Profile, maturity int) []Comparison {
	out := make([]Comparison, 0, len(b.Benchmarks))
	for _, r := range b.Benchmarks {
		if !inRange(r.Employees, p.Employees) || !inRange(r.Maturity, maturity) {
			continue
		}
		c := Comparison{ID: r.ID, Topic: r.Topic, Peers: r.Peers, Source: r.Source, URL: r.URL, Year: r.Year}
		if len(r.Maturity) == 2 {
			c.Topic += " (stage " + strconv.Itoa(maturity) + " of 5)"
		}
		switch r.Measure {
		case MeasureSocialStaff:
			c.You = formatFTE(p.SocialStaff) + " FTE"
			c.Standing = standing(p.SocialStaff, r.Low, r.High)
		case MeasureBudgetLevel:
			c.You = fmt.Sprintf("budget level %d of 5 against peers", p.BudgetLevel)
			c.Standing = standing(float64(p.BudgetLevel), r.Low, r.High)
		case MeasureDedicatedTeam:
			if p.SocialStaff >= 1 {
				c.You = "yes (" + formatFTE(p.SocialStaff) + " FTE)"
			} else {
				c.You = "no"
			}
		case MeasureSourcing:
			if p.Current != nil {
				c.You = sourcingToday[p.Current.Sourcing]
			} else {
				c.You = agencyToday[p.Agency]
			}
		case MeasureOperatingModel:
			if p.Current == nil || p.Current.Model != r.Model {
				continue
			}
			c.You = "organised this way today: " + modelToday[r.Model]
		case MeasureHome:
			if p.Current == nil || p.Current.Home != r.Home {
				continue
			}
			c.You = "your core team sits in " + homeLabel(r.Home) + " today"
		case MeasurePostingStaff:
			c.You = "not asked (peers of your size: about " + thousands(max(1, int(math.Round(float64(p.Employees)/r.Value)))) + ")"
		}
		out = append(out, c)
	}
	reconcile(out, b.Benchmarks)
	return out
}

// reconcile notes, on a team row chosen by maturity stage, a standing
// that differs from the row chosen by size alone: both are true, against
// different peers, and the client should not have to guess why.
func reconcile(out []Comparison, rows []Benchmark) {
	measure := make(map[string]Benchmark, len(rows))
	for _, r := range rows {
		measure[r.ID] = r
	}
	size := -1
	for i, c := range out {
		r := measure[c.ID]
		if r.Measure == MeasureSocialStaff && len(r.Maturity) == 0 && c.Standing != NotCompared {
			size = i
			break
		}
	}
	if size < 0 {
		return
	}
	for i := range out {
		c := &out[i]
		r := measure[c.ID]
		if r.Measure != MeasureSocialStaff || len(r.Maturity) == 0 || c.Standing == NotCompared || c.Standing == out[size].Standing {
			continue
		}
		c.Note = "the same team is " + standingWords[out[size].Standing] + " organisations of your size and " +
			standingWords[c.Standing] + " programmes at your stage, which the survey counts at every size over 1,000 employees"
	}
}

// standingWords says a standing before "organisations …" or "programmes …".
var standingWords = [...]string{NotCompared: "not compared with", Below: "below", InLine: "in line with", Above: "above"}

// sourcingToday, agencyToday and modelToday say the profile's sourcing,
// agency stance and operating model in the client's words.
var (
	sourcingToday = map[Sourcing]string{InHouse: "in-house today", Hybrid: "in-house staff and an agency today", Agency: "an agency does the work today"}
	agencyToday   = map[AgencyStance]string{AgencyNone: "in-house only (agencies ruled out)", AgencyCurrent: "an agency works for you today", AgencyOpen: "no agency today, open to one"}
	modelToday    = map[OperatingModel]string{Organic: "no central team", Centralized: "one central team",
		HubAndSpoke: "a hub-and-spoke centre of excellence", Dandelion: "several hubs, each with its own spokes",
		Honeycomb: "every employee enabled by a small centre"}
)

func standing(x, low, high float64) Standing {
	switch {
	case low != 0 && x < low:
		return Below
	case high != 0 && x > high:
		return Above
	}
	return InLine
}

// Clone returns a deep copy of b.
func (b *Benchmarks) Clone() *Benchmarks {
	c := *b
	c.Benchmarks = make([]Benchmark, len(b.Benchmarks))
	for i, r := range b.Benchmarks {
		r.Employees = slices.Clone(r.Employees)
		r.Maturity = slices.Clone(r.Maturity)
		c.Benchmarks[i] = r
	}
	return &c
}
