package dataset

import (
	"bytes"
	"encoding/json"
	"iter"
	"maps"
	"slices"
)

// Attrs are a deal's values of the columns of a user's CSV that are not
// dataset columns, by column name (Read keeps them there, so that the
// analysis can group or regress on them). The names are kept sorted, and
// the deals read from one file share one list of them: each deal carries
// only its values, so that 100,000 deals with three such columns take
// about 8 MB where a map each took 33 MB.
//
// The zero Attrs is empty and ready to use. Like a slice, an Attrs copied
// with its Deal shares its values until Set adds a name or Delete removes
// one. In JSON it is an object of names and values (null when empty), as
// the map it replaced was.
type Attrs struct {
	names  *[]string // sorted and unique; may be shared with other deals: never written
	values []string  // values[i] is the value of (*names)[i]
}

// MakeAttrs returns the attributes of m.
func MakeAttrs(m map[string]string) Attrs {
	if len(m) == 0 {
		return Attrs{}
	}
	names := slices.Sorted(maps.Keys(m))
	a := Attrs{names: &names, values: make([]string, len(names))}
	for i, name := range names {
		a.values[i] = m[name]
	}
	return a
}

// list is the names, nil for none.
func (a Attrs) list() []string {
	if a.names == nil {
		return nil
	}
	return *a.names
}

// Len is the number of attributes.
func (a Attrs) Len() int { return len(a.values) }

// Get returns the value of the named attribute and whether there is one.
func (a Attrs) Get(name string) (string, bool) {
	if i, ok := slices.BinarySearch(a.list(), name); ok {
		return a.values[i], true
	}
	return "", false
}

// Value returns the value of the named attribute, "" if there is none.
func (a Attrs) Value(name string) string {
	v, _ := a.Get(name)
	return v
}

// Names returns the names of the attributes, sorted.
func (a Attrs) Names() []string { return slices.Clone(a.list()) }

// All yields each attribute's name and value, in name order.
func (a Attrs) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for i, name := range a.list() {
			if !yield(name, a.values[i]) {
				return
			}
		}
	}
}

// Set sets the named attribute to value.
func (a *Attrs) Set(name, value string) {
	i, ok := slices.BinarySearch(a.list(), name)
	if ok {
		a.values[i] = value
		return
	}
	// The names (and a reader's block of values) are shared: copy them.
	names := slices.Insert(slices.Clip(a.list()), i, name)
	a.names, a.values = &names, slices.Insert(slices.Clip(a.values), i, value)
}

// Delete removes the named attribute, if there is one.
func (a *Attrs) Delete(name string) {
	i, ok := slices.BinarySearch(a.list(), name)
	switch {
	case !ok:
	case a.Len() == 1:
		*a = Attrs{}
	default:
		names := slices.Delete(slices.Clone(a.list()), i, i+1)
		a.names, a.values = &names, slices.Delete(slices.Clone(a.values), i, i+1)
	}
}

// sharesNames reports whether a and b hold the same list of names (not
// only equal ones): the deals of one file do.
func (a Attrs) sharesNames(b Attrs) bool { return a.names == b.names }

// MarshalJSON writes the attributes as a JSON object in name order, null
// when there are none.
func (a Attrs) MarshalJSON() ([]byte, error) {
	if a.Len() == 0 {
		return []byte("null"), nil
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, name := range a.list() {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		v, _ := json.Marshal(a.values[i])
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads a JSON object of string values, or null.
func (a *Attrs) UnmarshalJSON(data []byte) error {
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*a = MakeAttrs(m)
	return nil
}
