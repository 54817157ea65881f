package dataset

// Deal is one row of deals.csv: a peace agreement, ceasefire or negotiation
// round. CODEBOOK.md defines every field; the comments here say only what a
// Go caller needs.
type Deal struct {
	ID       string
	Name     string
	Kind     Kind
	Scope    Scope
	Start    Date
	StartAlt []Alt // other start dates that sources give
	End      Date  // zero when EndType is EndTypeOngoing or EndTypeUnknown
	EndType  EndType
	EndEvent EndEvent
	EndAlt   []Alt // contested alternative end dates
	LastSeen Date  // last date reported in force, where the end is unknown

	Certainty     Certainty
	StateParty    string
	StateLevel    StateLevel
	Government    string // a governments.csv id
	MilitantParty string
	MilitantGroup MilitantGroup
	MilitantLead  string
	Region        string
	Mediator      string
	MediatorType  MediatorType
	Written       Written

	StateConcessions    []string // values from Concessions()
	MilitantCommitments []string // values from Commitments()
	MilitantDemands     []string

	Trigger       Trigger
	TriggerDetail string
	BrokenBy      BrokenBy

	PaxIDs     []string // PA-X AgtId of the same agreement
	EthPrioIDs []string // ETH/PRIO ceasefire uniq_id of the same ceasefire
	Sources    []string // sources.csv ids
	Notes      string

	// Attrs holds the columns of a user's CSV that are not dataset columns,
	// by column name, so the analysis can group or regress on them.
	Attrs Attrs

	// Line is the line of the file the deal was read from (0 if built in code).
	Line int
}

// Alt is an alternative date with the source that gives it, written
// DATE@SOURCE_ID in the CSV.
type Alt struct {
	Date   Date
	Source string
}

// String formats the alternative as in the CSV: DATE@SOURCE_ID.
func (a Alt) String() string { return a.Date.String() + "@" + a.Source }

// Has reports whether the deal's state concessions include c.
func (d *Deal) Has(c string) bool { return contains(d.StateConcessions, c) }

// Commits reports whether the militants' commitments include c.
func (d *Deal) Commits(c string) bool { return contains(d.MilitantCommitments, c) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
