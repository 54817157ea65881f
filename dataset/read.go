package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Read parses a user's deals CSV. It needs only the columns id, start and
// end (and end_type where a deal is ongoing or its end unknown); any other
// dataset column is optional, and columns that are not dataset columns are
// kept in each Deal's Attrs. The error, if any, is an Errors listing every
// problem found (up to MaxErrors) as file:line:column: what is wrong, and
// then there are no deals.
//
// Besides the checks of each column, Read refuses: input over the limits
// in limits.go (MaxFileSize, MaxRows, MaxColumns, MaxCellBytes, MaxIDBytes,
// MaxListItems); a NUL byte anywhere (the input is not a text file); a
// control character (U+0000–U+001F, U+007F) in an id or a list item;
// columns named like the derived columns of a frame (see ReservedColumn);
// and, in a column of numbers, NaN, infinities and numbers beyond the range
// of a float64 (leave a cell empty for a missing value).
func Read(r io.Reader) ([]Deal, error) {
	var size int64
	if l, ok := r.(interface{ Len() int }); ok { // bytes.Reader, strings.Reader, bytes.Buffer
		size = int64(l.Len())
	}
	data, err := readLimited(r, size, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("input: %w", err)
	}
	return readNamed("input", data)
}

// ReadFile is Read on a file; errors name the file.
func ReadFile(path string) ([]Deal, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var size int64 // a regular file's size, to refuse it unread or read it in one allocation
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	if size > MaxFileSize {
		return nil, tooBig(path)
	}
	data, err := readLimited(f, size, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return readNamed(path, data)
}

// readLimited reads r to its end, but no further than one byte past
// limit, and stops early at a chunk holding a NUL byte, so that
// /dev/zero or a binary file fails at once. size, if known, is the
// expected length. The text is built as a string so that the cells can be
// substrings of it without a second copy.
func readLimited(r io.Reader, size, limit int64) (string, error) {
	var b strings.Builder
	b.Grow(int(min(size, limit)) + 1)
	lr := io.LimitReader(r, limit+1)
	buf := make([]byte, 1<<16)
	for {
		n, err := lr.Read(buf)
		b.Write(buf[:n])
		if bytes.IndexByte(buf[:n], 0) >= 0 || err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
	}
}

func tooBig(name string) error {
	return Errors{{File: name, Err: fmt.Errorf("%w: larger than %d bytes (MaxFileSize)", ErrLimit, MaxFileSize)}}
}

func readNamed(name string, data string) ([]Deal, error) {
	if len(data) > MaxFileSize {
		return nil, tooBig(name)
	}
	p := &problems{file: name}
	if i := strings.IndexByte(data, 0); i >= 0 {
		line := 1 + strings.Count(data[:i], "\n")
		col := i - strings.LastIndexByte(data[:i], '\n')
		p.add(line, col, "", fmt.Errorf("%w: a NUL byte (U+0000): this is not a text CSV file", ErrControl))
		return nil, p.err()
	}
	deals, _ := parseDeals(data, false, p, runtime.GOMAXPROCS(0), minSplitBytes)
	if err := p.err(); err != nil {
		return nil, err // which rows were read before the problems stopped it depends on the cores
	}
	return deals, nil
}

// binding is a dataset column present in a file, with its position.
type binding struct {
	col *column
	i   int
}

// attrColumn is a user column (not a dataset column) with its position,
// and what Read learnt of its values: whether every non-empty one reads as
// a number, and the cells that read as NaN, an infinity or out of range.
type attrColumn struct {
	name    string
	i       int
	numeric bool
	odd     []*ParseError
}

// parseDeals reads deals.csv. strict (the embedded file) requires every
// dataset column, rejects unknown ones, requires the core values and keeps
// each row's cell positions (in the returned table) for the provenance
// checks.
//
// A user file without quotes is read in up to parts runs of lines of at
// least minBytes each (tableScanner.split), read at the same time, each
// into its own stretch of one slice of deals;
// duplicate ids and the columns of numbers are then judged over the whole
// file, and the problems put back in file order, so that the result is
// what one pass gives (FuzzReadSplit checks this).
func parseDeals[T string | []byte](data T, strict bool, p *problems, parts, minBytes int) ([]Deal, *table) {
	sc, t := openTable(data, p)
	if t == nil {
		return nil, nil
	}
	required, allowed := minimalColumns, map[string]bool(nil)
	if strict {
		required, allowed = columnNames, columnSet
	}
	hasColumns, namesFree := t.checkHeader(required, allowed, p), t.checkReserved(p)
	if !hasColumns || !namesFree {
		return nil, nil
	}
	var present []binding
	for i := range columns {
		if j, ok := t.index[columns[i].name]; ok {
			present = append(present, binding{&columns[i], j})
		}
	}
	var extra []attrColumn // in name order, as Attrs keeps them
	for i, h := range t.header {
		if h != "" && !columnSet[h] && t.index[h] == i {
			extra = append(extra, attrColumn{name: h, i: i, numeric: true})
		}
	}
	slices.SortFunc(extra, func(a, b attrColumn) int { return strings.Compare(a.name, b.name) })
	names := make([]string, len(extra)) // shared by every deal's Attrs
	for k, a := range extra {
		names[k] = a.name
	}
	// One deal per line at most: allocate once rather than grow a slice of
	// large structs (BenchmarkReadBig100k); each part fills its own stretch.
	n := lines(data)
	deals := make([]Deal, n)
	scanners := []*tableScanner{sc}
	if !strict && n <= MaxRows {
		scanners = sc.split(parts, minBytes)
	}
	read := make([]dealPart, len(scanners))
	var wg sync.WaitGroup
	first := 0
	for k, sc := range scanners {
		part := &read[k]
		size := n - first
		if k+1 < len(scanners) {
			size = sc.lineBound()
		}
		part.first, part.deals = first, deals[first:first:first+size]
		part.ids = make([]rowID, 0, size)
		part.p = &problems{file: p.file}
		part.extra = slices.Clone(extra)
		part.attrs = attrBlock{names: &names, values: make([]string, size*len(names))}
		first += size
		wg.Add(1)
		go func() {
			defer wg.Done()
			part.read(sc, t, present, strict)
		}()
	}
	wg.Wait()
	deals, kept, rows := mergeParts(deals, read, p)
	if !strict {
		kept = nil
	}
	checkRows(rows, p)
	if reportNumbers(mergeNumbers(extra, read), p) {
		sortProblems(p)
	}
	t.rows = kept
	return deals, t
}

// dealPart is what one scanner of parseDeals read: its deals, every row's
// id (failed rows too), its problems and what it learnt of the numbers of
// each user column.
type dealPart struct {
	first int      // where deals starts in the slice of all the deals
	deals []Deal   // with room for every line of the part
	kept  []record // strict: each deal's record, for the provenance checks
	ids   []rowID
	rows  int
	p     *problems
	extra []attrColumn
	attrs attrBlock
}

// attrBlock holds the Attrs values of a part's deals in one allocation,
// len(names) for each deal slot.
type attrBlock struct {
	names  *[]string
	values []string
}

// at is the empty Attrs of the deal in slot i.
func (b attrBlock) at(i int) Attrs {
	k := len(*b.names)
	if k == 0 {
		return Attrs{}
	}
	return Attrs{names: b.names, values: b.values[i*k : (i+1)*k : (i+1)*k]}
}

// rowID is the id of one data row, its hash, where it is, and its deal's
// index in the part (-1 if the row failed).
type rowID struct {
	id        string
	hash      uint64 // of id, with idSeed (findDuplicates)
	line, col int
	deal      int
}

// read parses the rows of one scanner into part.
func (part *dealPart) read(sc *tableScanner, t *table, present []binding, strict bool) {
	idCol := t.index["id"]
	// Write to the part's stretch of deals before parsing: its pages are
	// then mapped by this goroutine, not first read by a concurrent
	// collection as zero pages and copied on the parser's write (a page
	// fault and a TLB shootdown each: a third of the time at 100,000 deals
	// on a two-core VM with Go's default GOGC).
	full := part.deals[:cap(part.deals)]
	for i := range full {
		full[i].Line = 0
	}
	part.rows = sc.rows(t, part.p, func(t *table, rec *record) {
		part.deals = append(part.deals, Deal{Attrs: part.attrs.at(len(part.deals))})
		d := &part.deals[len(part.deals)-1]
		ok := parseDeal(d, rec, present, part.extra, strict, t, part.p)
		id := rowID{id: d.ID, hash: maphash.String(idSeed, d.ID), line: rec.line, col: rec.cols[idCol], deal: len(part.deals) - 1}
		if !ok {
			part.deals = part.deals[:len(part.deals)-1]
			id.deal = -1
		} else if strict {
			part.kept = append(part.kept, rec.clone())
		}
		part.ids = append(part.ids, id)
	})
}

// mergeParts moves the parts' deals together at the start of all (the
// slice they were read into) in file order, drops the rows whose id a row
// before them used, and puts every part's problems and the duplicate ids
// into p in file order (those of one line in the order one pass finds
// them: the cells', then the duplicate id's).
func mergeParts(all []Deal, parts []dealPart, p *problems) ([]Deal, []record, int) {
	var kept []record
	var found Errors
	rows, n, end := 0, 0, 0
	dupes := findDuplicates(parts, len(parts))
	for k := range parts {
		part := &parts[k]
		rows += part.rows
		var dups Errors
		drop := map[int]bool{}
		for ; len(dupes) > 0 && dupes[0].part == k; dupes = dupes[1:] {
			r := part.ids[dupes[0].row]
			dups = append(dups, &ParseError{File: p.file, Line: r.line, Column: r.col, Field: "id",
				Err: fmt.Errorf("%w: %q already used on line %d", ErrDuplicateID, r.id, dupes[0].first)})
			if r.deal >= 0 {
				drop[r.deal] = true
			}
		}
		found = append(found, mergeByLine(part.p.list, dups)...)
		end = part.first + len(part.deals)
		if len(drop) == 0 && n == part.first { // in place already
			n += len(part.deals)
			kept = append(kept, part.kept...)
			continue
		}
		for i := range part.deals {
			if drop[i] {
				continue
			}
			all[n] = part.deals[i]
			n++
			if part.kept != nil {
				kept = append(kept, part.kept[i])
			}
		}
	}
	if end > n {
		clear(all[n:end]) // the stale copies of moved deals
	}
	for _, e := range found {
		p.add(e.Line, e.Column, e.Field, e.Err)
	}
	return all[:n], kept, rows
}

// mergeByLine merges two lists of problems in line order, a's before b's
// on the same line.
func mergeByLine(a, b Errors) Errors {
	out := make(Errors, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Line < a[0].Line {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// mergeNumbers combines what each part learnt of the user columns: a
// column is numeric if it is in every part, and its odd values are the
// parts' in order.
func mergeNumbers(extra []attrColumn, parts []dealPart) []attrColumn {
	out := slices.Clone(extra)
	for k := range out {
		for _, part := range parts {
			a := part.extra[k]
			out[k].numeric = out[k].numeric && a.numeric
			out[k].odd = append(out[k].odd, a.odd...)
		}
		out[k].odd = out[k].odd[:min(len(out[k].odd), MaxErrors)]
	}
	return out
}

// parseDeal reads one row into d; it reports every bad cell and returns
// false if there was any.
func parseDeal(d *Deal, rec *record, present []binding, extra []attrColumn, strict bool, t *table, p *problems) bool {
	d.Line = rec.line
	before := len(p.list)
	for _, b := range present {
		if err := b.col.set(d, rec.cells[b.i]); err != nil {
			p.add(rec.line, rec.cols[b.i], b.col.name, err)
		}
	}
	if strict {
		for _, name := range requiredValues {
			if rec.cell(t, name) == "" {
				line, col := rec.pos(t, name)
				p.add(line, col, name, fmt.Errorf("%w (every deal needs %s)", ErrRequired, name))
			}
		}
	}
	if len(extra) > 0 {
		for k := range extra {
			a := &extra[k]
			v := rec.cells[a.i]
			d.Attrs.values[k] = v
			if a.numeric && v != "" {
				a.note(v, rec.line, rec.cols[a.i], p.file)
			}
		}
	}
	if len(p.list) == before {
		for _, e := range checkDates(d) {
			line, col := rec.pos(t, e.field)
			p.add(line, col, e.field, e.err)
		}
	}
	return len(p.list) == before
}

// note classifies one value of a column that has held only numbers so far.
func (a *attrColumn) note(v string, line, col int, file string) {
	if plainNumber(v) {
		return
	}
	_, err := parseNumber(v)
	switch {
	case err == nil:
	case errors.Is(err, ErrNumber):
		if len(a.odd) < MaxErrors {
			a.odd = append(a.odd, &ParseError{File: file, Line: line, Column: col, Field: a.name, Err: err})
		}
	default:
		a.numeric, a.odd = false, nil
	}
}

// plainNumber reports whether s is a decimal number with at most 300
// digits and no exponent, such as -12 or 0.375: certainly finite, so that
// the common case needs no strconv.ParseFloat.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0 && digits <= 300
}

// reportNumbers reports the NaN, infinite and out-of-range values of the
// columns that are otherwise numeric, and whether it added any to p (none
// once p is full, so that the problems are only re-sorted when one pass
// and a split read both added the same).
func reportNumbers(extra []attrColumn, p *problems) bool {
	before := len(p.list)
	for _, a := range extra {
		if a.numeric {
			for _, e := range a.odd {
				p.add(e.Line, e.Column, e.Field, e.Err) // nothing once p is full
			}
		}
	}
	return len(p.list) > before
}

type fieldError struct {
	field string
	err   error
}

// checkDates applies the rules that tie the date columns together.
func checkDates(d *Deal) []fieldError {
	var errs []fieldError
	add := func(field string, err error) { errs = append(errs, fieldError{field, err}) }
	if d.Start.IsZero() {
		add("start", fmt.Errorf("%w (every deal needs a start date)", ErrRequired))
		return errs
	}
	if d.EndType == "" {
		switch {
		case !d.End.IsZero():
			d.EndType = EndTypeBreakdown
		default:
			add("end", fmt.Errorf("%w: no end date and no end_type (set end, or end_type ongoing or unknown)", ErrNoEnd))
			return errs
		}
	}
	switch d.EndType {
	case EndTypeBreakdown, EndTypeExpired, EndTypeSuperseded:
		if d.End.IsZero() {
			add("end", fmt.Errorf("%w: end_type %s needs an end date", ErrNoEnd, d.EndType))
		}
	case EndTypeOngoing, EndTypeUnknown:
		if !d.End.IsZero() {
			add("end", fmt.Errorf("%w: end_type %s takes no end date (record it in end_alt, or change end_type)", ErrUnexpectedEnd, d.EndType))
		}
	}
	if d.EndType == EndTypeUnknown && d.LastSeen.IsZero() {
		add("last_seen", fmt.Errorf("%w: end_type unknown needs last_seen, the last date a source reports the deal in force", ErrRequired))
	}
	after := func(field string, x Date) {
		if !x.IsZero() && x.Before(d.Start) {
			add(field, fmt.Errorf("%w: %s is before start %s", ErrEndBeforeStart, x, d.Start))
		}
	}
	after("end", d.End)
	after("last_seen", d.LastSeen)
	for _, a := range d.EndAlt {
		after("end_alt", a.Date)
	}
	return errs
}
