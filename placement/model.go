package placement

import (
	"bytes"
	_ "embed" // for the default model
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/socialseat/socialseat/touchpoint"
)

//go:embed model.yaml
var defaultModelYAML []byte

// Model is the calibration that turns a profile into a decision problem:
// how each structure performs on each criterion given the profile, and how
// the profile sets the default criterion weights. It is plain data — every
// number is a [Coefficient] with its rationale, evidence kind and source —
// so it can be copied, compared with go-cmp, serialised, and replaced by a
// consultant's own file ([ReadModel]) without recompiling.
//
// How the coefficients are used is documented in the package doc
// ("The model"). Coefficient IDs follow these patterns:
//
//	model.<model>.<criterion>       base performance of an operating model (all 45 required)
//	role.<role>.<criterion>         modifier of the central team's role (optional, default 0)
//	sourcing.<sourcing>.<criterion> modifier of sourcing (optional, default 0)
//	home.<department>.<criterion>   modifier of the home department (optional, default 0)
//	<term>                          the named profile-interaction, coverage, change-effort,
//	                                staffing and weight coefficients listed by [CoefficientIDs]
//
// Performance values are on a 0–10 scale where 5 is neutral; a step on the
// sources' −2…+2 scale (strong weakness … strong strength) is 1.25 points. The base and modifier
// tables cover every criterion except coverage, which is computed from the
// touchpoints, and change-effort, which is computed from the current
// structure.
type Model struct {
	// Name identifies the calibration in reports ("socialseat-default").
	Name string `json:"name" yaml:"name"`
	// Version is the calibration's version, raised whenever a coefficient
	// changes; Changelog says what each version changed.
	Version string `json:"version" yaml:"version"`
	// Description says what the calibration is and who made it.
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
	// Coefficients are the numbers of the model, in file order.
	Coefficients []Coefficient `json:"coefficients" yaml:"coefficients"`
	// Changelog records what changed in each version of the calibration
	// and why, newest first.
	Changelog []ModelChange `json:"changelog,omitempty" yaml:"changelog,omitempty"`
}

// ModelChange is one version's entry in a model's changelog.
type ModelChange struct {
	// Version is the model version the changes made.
	Version string `json:"version" yaml:"version"`
	// Changes say what moved and why, one line each.
	Changes []string `json:"changes" yaml:"changes"`
}

// Coefficient is one number of a [Model] with its justification.
type Coefficient struct {
	// ID names what the number does (see [Model] for the patterns).
	ID string `json:"id" yaml:"id"`
	// Value is the number; it must be finite.
	Value float64 `json:"value" yaml:"value"`
	// Evidence is the kind of support: survey, analyst, theory, vendor or
	// judgement. Where the sources give only a direction, the magnitude is
	// judgement and the rationale says so.
	Evidence Evidence `json:"evidence" yaml:"evidence"`
	// Rationale is a one-line reason.
	Rationale string `json:"rationale" yaml:"rationale"`
	// Source cites the evidence (author, year).
	Source string `json:"source" yaml:"source"`
}

// DefaultModel returns a fresh copy of the embedded default calibration,
// "socialseat-default", built from the published sources it cites. Its
// structural signs come
// from the sources; most magnitudes are our judgement and are tagged so.
func DefaultModel() Model {
	m, err := ReadModel(bytes.NewReader(defaultModelYAML))
	if err != nil {
		panic("placement: embedded model is invalid: " + err.Error()) // tested; cannot happen in a release
	}
	return m
}

// ReadModel reads a model from YAML or JSON (a document starting with '{'
// is JSON) and validates it ([Model.Validate]). Decoding follows the rules
// of [ReadProfile]: exact keys given once, no unknown fields, no null for
// a coefficient's value or any other number or string, nothing after the
// document, no YAML tags, anchors or aliases, valid UTF-8 (a leading byte
// order mark is ignored); such errors wrap [ErrSyntax] and name the path,
// such as coefficients[3].value, and the line. YAML's .inf and .nan reach
// validation, which rejects them.
func ReadModel(r io.Reader) (Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Model{}, fmt.Errorf("placement: reading model: %w", err)
	}
	var m Model
	if err := decodeStrict(data, &m); err != nil {
		return Model{}, err
	}
	if err := m.Validate(); err != nil {
		return Model{}, err
	}
	return m, nil
}

// Clone returns a deep copy of m.
func (m Model) Clone() Model {
	m.Coefficients = slices.Clone(m.Coefficients)
	if m.Changelog != nil {
		m.Changelog = slices.Clone(m.Changelog)
		for i := range m.Changelog {
			m.Changelog[i].Changes = slices.Clone(m.Changelog[i].Changes)
		}
	}
	return m
}

// Coefficient returns the coefficient with the given ID.
func (m Model) Coefficient(id string) (Coefficient, bool) {
	for _, c := range m.Coefficients {
		if c.ID == id {
			return c, true
		}
	}
	return Coefficient{}, false
}

// Validate checks the model and returns every problem at once: a missing
// name, unknown, duplicate or missing coefficient IDs, non-finite values,
// unset evidence, and empty rationales or sources. Each problem is a
// [*FieldError] wrapping [ErrModel].
func (m Model) Validate() error {
	_, err := compile(m)
	return err
}

// Scales fixed by the profile and file formats (not calibration): the 1–5
// profile and catalogue fields, and the 0–10 performance scale with 5 as
// neutral.
const (
	scaleMid     = 3  // midpoint of a 1–5 field
	scaleHalf    = 2  // half-width of a 1–5 field
	scaleTop     = 5  // top of a 1–5 field
	scaleNeutral = 5  // neutral performance
	scaleMaxPerf = 10 // top of the performance scale
)

// term indexes the named scalar coefficients.
type term int

const (
	kStaffPerLoad term = iota
	kStaffRealtime
	kStaffRefEmployees
	kStaffSizeExponent
	kStaffPriority
	kStaffStrategist
	kStaffCoordinator
	kStaffUnitLiaison
	kStaffCountry
	kStaffCountrySize
	kStaffHubLead
	kStaffHubUnitSize
	kStaffTraining
	kStaffTrainingPer
	kStaffSpokeDedicated
	kStaffCoE
	kStaffCoEFrom
	kStaffOwner
	kStaffUnitExponent
	kStaffCoELoad
	kShareExecuting
	kShareAdvisoryExecuting
	kShareAdvisory
	kShareCoordinating
	kStaffRangeLow
	kStaffRangeHigh
	kStaffBudgetHire
	kStaffPostingRatio
	kReliefHybrid
	kReliefAgency
	kFeasOffset
	kShortfallCost
	kShortfallExpertise
	kShortfallAgility
	kShortfallCoverage
	kBudgetCost
	kBudgetCostScale
	kGateDandelionMaturity
	kGateDandelionSponsorship
	kGateDandelionSpread
	kGateHoneycombMaturity
	kGateHoneycombSponsorship
	kGatePenalty
	kNoOwnerHub
	kHoneycombWorkforce
	kSizeMinEmployees
	kSizeMaxEmployees
	kSpreadMax
	kSpreadUnitEmployees
	kSpreadSmallUnits
	kHubTeamFrom
	kHubTeamFull
	kHubEmployeesFrom
	kHubEmployeesFull
	kHubUnitsFull
	kHubCentralized
	kMultiUnits
	kMultiCountries
	kLayersMax
	kSignoffAgility
	kRealtimeAgility
	kRealtimeCareShare
	kRealtimeHandoff
	kCentralAdvisoryExecuting
	kSpreadCentralized
	kSpreadHubScalability
	kSpreadHubAgility
	kSpreadDandelionCost
	kSpreadDandelionConsistency
	kExecutiveSmallCost
	kFormalOverhead
	kOrganicRelief
	kOrganicSprawl
	kSpokeBenefit
	kCovSmallRelief
	kUngovOrganic
	kUngovHoneycomb
	kUngovCoordinating
	kUngovAdvisory
	kUngovAgency
	kBuyInHub
	kBuyInWide
	kBuyInExecutive
	kRegulationUngoverned
	kRegulationGoverned
	kTouchRiskUngoverned
	kRivalryOrganic
	kRivalryHubCost
	kRivalryDepartmental
	kRivalryCentralizedShare
	kRivalryExecutive
	kMaturityHoneycomb
	kMaturityDandelion
	kMaturityFoundation
	kSponsorship
	kNativeStart
	kNativeFull
	kNativeOrganic
	kPriorityExecutive
	kPriorityFormal
	kRoleCoordCapable
	kRoleCoordPriority
	kRoleExecDominance
	kSourcingBlindSpot
	kSourcingCampaign
	kSourcingCore
	kSquashWidth
	kCertaintyAcceptability
	kCertaintyLead
	kExplainMin
	kExplainFactFirst
	kCovOwner
	kCovPartner
	kCovOther
	kCovOrganic
	kCovCoordinating
	kCovCapacity
	kCovCapacityVolumeFrom
	kCovApprovalGap
	kCovApprovalRiskFrom
	kCovApprovalReason
	kChangeStage
	kChangeOrganicLeap
	kChangeBackward
	kChangeHome
	kChangeRole
	kChangeSourcing
	kChangeMaturity
	kChangeSponsorship
	kChangeSize
	kChangeHalf
	kWeightFloor
	kWeightRegulationRisk
	kWeightRegulationConsistency
	kWeightRealtimeAgility
	kWeightBreadthCoverage
	kWeightPriority
	kWeightBudgetCost
	kWeightNoStaffCost
	kWeightSizeScalability
	kWeightSizePivot
	kWeightSpreadCoverage
	kWeightMaturityChange
	kWeightMaturityRisk
	kWeightSignoffAgility
	kWeightSignoffMaxLayers
	kWeightNativeAuthenticity
	kWeightNativeAgility
	kWeightRivalryConsistency
	numTerms
)

var termIDs = [numTerms]string{
	kStaffPerLoad:                "staff.fte-per-load",
	kStaffRealtime:               "staff.realtime-load",
	kStaffRefEmployees:           "staff.reference-employees",
	kStaffSizeExponent:           "staff.size-exponent",
	kStaffPriority:               "staff.priority",
	kStaffStrategist:             "staff.strategist",
	kStaffCoordinator:            "staff.coordinator",
	kStaffUnitLiaison:            "staff.unit-liaison",
	kStaffCountry:                "staff.country",
	kStaffCountrySize:            "staff.country-size",
	kStaffHubUnitSize:            "staff.dandelion-unit-size",
	kStaffHubLead:                "staff.dandelion-hub-lead",
	kStaffTraining:               "staff.honeycomb-training",
	kStaffTrainingPer:            "staff.honeycomb-training-per",
	kStaffSpokeDedicated:         "staff.spoke-dedicated",
	kStaffCoE:                    "staff.coe-core",
	kStaffCoEFrom:                "staff.coe-from",
	kStaffOwner:                  "staff.owner",
	kStaffUnitExponent:           "staff.unit-exponent",
	kStaffCoELoad:                "staff.coe-full-load",
	kShareExecuting:              "staff.centre-share.executing",
	kShareAdvisoryExecuting:      "staff.centre-share.advisory-executing",
	kShareAdvisory:               "staff.centre-share.advisory",
	kShareCoordinating:           "staff.centre-share.coordinating",
	kStaffRangeLow:               "staff.range-low",
	kStaffRangeHigh:              "staff.range-high",
	kStaffBudgetHire:             "staff.budget-hire",
	kStaffPostingRatio:           "staff.employees-per-poster",
	kReliefHybrid:                "staff.relief.hybrid",
	kReliefAgency:                "staff.relief.agency",
	kFeasOffset:                  "feasibility.offset-fte",
	kShortfallCost:               "shortfall.cost",
	kShortfallAgility:            "shortfall.agility",
	kShortfallCoverage:           "shortfall.coverage",
	kShortfallExpertise:          "shortfall.expertise",
	kBudgetCost:                  "budget.cost",
	kBudgetCostScale:             "budget.cost-scale",
	kGateDandelionMaturity:       "gate.dandelion.maturity",
	kGateDandelionSponsorship:    "gate.dandelion.sponsorship",
	kGateDandelionSpread:         "gate.dandelion.spread",
	kGateHoneycombMaturity:       "gate.honeycomb.maturity",
	kGateHoneycombSponsorship:    "gate.honeycomb.sponsorship",
	kGatePenalty:                 "gate.penalty",
	kNoOwnerHub:                  "size.no-owner-hub",
	kHoneycombWorkforce:          "size.honeycomb-workforce",
	kSizeMinEmployees:            "size.min-employees",
	kSizeMaxEmployees:            "size.max-employees",
	kSpreadMax:                   "spread.max-units-countries",
	kSpreadUnitEmployees:         "spread.unit-employees",
	kSpreadSmallUnits:            "spread.small-unit-exponent",
	kHubTeamFull:                 "hub.team-full",
	kHubTeamFrom:                 "hub.team-from",
	kHubEmployeesFrom:            "hub.employees-from",
	kHubEmployeesFull:            "hub.employees-full",
	kHubUnitsFull:                "hub.units-full",
	kHubCentralized:              "hub.centralized-scalability",
	kMultiUnits:                  "dandelion.units",
	kMultiCountries:              "dandelion.countries",
	kLayersMax:                   "signoff.max-layers",
	kSignoffAgility:              "signoff.agility",
	kRealtimeAgility:             "realtime.agility",
	kRealtimeCareShare:           "realtime.customer-service-share",
	kRealtimeHandoff:             "realtime.kept-handoff",
	kCentralAdvisoryExecuting:    "centralization.advisory-executing",
	kSpreadCentralized:           "spread.centralized-scalability",
	kSpreadHubAgility:            "spread.hub-agility",
	kSpreadHubScalability:        "spread.hub-scalability",
	kSpreadDandelionCost:         "spread.dandelion-cost",
	kSpreadDandelionConsistency:  "spread.dandelion-consistency",
	kExecutiveSmallCost:          "size.executive-unit-cost",
	kFormalOverhead:              "size.formal-overhead",
	kOrganicSprawl:               "size.organic-sprawl",
	kOrganicRelief:               "size.organic-relief",
	kSpokeBenefit:                "size.spoke-benefit",
	kCovSmallRelief:              "coverage.small-org-relief",
	kUngovOrganic:                "ungoverned.organic",
	kUngovHoneycomb:              "ungoverned.honeycomb",
	kUngovCoordinating:           "ungoverned.coordinating",
	kUngovAdvisory:               "ungoverned.advisory",
	kUngovAgency:                 "ungoverned.agency",
	kBuyInHub:                    "buy-in.hub-and-spoke",
	kBuyInWide:                   "buy-in.dandelion-honeycomb",
	kBuyInExecutive:              "buy-in.executive-home",
	kRegulationUngoverned:        "regulation.ungoverned-risk",
	kRegulationGoverned:          "regulation.governed-risk",
	kTouchRiskUngoverned:         "touchpoint-risk.ungoverned",
	kRivalryOrganic:              "rivalry.organic-consistency",
	kRivalryHubCost:              "rivalry.hub-cost",
	kRivalryDepartmental:         "rivalry.departmental-hub",
	kRivalryCentralizedShare:     "rivalry.centralized-share",
	kRivalryExecutive:            "rivalry.executive-unit",
	kMaturityHoneycomb:           "maturity.honeycomb",
	kMaturityFoundation:          "maturity.foundation",
	kMaturityDandelion:           "maturity.dandelion",
	kSponsorship:                 "sponsorship.buy-in",
	kNativeStart:                 "native.start-year",
	kNativeFull:                  "native.full-year",
	kNativeOrganic:               "native.organic-consistency",
	kPriorityExecutive:           "priority.executive-unit",
	kPriorityFormal:              "priority.formal-structure",
	kRoleCoordCapable:            "role-fit.coordinating-capable",
	kRoleCoordPriority:           "role-fit.coordinating-priority",
	kRoleExecDominance:           "role-fit.executing-dominance",
	kSourcingBlindSpot:           "sourcing-fit.regulatory-blind-spot",
	kSourcingCampaign:            "sourcing-fit.campaign-load",
	kSourcingCore:                "sourcing-fit.core-voice",
	kCertaintyAcceptability:      "certainty.clear-acceptability",
	kCertaintyLead:               "certainty.clear-lead",
	kExplainMin:                  "explain.min-difference",
	kExplainFactFirst:            "explain.fact-first",
	kSquashWidth:                 "scale.squash-width",
	kCovOwner:                    "coverage.owner",
	kCovPartner:                  "coverage.partner",
	kCovOther:                    "coverage.other",
	kCovOrganic:                  "coverage.organic",
	kCovCoordinating:             "coverage.coordinating",
	kCovCapacity:                 "coverage.capacity",
	kCovCapacityVolumeFrom:       "coverage.capacity-volume-from",
	kCovApprovalGap:              "coverage.approval-gap",
	kCovApprovalRiskFrom:         "coverage.approval-risk-from",
	kCovApprovalReason:           "coverage.approval-reason-threshold",
	kChangeStage:                 "change.stage",
	kChangeOrganicLeap:           "change.organic-leap",
	kChangeBackward:              "change.backward",
	kChangeHome:                  "change.home",
	kChangeRole:                  "change.role",
	kChangeSourcing:              "change.sourcing",
	kChangeMaturity:              "change.maturity",
	kChangeSponsorship:           "change.sponsorship",
	kChangeSize:                  "change.size",
	kChangeHalf:                  "change.half-effort",
	kWeightFloor:                 "weight.floor",
	kWeightRegulationRisk:        "weight.regulation-risk",
	kWeightRegulationConsistency: "weight.regulation-consistency",
	kWeightRealtimeAgility:       "weight.realtime-agility",
	kWeightBreadthCoverage:       "weight.breadth-coverage",
	kWeightPriority:              "weight.priority",
	kWeightBudgetCost:            "weight.budget-cost",
	kWeightNoStaffCost:           "weight.no-staff-cost",
	kWeightSizeScalability:       "weight.size-scalability",
	kWeightSizePivot:             "weight.size-pivot",
	kWeightSpreadCoverage:        "weight.spread-coverage",
	kWeightMaturityChange:        "weight.maturity-change-effort",
	kWeightMaturityRisk:          "weight.maturity-risk",
	kWeightSignoffAgility:        "weight.signoff-agility",
	kWeightSignoffMaxLayers:      "weight.signoff-max-layers",
	kWeightNativeAuthenticity:    "weight.native-authenticity",
	kWeightNativeAgility:         "weight.native-agility",
	kWeightRivalryConsistency:    "weight.rivalry-consistency",
}

// CoefficientIDs returns the IDs of the named (non-table) coefficients a
// model must define, in a stable order.
func CoefficientIDs() []string { return slices.Clone(termIDs[:]) }

// row is one value per criterion, indexed by Criterion (index 0 unused).
type row [NumCriteria + 1]float64

type homeRow struct {
	home touchpoint.Department
	v    row
	why  [NumCriteria + 1]string
}

// compiled is a validated model in the form the evaluator reads.
type compiled struct {
	base     [Honeycomb + 1]row
	role     [AdvisoryExecuting + 1]row
	sourcing [Agency + 1]row
	homes    []homeRow
	k        [numTerms]float64

	// rationales, for explanations
	baseWhy     [Honeycomb + 1][NumCriteria + 1]string
	roleWhy     [AdvisoryExecuting + 1][NumCriteria + 1]string
	sourcingWhy [Agency + 1][NumCriteria + 1]string
}

func (c *compiled) home(d touchpoint.Department) *homeRow {
	for i := range c.homes {
		if c.homes[i].home == d {
			return &c.homes[i]
		}
	}
	return nil
}

// tableCriterion reports whether a criterion has a table entry (all but
// the computed coverage and change-effort).
func tableCriterion(c Criterion) bool { return c.valid() && c != Coverage && c != ChangeEffort }

func compile(m Model) (*compiled, error) {
	var errs []error
	bad := func(path, value, why string) {
		errs = append(errs, fieldErr(path, value, fmt.Errorf("%w: %s", ErrModel, why)))
	}
	if strings.TrimSpace(m.Name) == "" {
		bad("name", "", "missing")
	}
	cm := &compiled{}
	seen := make(map[string]bool, len(m.Coefficients))
	var haveBase [Honeycomb + 1][NumCriteria + 1]bool
	var haveTerm [numTerms]bool
	for i, c := range m.Coefficients {
		path := fmt.Sprintf("coefficients[%d]", i)
		if seen[c.ID] {
			bad(path+".id", c.ID, "duplicate coefficient")
			continue
		}
		seen[c.ID] = true
		if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
			bad(path+".value", c.ID, "not finite")
		}
		if c.Evidence < Survey || c.Evidence > Judgement {
			bad(path+".evidence", c.ID, "missing evidence kind")
		}
		if strings.TrimSpace(c.Rationale) == "" {
			bad(path+".rationale", c.ID, "missing rationale")
		}
		if strings.TrimSpace(c.Source) == "" {
			bad(path+".source", c.ID, "missing source")
		}
		if k := slices.Index(termIDs[:], c.ID); k >= 0 {
			cm.k[k] = c.Value
			haveTerm[k] = true
			continue
		}
		parts := strings.Split(c.ID, ".")
		if len(parts) != 3 {
			bad(path+".id", c.ID, "unknown coefficient")
			continue
		}
		crit, err := ParseCriterion(parts[2])
		if err != nil || !tableCriterion(crit) {
			bad(path+".id", c.ID, "unknown or computed criterion "+parts[2])
			continue
		}
		switch parts[0] {
		case "model":
			om, err := ParseOperatingModel(parts[1])
			if err != nil {
				bad(path+".id", c.ID, "unknown operating model")
				continue
			}
			cm.base[om][crit] = c.Value
			cm.baseWhy[om][crit] = c.Rationale
			haveBase[om][crit] = true
		case "role":
			r, err := ParseRole(parts[1])
			if err != nil || r == NoRole {
				bad(path+".id", c.ID, "unknown role")
				continue
			}
			cm.role[r][crit] = c.Value
			cm.roleWhy[r][crit] = c.Rationale
		case "sourcing":
			s, err := ParseSourcing(parts[1])
			if err != nil {
				bad(path+".id", c.ID, "unknown sourcing")
				continue
			}
			cm.sourcing[s][crit] = c.Value
			cm.sourcingWhy[s][crit] = c.Rationale
		case "home":
			d := touchpoint.Department(parts[1])
			if !touchpoint.ValidName(parts[1]) || d == NoHome {
				bad(path+".id", c.ID, "bad department")
				continue
			}
			h := cm.home(d)
			if h == nil {
				cm.homes = append(cm.homes, homeRow{home: d})
				h = &cm.homes[len(cm.homes)-1]
			}
			h.v[crit] = c.Value
			h.why[crit] = c.Rationale
		default:
			bad(path+".id", c.ID, "unknown coefficient")
		}
	}
	for _, om := range OperatingModels() {
		for _, crit := range Criteria() {
			if tableCriterion(crit) && !haveBase[om][crit] {
				bad("coefficients", "model."+om.String()+"."+crit.String(), "missing coefficient")
			}
		}
	}
	for k, ok := range haveTerm {
		if !ok {
			bad("coefficients", termIDs[k], "missing coefficient")
		}
	}
	if cm.k[kNativeFull] <= cm.k[kNativeStart] && haveTerm[kNativeFull] && haveTerm[kNativeStart] {
		bad("coefficients", termIDs[kNativeFull], "must be after native.start-year")
	}
	if err := joinErrs(errs); err != nil {
		return nil, err
	}
	return cm, nil
}
