package plots

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"

	"github.com/klauspost/compress/flate"
)

// pngCanvas writes a raster canvas as PNG, faster than image/png and with
// the same pixels:
//
//   - as 8-bit RGB with every row filtered by "Up" (the
//     difference to the row above), where image/png tries all five PNG
//     filters on every row (about half of its encoding time);
//   - with deflate's fastest level, from github.com/klauspost/compress:
//     the default level spends half of a briefing's rendering time in
//     deflate for files about a third smaller, and klauspost's fastest
//     level takes about a third less time than the standard library's for
//     files about 3% larger (measured on the briefing's charts);
//   - with the filter and zlib's checksum skipping what repeats
//     (encodePNG): the files are byte for byte those of klauspost's zlib
//     writer.
//
// A paletted encoding was measured and dropped: anti-aliasing gives every
// briefing chart 300 to 1,000 colours, so the search for at most 256 only
// cost time. Output is byte-identical run to run. An image with any
// transparency is left to image/png. The canvas type and its text drawing
// are in pngtext.go.
func (c *pngCanvas) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	img := c.Image()
	rgba, ok := img.(*image.RGBA)
	if !ok || !opaque(rgba) {
		err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(cw, img)
		return cw.n, err
	}
	err := encodePNG(cw, rgba)
	return cw.n, err
}

// encodePNG writes an opaque image as PNG (ISO/IEC 15948): 8-bit RGB with
// the Up filter, in a zlib stream (RFC 1950) of deflate at its fastest
// level. A chart is mostly rows equal to the row above, and runs of equal
// pixels within a row: such a row is filtered to zeros without a pass
// over its pixels, equal 8-byte stretches are skipped eight bytes at a
// time, and zlib's Adler-32 checksum adds a run of zeros in one step
// (adler32): in perf samples of `truce report` on the peers' 17 deals, the
// filter and the checksum fell from 26% to 11%.
func encodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	wd, ht := b.Dx(), b.Dy()
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(wd))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(ht))
	ihdr[8] = 8 // bit depth
	ihdr[9] = 2 // RGB
	writeChunk(bw, "IHDR", ihdr[:])
	// IDAT: the zlib stream, cut into chunks as it is written: the header
	// (deflate, 32 KiB window, fastest level), the deflate data, and the
	// Adler-32 checksum of the filtered rows.
	cw := &chunkWriter{w: bw}
	cw.Write([]byte{0x78, 0x01})
	fw, err := flate.NewWriter(cw, flate.BestSpeed)
	if err != nil {
		return err
	}
	row := make([]byte, 1+3*wd)
	zeros := make([]byte, 1+3*wd)
	row[0], zeros[0] = 2, 2 // filter Up: each byte minus the byte above (0 above the first row)
	sum := adler32(1)
	var up []byte // the row above; nil above the first
	for y := 0; y < ht; y++ {
		src := img.Pix[y*img.Stride : y*img.Stride+4*wd]
		out := row
		if up != nil && bytes.Equal(src, up) {
			out, sum = zeros, sum.update(zeros[:1]).zeros(3*wd)
		} else {
			filterUp(row[1:], src, up)
			sum = sum.update(row)
		}
		if _, err := fw.Write(out); err != nil {
			return err
		}
		up = src
	}
	if err := fw.Close(); err != nil {
		return err
	}
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], uint32(sum))
	cw.Write(tail[:])
	if err := cw.flush(); err != nil {
		return err
	}
	writeChunk(bw, "IEND", nil)
	return bw.Flush()
}

// filterUp writes the RGB bytes of the RGBA row src minus those of up
// (nil: the first row, minus zero) into out; stretches of two pixels
// equal to the pair above become zeros without a byte-by-byte pass.
func filterUp(out, src, up []byte) {
	if up == nil {
		for x := 0; 4*x < len(src); x++ {
			copy(out[3*x:3*x+3], src[4*x:4*x+3])
		}
		return
	}
	x := 0
	for ; 4*x+8 <= len(src); x += 2 {
		if binary.LittleEndian.Uint64(src[4*x:]) == binary.LittleEndian.Uint64(up[4*x:]) {
			clear(out[3*x : 3*x+6])
			continue
		}
		for k := x; k < x+2; k++ {
			s, u, o := src[4*k:4*k+3:4*k+3], up[4*k:4*k+3:4*k+3], out[3*k:3*k+3:3*k+3]
			o[0], o[1], o[2] = s[0]-u[0], s[1]-u[1], s[2]-u[2]
		}
	}
	for ; 4*x < len(src); x++ {
		s, u, o := src[4*x:4*x+3:4*x+3], up[4*x:4*x+3:4*x+3], out[3*x:3*x+3:3*x+3]
		o[0], o[1], o[2] = s[0]-u[0], s[1]-u[1], s[2]-u[2]
	}
}

// zeros adds n zero bytes to the checksum in one step: s1 stays, s2 gains
// n·s1.
func (a adler32) zeros(n int) adler32 {
	const mod = 65521
	s1, s2 := uint64(a&0xffff), uint64(a>>16)
	s2 = (s2 + uint64(n)%mod*s1) % mod
	return adler32(s2<<16 | s1)
}

// opaque reports whether every pixel of img has alpha 255, as img.Opaque
// does, but skips a row equal to the one above and reads the others two
// pixels at a time.
func opaque(img *image.RGBA) bool {
	b := img.Bounds()
	w := 4 * b.Dx()
	var up []byte // the row above; nil above the first
	for y := 0; y < b.Dy(); y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+w]
		if up != nil && bytes.Equal(row, up) {
			continue
		}
		up = row
		i := 0
		for ; i+8 <= w; i += 8 {
			if binary.LittleEndian.Uint64(row[i:])&0xff000000ff000000 != 0xff000000ff000000 {
				return false
			}
		}
		for ; i < w; i += 4 {
			if row[i+3] != 0xff {
				return false
			}
		}
	}
	return true
}

// adler32 is a running Adler-32 checksum (RFC 1950, section 8.2): s2<<16
// | s1, with s1 = 1 + the sum of the bytes and s2 the sum of the s1 after
// each byte, both modulo 65521. Start from adler32(1).
type adler32 uint32

// update adds p to the checksum. Eight zero bytes at once add 8·s1 to s2
// and nothing to s1.
func (a adler32) update(p []byte) adler32 {
	const mod, nmax = 65521, 5552 // nmax: the most bytes before s2 could overflow 32 bits
	s1, s2 := uint32(a&0xffff), uint32(a>>16)
	for len(p) > 0 {
		q := p[min(len(p), nmax):]
		p = p[:min(len(p), nmax)]
		for len(p) >= 8 {
			if binary.LittleEndian.Uint64(p) == 0 {
				s2 += 8 * s1
			} else {
				for _, c := range p[:8] {
					s1 += uint32(c)
					s2 += s1
				}
			}
			p = p[8:]
		}
		for _, c := range p {
			s1 += uint32(c)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		p = q
	}
	return adler32(s2<<16 | s1)
}

func writeChunk(w *bufio.Writer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	w.WriteString(typ)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// chunkWriter collects zlib output into IDAT chunks of up to 64 KiB.
type chunkWriter struct {
	w   *bufio.Writer
	buf []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	for len(c.buf) >= 64<<10 {
		writeChunk(c.w, "IDAT", c.buf[:64<<10])
		c.buf = c.buf[64<<10:]
	}
	return len(p), nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) > 0 {
		writeChunk(c.w, "IDAT", c.buf)
		c.buf = nil
	}
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}
