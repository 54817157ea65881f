package analysis

import "encoding/json"

// CoxSpec names a Cox model on a sample: its covariate columns, an
// optional stratifying column and the tie method.
type CoxSpec struct {
	Covariates []string // names as given; each is trimmed for the look-up (Design)
	Strata     string   // "" for none
	Ties       Ties
}

// CoxReport fits the Cox model spec names (CoxPH, or CoxPHStrata with
// strata) and its proportional-hazards check (CoxZPH). Text and Markdown
// print the model and then the check; CSV holds the model; JSON the model
// with the check as "ph_check" (null when it could not be computed). When
// the check fails, the model table says so in a warning and stands alone.
func CoxReport(s *Sample, spec CoxSpec) (*Report, error) {
	x, err := s.Design(spec.Covariates)
	if err != nil {
		return nil, err
	}
	var strata []string
	if spec.Strata != "" {
		if strata, err = s.Labels(spec.Strata); err != nil {
			return nil, err
		}
	}
	// The check fits the same model (ZPH.Fit); fit it alone only when the
	// check cannot be computed.
	zph, zerr := CoxZPH(s.Times, s.Events, x, spec.Covariates, strata, spec.Ties)
	var cox *Cox
	switch {
	case zerr == nil:
		cox = zph.Fit
	case strata != nil:
		cox, err = CoxPHStrata(s.Times, s.Events, x, spec.Covariates, strata, spec.Ties)
	default:
		cox, err = CoxPH(s.Times, s.Events, x, spec.Covariates, spec.Ties)
	}
	if err != nil {
		return nil, err
	}
	t := CoxTable(cox)
	if spec.Strata != "" {
		t.Title += ", stratified by " + spec.Strata
	}
	r := &Report{Tables: []*Table{t}, JSON: coxJSON{cox, zph}}
	if zerr != nil {
		t.Warnings = append(t.Warnings, "proportional-hazards check not computed: "+zerr.Error())
	} else {
		r.Tables = append(r.Tables, ZPHTable(zph))
	}
	return r, nil
}

// coxJSON is the Cox model's JSON with its proportional-hazards check
// added as "ph_check" (null when it could not be computed).
type coxJSON struct {
	cox *Cox
	zph *ZPH
}

func (c coxJSON) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(c.cox)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if m["ph_check"], err = json.Marshal(c.zph); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}
