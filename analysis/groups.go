package analysis

import (
	"errors"
	"fmt"
)

// MaxGroups is the most groups Summarize and LogRank compare. A column with
// more distinct values (a grouping by id or by date, an easy mistake) is an
// error wrapping ErrTooManyGroups: the tables would be unreadable and the
// log-rank test costs grow with the cube of the number of groups.
const MaxGroups = 100

// ErrTooManyGroups is wrapped by the error for a grouping column with more
// than MaxGroups distinct values.
var ErrTooManyGroups = errors.New("too many groups")

// checkGroups returns an error wrapping ErrTooManyGroups when n groups are
// more than MaxGroups.
func checkGroups(by string, n int) error {
	if n <= MaxGroups {
		return nil
	}
	const hint = "group by a coarser column, e.g. decade rather than start or id"
	if by == "" {
		return fmt.Errorf("analysis: %d groups: %w (at most %d); %s", n, ErrTooManyGroups, MaxGroups, hint)
	}
	return fmt.Errorf("analysis: %s has %d distinct values: %w (at most %d); %s", by, n, ErrTooManyGroups, MaxGroups, hint)
}
