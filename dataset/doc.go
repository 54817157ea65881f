// Package dataset is the truce dataset: every peace deal, ceasefire and
// formal negotiation round between the Pakistani state and the Pakistani
// Taliban (TTP) and allied factions since 2004, hand-coded with sources,
// and the code that reads, checks and selects it.
//
// # The data
//
// Four CSV files are embedded in the package and need no files at run
// time: deals.csv (one row per deal: dates, parties, mediator, what each
// side gave, how and why it ended), sources.csv (every report cited),
// citations.csv (the quote or paraphrase that supports each coded field)
// and governments.csv (the federal governments of the day). CODEBOOK.md
// beside this file defines every column and category, the counting rule
// and how to cite; the data are under CC BY 4.0, the code under the MIT
// License (see LICENSE at the repository root).
//
// # Loading
//
// Load parses and checks the embedded files and the links between them;
// Read and ReadFile read a user's CSV, which needs only the columns id,
// start and end (a deal with no end needs end_type ongoing, or unknown
// with last_seen). Problems come back together as Errors, a list of
// *ParseError with file, line, column and field, wrapping sentinel errors
// such as ErrDate for errors.Is. Write writes deals back.
//
// # Durations and censoring
//
// Dates keep their precision: 2008-05 is a month, not 1 May 2008 (Date).
// Deal.Duration measures a deal from its start to its end in days, from
// the middle day of each date's span, with the bounds the precision
// allows. Only a breakdown is an event; a deal that expired or was
// superseded is censored at its end, an ongoing one at the as-of date
// (AsOf, or a date the caller chooses) and one whose end is unknown at the
// last date a source reports it in force (last_seen).
//
// # Selecting deals
//
// Select is the selection every analysis of the truce command uses:
// agreements and ceasefires (AnalysedKinds) unless a condition names the
// kind, filtered by conditions in the language of the command's --where
// flag (Cond, ParseCond, Filter), with durations measured to the as-of
// date. Frame and FrameAt turn deals into the gota DataFrame the analysis
// package reads.
package dataset
