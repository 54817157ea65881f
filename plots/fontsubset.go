package plots

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// subsetTTF returns a copy of the TrueType font src in which every glyph
// outside keep (glyph ids; .notdef and the components of composite glyphs
// are added) is emptied, so that a font embedded in an SVG costs a few
// kilobytes instead of 400. Glyph ids do not change, so cmap, hmtx and kern
// stay valid as they are. Tables a browser does not need to draw the kept
// glyphs are dropped: glyph names (post becomes format 3), GPOS and GDEF
// (kerning stays in the kern table), GSUB (gonum/plot draws no ligatures,
// so the SVG text then matches the PNG), hdmx, LTSH, VDMX, DSIG, FFTM. The
// layout follows the OpenType specification (table directory, loca, glyf,
// checksums: https://learn.microsoft.com/typography/opentype/spec/otff).
func subsetTTF(src []byte, keep []uint16) ([]byte, error) {
	tables, err := ttfTables(src)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, fmt.Errorf("font subset: not a TrueType font with glyf outlines")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offsets := make([]int, n+1)
	for i := range offsets {
		if long {
			if 4*i+4 > len(loca) {
				return nil, fmt.Errorf("font subset: loca too short")
			}
			offsets[i] = int(binary.BigEndian.Uint32(loca[4*i:]))
		} else {
			if 2*i+2 > len(loca) {
				return nil, fmt.Errorf("font subset: loca too short")
			}
			offsets[i] = 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if offsets[i] > len(glyf) || (i > 0 && offsets[i] < offsets[i-1]) {
			return nil, fmt.Errorf("font subset: bad loca entry %d", i)
		}
	}
	glyph := func(g int) []byte { return glyf[offsets[g]:offsets[g+1]] }
	// The glyphs to keep, with the components of composites.
	kept := make([]bool, n)
	todo := append([]uint16{0}, keep...)
	for len(todo) > 0 {
		g := int(todo[len(todo)-1])
		todo = todo[:len(todo)-1]
		if g >= n || kept[g] {
			continue
		}
		kept[g] = true
		todo = append(todo, components(glyph(g))...)
	}
	var newGlyf []byte
	newLoca := make([]byte, 4*(n+1))
	for g := 0; g < n; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if kept[g] {
			newGlyf = append(newGlyf, glyph(g)...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	tables["glyf"], tables["loca"] = newGlyf, newLoca
	head = slices.Clone(head)
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	tables["head"] = head
	if post := tables["post"]; len(post) >= 32 {
		post = slices.Clone(post[:32])
		binary.BigEndian.PutUint32(post, 0x00030000)
		tables["post"] = post
	}
	for _, t := range []string{"GPOS", "GDEF", "GSUB", "hdmx", "LTSH", "VDMX", "DSIG", "FFTM"} {
		delete(tables, t)
	}
	out := writeTTF(src[:4], tables)
	// head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
	hoff := tableOffset(out, "head")
	binary.BigEndian.PutUint32(out[hoff+8:], 0xB1B0AFBA-ttfChecksum(out))
	return out, nil
}

// components returns the glyph ids a composite glyph is built from; nil
// for a simple or empty glyph.
func components(g []byte) []uint16 {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []uint16
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, binary.BigEndian.Uint16(g[p+2:]))
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return out
}

// ttfTables reads the table directory of a TrueType font.
func ttfTables(b []byte) (map[string][]byte, error) {
	if len(b) < 12 {
		return nil, fmt.Errorf("font subset: file too short")
	}
	num := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*num {
		return nil, fmt.Errorf("font subset: table directory too short")
	}
	tables := map[string][]byte{}
	for i := 0; i < num; i++ {
		e := b[12+16*i:]
		off, n := int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))
		if off < 0 || n < 0 || off+n > len(b) {
			return nil, fmt.Errorf("font subset: table %q outside the file", e[:4])
		}
		tables[string(e[:4])] = b[off : off+n]
	}
	return tables, nil
}

// writeTTF writes tables, sorted by tag, each padded to 4 bytes, with the
// table directory and checksums; version is the sfnt version.
func writeTTF(version []byte, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	num := len(tags)
	es, sr := 0, 1
	for sr*2 <= num {
		sr, es = sr*2, es+1
	}
	out := make([]byte, 12+16*num)
	copy(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(num))
	binary.BigEndian.PutUint16(out[6:], uint16(sr*16))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(num*16-sr*16))
	for i, t := range tags {
		data := tables[t]
		e := out[12+16*i:]
		copy(e, t)
		binary.BigEndian.PutUint32(e[4:], ttfChecksum(data))
		binary.BigEndian.PutUint32(e[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(e[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func tableOffset(font []byte, tag string) int {
	num := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < num; i++ {
		if e := font[12+16*i:]; string(e[:4]) == tag {
			return int(binary.BigEndian.Uint32(e[8:]))
		}
	}
	return -1
}

// ttfChecksum is the OpenType table checksum: the sum of big-endian
// uint32s, the last zero-padded.
func ttfChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
