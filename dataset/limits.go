package dataset

// Limits on a user's CSV. They are far above any real dataset of deals
// (the embedded one has a few dozen rows of a few hundred bytes) and keep a
// wrong or hostile input from exhausting memory or time: each is reported
// as a ParseError wrapping ErrLimit that names the limit. For scale: a file
// of 1,000,000 deals in the shape of ../shared/bench/genbig.py is 70 MB,
// and `truce validate` on it peaks at about 0.9 GB of memory (2 cores,
// Go 1.26), most of it the Deal values (664 bytes each).
const (
	// MaxFileSize is the largest file Read and ReadFile accept, in bytes
	// (256 MiB). Larger input is refused before it is parsed; a stream
	// such as /dev/zero is read no further than this.
	MaxFileSize = 256 << 20
	// MaxRows is the most data rows (deals) a file may have.
	MaxRows = 2_000_000
	// MaxColumns is the most columns a header may have.
	MaxColumns = 1000
	// MaxCellBytes is the longest cell, in bytes (64 KiB), before trimming.
	MaxCellBytes = 64 << 10
	// MaxIDBytes is the longest id, in bytes.
	MaxIDBytes = 128
	// MaxListItems is the most items in one ;-separated list cell.
	MaxListItems = 1000
)
