package dataset

import "testing"

// TestEndEventRules checks the embedded deals against the codebook's rules
// that tie end_event to end_type and broken_by (CODEBOOK.md §5.2): each
// end_event allows only some end_type values and some broken_by values,
// and trigger (the cause) never repeats an end event.
func TestEndEventRules(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	rules := map[EndEvent]struct {
		endTypes []EndType
		brokenBy []BrokenBy
	}{
		EndEventDeclaration:     {[]EndType{EndTypeBreakdown}, []BrokenBy{"militants", "state", "mutual"}},
		EndEventOperation:       {[]EndType{EndTypeBreakdown}, []BrokenBy{"militants", "state"}},
		EndEventResumedFighting: {[]EndType{EndTypeBreakdown}, []BrokenBy{"militants", "state", "disputed", "unknown"}},
		EndEventSignatoryKilled: {[]EndType{EndTypeBreakdown}, []BrokenBy{"state", "third-party", "disputed", "unknown"}},
		EndEventExpiry:          {[]EndType{EndTypeExpired}, []BrokenBy{"none"}},
		EndEventSupersession:    {[]EndType{EndTypeSuperseded}, []BrokenBy{"none"}},
		EndEventNone:            {[]EndType{EndTypeOngoing}, []BrokenBy{"none"}},
		EndEventUnknown:         {[]EndType{EndTypeUnknown}, []BrokenBy{"unknown"}},
	}
	if v, _ := VocabularyOf("end_event"); len(v.Values) != len(rules) {
		t.Fatalf("end_event has %d values, the rules cover %d", len(v.Values), len(rules))
	}
	for _, deal := range d.Deals {
		r, ok := rules[deal.EndEvent]
		if !ok {
			t.Errorf("%s: end_event %q has no rule", deal.ID, deal.EndEvent)
			continue
		}
		if !contains(toStrings(r.endTypes), string(deal.EndType)) {
			t.Errorf("%s: end_event %s with end_type %s (want one of %v)", deal.ID, deal.EndEvent, deal.EndType, r.endTypes)
		}
		if !contains(toStrings(r.brokenBy), string(deal.BrokenBy)) {
			t.Errorf("%s: end_event %s with broken_by %s (want one of %v)", deal.ID, deal.EndEvent, deal.BrokenBy, r.brokenBy)
		}
		if deal.Trigger == "expiry" || deal.Trigger == "supersession" {
			t.Errorf("%s: trigger %s is an end event, not a cause (code it in end_event)", deal.ID, deal.Trigger)
		}
		if deal.EndEvent == EndEventUnknown && deal.Trigger != TriggerUnknown {
			t.Errorf("%s: end unknown but trigger %s", deal.ID, deal.Trigger)
		}
	}
}

func toStrings[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
