package analysis

import (
	"math"
	"strconv"
)

// jsonFloat is a float64 that encodes NaN and ±Inf as JSON null (JSON has
// no such numbers; encoding/json refuses them) and every other value in
// full precision. The MarshalJSON methods of results use it for every
// float field.
type jsonFloat float64

// MarshalJSON implements json.Marshaler.
func (f jsonFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, x, 'g', -1, 64), nil
}
