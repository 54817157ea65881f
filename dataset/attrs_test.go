package dataset

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestAttrs checks Attrs against a map doing the same steps.
func TestAttrs(t *testing.T) {
	type step struct {
		op, name, value string // op: set or delete
	}
	for _, tc := range []struct {
		name  string
		start map[string]string
		steps []step
	}{
		{"empty", nil, nil},
		{"set into empty", nil, []step{{"set", "b", "2"}, {"set", "a", "1"}, {"set", "c", "3"}}},
		{"overwrite", map[string]string{"a": "1", "b": "2"}, []step{{"set", "a", "9"}}},
		{"delete middle", map[string]string{"a": "1", "b": "2", "c": "3"}, []step{{"delete", "b", ""}}},
		{"delete last one", map[string]string{"a": "1"}, []step{{"delete", "a", ""}}},
		{"delete absent", map[string]string{"a": "1"}, []step{{"delete", "z", ""}}},
		{"empty value", nil, []step{{"set", "a", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, want := MakeAttrs(tc.start), maps.Clone(tc.start)
			if want == nil {
				want = map[string]string{}
			}
			for _, s := range tc.steps {
				switch s.op {
				case "set":
					a.Set(s.name, s.value)
					want[s.name] = s.value
				case "delete":
					a.Delete(s.name)
					delete(want, s.name)
				}
			}
			got := maps.Collect(a.All())
			if !maps.Equal(got, want) || a.Len() != len(want) || !slices.Equal(a.Names(), slices.Sorted(maps.Keys(want))) {
				t.Fatalf("attrs %v (names %v), want %v", got, a.Names(), want)
			}
			for k, v := range want {
				if g, ok := a.Get(k); !ok || g != v || a.Value(k) != v {
					t.Errorf("Get(%q) = %q, %v; want %q", k, g, ok, v)
				}
			}
			if _, ok := a.Get("absent"); ok || a.Value("absent") != "" {
				t.Error("Get of an absent name found a value")
			}
			if len(want) == 0 && (a.names != nil || a.values != nil) {
				t.Error("an empty Attrs is not the zero Attrs (DeepEqual would tell it from a deal never given any)")
			}
		})
	}
}

// TestAttrsShared: deals read from one file share their names; changing
// one deal's attributes leaves the others alone.
func TestAttrsShared(t *testing.T) {
	deals, err := Read(strings.NewReader("id,start,end,z,a\nx,2004,2005,1,2\ny,2004,2005,3,4\n"))
	if err != nil {
		t.Fatal(err)
	}
	x, y := &deals[0].Attrs, &deals[1].Attrs
	if !x.sharesNames(*y) || !slices.Equal(x.Names(), []string{"a", "z"}) {
		t.Fatalf("names %v and %v: want one shared sorted list", x.Names(), y.Names())
	}
	x.Set("a", "20")
	x.Set("m", "new")
	y.Delete("z")
	if got := maps.Collect(x.All()); !maps.Equal(got, map[string]string{"a": "20", "m": "new", "z": "1"}) {
		t.Errorf("x: %v", got)
	}
	if got := maps.Collect(y.All()); !maps.Equal(got, map[string]string{"a": "4"}) {
		t.Errorf("y: %v", got)
	}
}

// TestAttrsJSON: Attrs encode as the map they replaced did (an object, or
// null when empty) and decode back.
func TestAttrsJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   map[string]string
		want string
	}{
		{"none", nil, `{"ID":"a","Attrs":null}`},
		{"two", map[string]string{"z": `say "hi"`, "a": "1"}, `{"ID":"a","Attrs":{"a":"1","z":"say \"hi\""}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type deal struct {
				ID    string
				Attrs Attrs
			}
			b, err := json.Marshal(deal{"a", MakeAttrs(tc.in)})
			if err != nil || string(b) != tc.want {
				t.Fatalf("Marshal = %s, %v; want %s", b, err, tc.want)
			}
			var back deal
			if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back.Attrs, MakeAttrs(tc.in)) {
				t.Errorf("Unmarshal gives %v, %v; want %v", maps.Collect(back.Attrs.All()), err, tc.in)
			}
		})
	}
	var a Attrs
	if err := json.Unmarshal([]byte(`{"n":1}`), &a); err == nil {
		t.Error("a number value was accepted")
	}
}
