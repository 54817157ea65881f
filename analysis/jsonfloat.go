package analysis

import (
	"math"
	"strconv"
)

// jsonFloat is a float64 that JSON can always encode (encoding/json
// refuses NaN and infinities): NaN is null, ±Inf the strings "Inf" and
// "-Inf" (as a Table writes them), every other value a number in full
// precision. The MarshalJSON methods of results use it for every float
// field.
type jsonFloat float64

// MarshalJSON implements json.Marshaler.
func (f jsonFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	switch {
	case math.IsNaN(x):
		return []byte("null"), nil
	case math.IsInf(x, 1):
		return []byte(`"Inf"`), nil
	case math.IsInf(x, -1):
		return []byte(`"-Inf"`), nil
	}
	return strconv.AppendFloat(nil, x, 'g', -1, 64), nil
}
