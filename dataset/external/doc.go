// Package external reads two public datasets of ceasefires and peace
// agreements into ordinary []dataset.Deal, so that truce's commands,
// analyses and charts work on them, and compares truce's dates with theirs.
//
// None of the files is committed or embedded: their terms are unclear or
// non-commercial (../shared/data/README.md). Tests that read the shared
// copies skip where they are absent; hand-made fixtures in testdata/ cover
// every quirk.
//
// # ETH/PRIO Civil Conflict Ceasefire dataset
//
// Clayton, G., Nygård, H. M., Strand, H., Rustad, S. A., Wiehler, C.,
// Sagård, T., Landsverk, P., Ryland, R., Sticher, V., Wink, E. & Bara, C.
// (2022), "Introducing the ETH/PRIO Civil Conflict Ceasefire Dataset",
// Journal of Conflict Resolution, doi:10.1177/00220027221129195: 2,202
// ceasefires in civil conflicts, 1989–2020. The file has one row per actor
// and ceasefire; ReadEthPrio makes one Deal per ceasefire (uniq_id). Dates
// are year, month and day columns with -1 for unknown and 0 for not
// applicable; they keep the precision they have (a day the month does not
// have, as in 1994-02-31, is dropped to the month, with a warning).
//
// The ended codes are mapped to truce's end types by EthPrioEnded(). The
// official codebook could not be found in any corpus the project could
// search, so the meanings are inferred from the data, documented code by
// code with the evidence, and flagged unconfirmed in a warning that every
// read returns: 1 expired, 2 breakdown, 4 superseded; 0 not ended (censored
// at the end of coverage, 2020-12-31); -1 unclear and 3 never took effect
// (censored at the start, or at an end date where -1 gives one). Time to
// breakdown therefore rests on the inferred meaning of code 2; time to any
// recorded end does not depend on the meanings of 1, 2 and 4.
//
// # UCDP Peace Agreement Dataset
//
// Pettersson, T., Högbladh, S. & Öberg, M. (2019), "Organized violence,
// 1989–2018 and peace agreements", Journal of Peace Research 56(4);
// version 22.1, agreements 1975–2021, one row per agreement (paid). The end
// date is in the column named duration; ended is True, False or blank.
// ReadUCDPPAD codes True with a date as a breakdown, blank and False as not
// ended (censored at 2021-12-31, the end of the coverage), and flags the
// known quirks (ended rows without an end date; an end before the start)
// as zero-day censored times with a warning. The UCDP codebook for v22.1
// was not found either (searched 2026-12-01: documentation and web pages
// for "UCDP Peace Agreement Dataset codebook" with ended, duration and
// pa_date; code for c_duration). UCDP's page for v2.0
// (http://www.pcr.uu.se/research/ucdp/datasets/ucdp_peace_agreement_dataset/)
// says only that the dataset holds "different variables concerned with the
// termination of violence". "ended = the agreement terminated, on the date
// in duration" is therefore the reading of the column names and of
// c_duration, which describes how it ended: unconfirmed, and said so in
// the reader's warning.
//
// # PA-X and the crosswalk
//
// PA-X (Bell, C. & Badanjak, S. (2019), "Introducing PA-X", Journal of
// Peace Research 56(3); PA-X Codebook v8, 2024) records when an agreement
// was signed, not when it ended. ReadPAX reads either export's date format.
// Crosswalk sets every truce deal that carries an ethprio_id or pax_id
// beside the records it names, with the differences in days.
//
// # Errors
//
// Every reader returns a dataset.Errors of *dataset.ParseError, each
// "file:line:column: column: what is wrong", wrapping truce's sentinel
// errors (dataset.ErrDate, dataset.ErrCategory, …); no input makes a
// reader panic (fuzz targets FuzzReadEthPrio, FuzzReadUCDPPAD, FuzzReadPAX).
// A byte-order mark, CRLF line ends, trailing spaces in column names and
// an empty last column name are accepted.
//
// # Use
//
// Load reads a file by format name ("ethprio", "ucdp-pad"), as the
// command's --data FILE --data-format FORMAT does; every command then works
// on the deals, with the country, region, mediator and mediation columns
// above usable in --where and --by. analysis.World sets truce's deals
// beside these (the command "truce world", and "truce report --ethprio").
//
// The figures the default briefing cites without the files
// (StoredFigures(), stored_figures.go) and the crosswalk section of
// dataset/CODEBOOK.md (§7.4) are written by the command in
// internal/worldfigures from the public files; its tests check them, and
// the figures against R, where ../shared/data is present.
package external
