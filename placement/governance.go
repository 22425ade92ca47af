package placement

import "fmt"

// Answer is what a profile says about one governance practice. The zero
// value, [Unknown], is a state of its own: a practice nobody has asked
// about is neither evidence for a stage nor a gap, only a question to put
// to the client.
type Answer int

// Answers.
const (
	Unknown Answer = iota // not stated
	No                    // the practice is not in place
	Yes                   // the practice is in place
)

var answerNames = []string{"unknown", "no", "yes"}

// String returns "unknown", "no" or "yes".
func (a Answer) String() string { return enumString("Answer", answerNames, int(a)) }

// MarshalText implements encoding.TextMarshaler.
func (a Answer) MarshalText() ([]byte, error) {
	return enumMarshal("answer", answerNames, int(a))
}

// UnmarshalText implements encoding.TextUnmarshaler with [ParseAnswer].
func (a *Answer) UnmarshalText(b []byte) error {
	v, err := ParseAnswer(string(b))
	if err == nil {
		*a = v
	}
	return err
}

// ParseAnswer parses "unknown", "no" or "yes"; any other token is an error
// wrapping [ErrUnknownName].
func ParseAnswer(s string) (Answer, error) {
	v, err := enumParse("answer", answerNames, s)
	return Answer(v), err
}

// Governance is the profile's gap checklist: which of the practices that
// analysts find in mature programmes are in place. Every field is
// optional; an unstated one is [Unknown]. The practices, why each matters
// and the roadmap step that closes each gap are data of the
// [MaturityModel] (see [DefaultMaturityModel]).
type Governance struct {
	// Policy: a written social media policy for employees exists.
	Policy Answer `json:"policy,omitempty" yaml:"policy,omitempty"`
	// PolicyKnown: staff know the policy well.
	PolicyKnown Answer `json:"policy_known,omitempty" yaml:"policy_known,omitempty"`
	// CrisisPlan: a crisis and escalation plan with severity levels and
	// named approvers exists.
	CrisisPlan Answer `json:"crisis_plan,omitempty" yaml:"crisis_plan,omitempty"`
	// AccountInventory: an up-to-date inventory of every social account,
	// its owner and its access exists.
	AccountInventory Answer `json:"account_inventory,omitempty" yaml:"account_inventory,omitempty"`
	// Archiving: social content is archived as the regulator requires
	// (asked of regulated organisations only).
	Archiving Answer `json:"archiving,omitempty" yaml:"archiving,omitempty"`
	// Training: the departments that use social media are trained.
	Training Answer `json:"training,omitempty" yaml:"training,omitempty"`
	// Measurement: social media is measured against business metrics.
	Measurement Answer `json:"measurement,omitempty" yaml:"measurement,omitempty"`
	// ExecutiveSponsor: a named executive sponsors social media.
	ExecutiveSponsor Answer `json:"executive_sponsor,omitempty" yaml:"executive_sponsor,omitempty"`
}

// practiceIDs are the practice IDs of a [MaturityModel], in the order of
// [Governance]'s fields.
var practiceIDs = []string{"policy", "policy-known", "crisis-plan", "account-inventory", "archiving", "training", "measurement", "executive-sponsor"}

// answer returns g's answer for a practice ID; ok is false for an ID that
// is not one of [Governance]'s fields.
func (g Governance) answer(id string) (a Answer, ok bool) {
	switch id {
	case "policy":
		return g.Policy, true
	case "policy-known":
		return g.PolicyKnown, true
	case "crisis-plan":
		return g.CrisisPlan, true
	case "account-inventory":
		return g.AccountInventory, true
	case "archiving":
		return g.Archiving, true
	case "training":
		return g.Training, true
	case "measurement":
		return g.Measurement, true
	case "executive-sponsor":
		return g.ExecutiveSponsor, true
	}
	return Unknown, false
}

// validate reports an answer outside Unknown…Yes (possible only when set
// from Go, not when decoded).
func (g Governance) validate(add func(path, value string, err error)) {
	for i, id := range practiceIDs {
		a, _ := g.answer(id)
		if a < Unknown || a > Yes {
			add("governance."+governanceKeys[i], fmt.Sprint(int(a)), ErrRange)
		}
	}
}

// governanceKeys are the file names of Governance's fields, in order.
var governanceKeys = []string{"policy", "policy_known", "crisis_plan", "account_inventory", "archiving", "training", "measurement", "executive_sponsor"}
