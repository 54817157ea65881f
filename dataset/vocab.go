package dataset

// Category types name the controlled vocabularies of deals.csv. Their values
// are defined, one line each with an example deal, in CODEBOOK.md; the
// constants below are the single place in code that says which values are
// allowed. Each constant is named after its type: KindAgreement,
// EndTypeBreakdown, TriggerDroneStrike, MediatorTypeJirga, BrokenByState…
// The list columns (state_concessions, militant_commitments,
// militant_demands) hold plain strings in Deal; their values are the
// Concession…, Commitment… and Demand… constants, untyped so that they
// compare with those strings.
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

// The end_event vocabulary, in codebook order.
const (
	EndEventDeclaration     EndEvent = "declaration"
	EndEventOperation       EndEvent = "operation"
	EndEventResumedFighting EndEvent = "resumed-fighting"
	EndEventSignatoryKilled EndEvent = "signatory-killed"
	EndEventExpiry          EndEvent = "expiry"
	EndEventSupersession    EndEvent = "supersession"
	EndEventNone            EndEvent = "none"
	EndEventUnknown         EndEvent = "unknown"
)

// The kind vocabulary, in codebook order.
const (
	KindAgreement Kind = "agreement"
	KindCeasefire Kind = "ceasefire"
	KindTalks     Kind = "talks"
)

// The scope vocabulary, in codebook order.
const (
	ScopeState  Scope = "state"
	ScopeTribal Scope = "tribal"
	ScopeJirga  Scope = "jirga"
)

// The end_type vocabulary, in codebook order.
const (
	EndTypeBreakdown  EndType = "breakdown"
	EndTypeExpired    EndType = "expired"
	EndTypeSuperseded EndType = "superseded"
	EndTypeOngoing    EndType = "ongoing"
	EndTypeUnknown    EndType = "unknown"
)

// The certainty vocabulary, in codebook order.
const (
	CertaintyHigh   Certainty = "high"
	CertaintyMedium Certainty = "medium"
	CertaintyLow    Certainty = "low"
)

// The state_level vocabulary, in codebook order.
const (
	StateLevelFederal             StateLevel = "federal"
	StateLevelProvincial          StateLevel = "provincial"
	StateLevelMilitary            StateLevel = "military"
	StateLevelLocalAdministration StateLevel = "local-administration"
)

// The government vocabulary, in codebook order.
const (
	GovernmentMusharraf     = "musharraf"
	GovernmentPpp2008       = "ppp-2008"
	GovernmentPmln2013      = "pmln-2013"
	GovernmentCaretaker2018 = "caretaker-2018"
	GovernmentPti2018       = "pti-2018"
	GovernmentPdm2022       = "pdm-2022"
	GovernmentCaretaker2023 = "caretaker-2023"
	GovernmentPmln2024      = "pmln-2024"
)

// The militant_group vocabulary, in codebook order.
const (
	MilitantGroupTtp           MilitantGroup = "ttp"
	MilitantGroupTtpChapter    MilitantGroup = "ttp-chapter"
	MilitantGroupPreTtp        MilitantGroup = "pre-ttp"
	MilitantGroupTnsm          MilitantGroup = "tnsm"
	MilitantGroupLashkarEIslam MilitantGroup = "lashkar-e-islam"
	MilitantGroupGulBahadur    MilitantGroup = "gul-bahadur"
	MilitantGroupNazirGroup    MilitantGroup = "nazir-group"
	MilitantGroupOther         MilitantGroup = "other"
)

// The mediator_type vocabulary, in codebook order.
const (
	MediatorTypeJirga               MediatorType = "jirga"
	MediatorTypeReligiousParty      MediatorType = "religious-party"
	MediatorTypeAfghanTaliban       MediatorType = "afghan-taliban"
	MediatorTypeGovernmentCommittee MediatorType = "government-committee"
	MediatorTypeNone                MediatorType = "none"
	MediatorTypeUnknown             MediatorType = "unknown"
)

// The written vocabulary, in codebook order.
const (
	WrittenYes     Written = "yes"
	WrittenNo      Written = "no"
	WrittenUnknown Written = "unknown"
)

// The state_concessions vocabulary, in codebook order.
const (
	ConcessionAmnesty           = "amnesty"
	ConcessionPrisonerRelease   = "prisoner-release"
	ConcessionTroopWithdrawal   = "troop-withdrawal"
	ConcessionCheckpointRemoval = "checkpoint-removal"
	ConcessionHaltOperations    = "halt-operations"
	ConcessionCompensation      = "compensation"
	ConcessionCashPayment       = "cash-payment"
	ConcessionSharia            = "sharia"
	ConcessionReturnOfWeapons   = "return-of-weapons"
	ConcessionPerksDevelopment  = "perks-development"
	ConcessionOther             = "other"
)

// The militant_commitments vocabulary, in codebook order.
const (
	CommitmentCeaseAttacks            = "cease-attacks"
	CommitmentExpelForeignFighters    = "expel-foreign-fighters"
	CommitmentRegisterForeignFighters = "register-foreign-fighters"
	CommitmentNoCrossBorder           = "no-cross-border"
	CommitmentNoParallelGovernment    = "no-parallel-government"
	CommitmentAcceptWrit              = "accept-writ"
	CommitmentDisarm                  = "disarm"
	CommitmentReleaseHostages         = "release-hostages"
	CommitmentAllowServices           = "allow-services"
	CommitmentOther                   = "other"
)

// The militant_demands vocabulary, in codebook order.
const (
	DemandTroopWithdrawal    = "troop-withdrawal"
	DemandPrisonerRelease    = "prisoner-release"
	DemandSharia             = "sharia"
	DemandFataMergerReversal = "fata-merger-reversal"
	DemandHaltOperations     = "halt-operations"
	DemandEndDroneStrikes    = "end-drone-strikes"
	DemandCompensation       = "compensation"
	DemandOther              = "other"
)

// The trigger vocabulary, in codebook order.
const (
	TriggerMilitaryOperation Trigger = "military-operation"
	TriggerMilitantAttack    Trigger = "militant-attack"
	TriggerDroneStrike       Trigger = "drone-strike"
	TriggerUnmetDemands      Trigger = "unmet-demands"
	TriggerOutsideEvent      Trigger = "outside-event"
	TriggerExpiry            Trigger = "expiry"
	TriggerSupersession      Trigger = "supersession"
	TriggerNone              Trigger = "none"
	TriggerUnknown           Trigger = "unknown"
)

// The broken_by vocabulary, in codebook order.
const (
	BrokenByMilitants  BrokenBy = "militants"
	BrokenByState      BrokenBy = "state"
	BrokenByThirdParty BrokenBy = "third-party"
	BrokenByMutual     BrokenBy = "mutual"
	BrokenByDisputed   BrokenBy = "disputed"
	BrokenByNone       BrokenBy = "none"
	BrokenByUnknown    BrokenBy = "unknown"
)

// Vocabulary is the list of allowed values of one column.
type Vocabulary struct {
	Column string
	Multi  bool // a ;-separated list of values
	Values []string
}

// Allows reports whether v is one of the vocabulary's values.
func (v Vocabulary) Allows(s string) bool { return contains(v.Values, s) }

// vocabularies lists every controlled vocabulary of deals.csv, in column order.
var vocabularies = []Vocabulary{
	{Column: "kind", Values: []string{string(KindAgreement), string(KindCeasefire), string(KindTalks)}},
	{Column: "scope", Values: []string{string(ScopeState), string(ScopeTribal), string(ScopeJirga)}},
	{Column: "end_type", Values: []string{string(EndTypeBreakdown), string(EndTypeExpired), string(EndTypeSuperseded), string(EndTypeOngoing), string(EndTypeUnknown)}},
	{Column: "end_event", Values: []string{string(EndEventDeclaration), string(EndEventOperation), string(EndEventResumedFighting), string(EndEventSignatoryKilled), string(EndEventExpiry), string(EndEventSupersession), string(EndEventNone), string(EndEventUnknown)}},
	{Column: "certainty", Values: []string{string(CertaintyHigh), string(CertaintyMedium), string(CertaintyLow)}},
	{Column: "state_level", Values: []string{string(StateLevelFederal), string(StateLevelProvincial), string(StateLevelMilitary), string(StateLevelLocalAdministration)}},
	{Column: "government", Values: []string{GovernmentMusharraf, GovernmentPpp2008, GovernmentPmln2013, GovernmentCaretaker2018, GovernmentPti2018, GovernmentPdm2022, GovernmentCaretaker2023, GovernmentPmln2024}},
	{Column: "militant_group", Values: []string{string(MilitantGroupTtp), string(MilitantGroupTtpChapter), string(MilitantGroupPreTtp), string(MilitantGroupTnsm), string(MilitantGroupLashkarEIslam), string(MilitantGroupGulBahadur), string(MilitantGroupNazirGroup), string(MilitantGroupOther)}},
	{Column: "mediator_type", Values: []string{string(MediatorTypeJirga), string(MediatorTypeReligiousParty), string(MediatorTypeAfghanTaliban), string(MediatorTypeGovernmentCommittee), string(MediatorTypeNone), string(MediatorTypeUnknown)}},
	{Column: "written", Values: []string{string(WrittenYes), string(WrittenNo), string(WrittenUnknown)}},
	{Column: "state_concessions", Multi: true, Values: []string{ConcessionAmnesty, ConcessionPrisonerRelease, ConcessionTroopWithdrawal, ConcessionCheckpointRemoval, ConcessionHaltOperations, ConcessionCompensation, ConcessionCashPayment, ConcessionSharia, ConcessionReturnOfWeapons, ConcessionPerksDevelopment, ConcessionOther}},
	{Column: "militant_commitments", Multi: true, Values: []string{CommitmentCeaseAttacks, CommitmentExpelForeignFighters, CommitmentRegisterForeignFighters, CommitmentNoCrossBorder, CommitmentNoParallelGovernment, CommitmentAcceptWrit, CommitmentDisarm, CommitmentReleaseHostages, CommitmentAllowServices, CommitmentOther}},
	{Column: "militant_demands", Multi: true, Values: []string{DemandTroopWithdrawal, DemandPrisonerRelease, DemandSharia, DemandFataMergerReversal, DemandHaltOperations, DemandEndDroneStrikes, DemandCompensation, DemandOther}},
	{Column: "trigger", Values: []string{string(TriggerMilitaryOperation), string(TriggerMilitantAttack), string(TriggerDroneStrike), string(TriggerUnmetDemands), string(TriggerOutsideEvent), string(TriggerExpiry), string(TriggerSupersession), string(TriggerNone), string(TriggerUnknown)}},
	{Column: "broken_by", Values: []string{string(BrokenByMilitants), string(BrokenByState), string(BrokenByThirdParty), string(BrokenByMutual), string(BrokenByDisputed), string(BrokenByNone), string(BrokenByUnknown)}},
}

// Vocabularies returns every controlled vocabulary of deals.csv, in column
// order. The result is a copy: changing it changes nothing else.
func Vocabularies() []Vocabulary {
	out := make([]Vocabulary, len(vocabularies))
	for i, v := range vocabularies {
		v.Values = append([]string(nil), v.Values...)
		out[i] = v
	}
	return out
}

// Concessions returns the state_concessions vocabulary, in codebook order.
func Concessions() []string { return vocabularyValues("state_concessions") }

// Commitments returns the militant_commitments vocabulary, in codebook order.
func Commitments() []string { return vocabularyValues("militant_commitments") }

// BrokenByValues returns the broken_by vocabulary in codebook order, the
// order in which tables and charts show it.
func BrokenByValues() []BrokenBy {
	var out []BrokenBy
	for _, v := range vocabularyValues("broken_by") {
		out = append(out, BrokenBy(v))
	}
	return out
}

func vocabularyValues(column string) []string {
	v, _ := VocabularyOf(column)
	return v.Values
}

// VocabularyOf returns a copy of the vocabulary of a column, if it has one.
func VocabularyOf(column string) (Vocabulary, bool) {
	for _, v := range vocabularies {
		if v.Column == column {
			v.Values = append([]string(nil), v.Values...)
			return v, true
		}
	}
	return Vocabulary{}, false
}
