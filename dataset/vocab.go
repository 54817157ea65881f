package dataset

// Category types name the controlled vocabularies of deals.csv. Their values
// are defined, one line each with an example deal, in CODEBOOK.md; the lists
// below are the single place in code that says which values are allowed.
type (
	// Kind is what the deal was: agreement, ceasefire or talks.
	Kind string
	// Scope says how the state was bound: state, tribal or jirga.
	Scope string
	// EndType is how the deal ended: breakdown, expired, superseded, ongoing or unknown.
	EndType string
	// Certainty grades the reliability of the coded dates.
	Certainty string
	// StateLevel is the highest state level that was a party or guarantor.
	StateLevel string
	// MilitantGroup is the organisation of the main militant party.
	MilitantGroup string
	// MediatorType is the kind of the principal mediator.
	MediatorType string
	// Written says whether a written text existed.
	Written string
	// Trigger is the proximate cause of a deal's end.
	Trigger string
	// BrokenBy says who ended the deal.
	BrokenBy string
)

// EndEvent is what happened at a deal's coded end (a declaration, an
// operation, expiry ...), kept apart from its cause (Trigger).
type EndEvent string

// Values used by the duration and censoring rules.
const (
	KindAgreement Kind = "agreement"
	KindCeasefire Kind = "ceasefire"
	KindTalks     Kind = "talks"

	Breakdown  EndType = "breakdown"
	Expired    EndType = "expired"
	Superseded EndType = "superseded"
	Ongoing    EndType = "ongoing"
	EndUnknown EndType = "unknown"
)

// Vocabulary is the list of allowed values of one column.
type Vocabulary struct {
	Column string
	Multi  bool // a ;-separated list of values
	Values []string
}

// Allows reports whether v is one of the vocabulary's values.
func (v Vocabulary) Allows(s string) bool {
	for _, x := range v.Values {
		if x == s {
			return true
		}
	}
	return false
}

// Vocabularies lists every controlled vocabulary of deals.csv, in column order.
var Vocabularies = []Vocabulary{
	{Column: "kind", Values: []string{"agreement", "ceasefire", "talks"}},
	{Column: "scope", Values: []string{"state", "tribal", "jirga"}},
	{Column: "end_type", Values: []string{"breakdown", "expired", "superseded", "ongoing", "unknown"}},
	{Column: "end_event", Values: []string{"declaration", "operation", "resumed-fighting", "signatory-killed", "expiry", "supersession", "none", "unknown"}},
	{Column: "certainty", Values: []string{"high", "medium", "low"}},
	{Column: "state_level", Values: []string{"federal", "provincial", "military", "local-administration"}},
	{Column: "government", Values: []string{"musharraf", "ppp-2008", "pmln-2013", "caretaker-2018", "pti-2018", "pdm-2022", "caretaker-2023", "pmln-2024"}},
	{Column: "militant_group", Values: []string{"ttp", "ttp-chapter", "pre-ttp", "tnsm", "lashkar-e-islam", "gul-bahadur", "nazir-group", "other"}},
	{Column: "mediator_type", Values: []string{"jirga", "religious-party", "afghan-taliban", "government-committee", "none", "unknown"}},
	{Column: "written", Values: []string{"yes", "no", "unknown"}},
	{Column: "state_concessions", Multi: true, Values: Concessions},
	{Column: "militant_commitments", Multi: true, Values: Commitments},
	{Column: "militant_demands", Multi: true, Values: []string{"troop-withdrawal", "prisoner-release", "sharia", "fata-merger-reversal", "halt-operations", "end-drone-strikes", "compensation", "other"}},
	{Column: "trigger", Values: []string{"military-operation", "militant-attack", "drone-strike", "unmet-demands", "outside-event", "expiry", "supersession", "none", "unknown"}},
	{Column: "broken_by", Values: []string{"militants", "state", "third-party", "mutual", "disputed", "none", "unknown"}},
}

// Concessions is the vocabulary of state_concessions, in codebook order.
var Concessions = []string{"amnesty", "prisoner-release", "troop-withdrawal", "checkpoint-removal", "halt-operations", "compensation", "cash-payment", "sharia", "return-of-weapons", "perks-development", "other"}

// Commitments is the vocabulary of militant_commitments, in codebook order.
var Commitments = []string{"cease-attacks", "expel-foreign-fighters", "register-foreign-fighters", "no-cross-border", "no-parallel-government", "accept-writ", "disarm", "release-hostages", "allow-services", "other"}

// VocabularyOf returns the vocabulary of a column, if it has one.
func VocabularyOf(column string) (Vocabulary, bool) {
	for _, v := range Vocabularies {
		if v.Column == column {
			return v, true
		}
	}
	return Vocabulary{}, false
}
