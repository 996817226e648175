package planbridge

import (
	"maps"
	"time"
)

// Watermark is where an incremental Sync resumes. It is small, plain data
// (JSON-encodable) that the caller keeps between runs, or lets a Store keep.
//
// Minimax stamps each order's RecordDtModified on its own wall clock, to
// the second or so and without a zone; a change can commit after a reader
// has passed its second, and an autumn clock change repeats an hour. So a
// run reads again, from Since less the overlap (WithOverlap), and uses the
// RowVersion to tell an order it has already handled from one changed
// since.
type Watermark struct {
	// Since is the latest modification time seen, in the organisation's
	// zone. The zero time reads every order.
	Since time.Time `json:"since,omitzero"`
	// Done holds the orders handled at a RowVersion, among those modified
	// within the overlap before Since: seen again at the same version, they
	// are passed over without a read.
	Done map[int64]string `json:"done,omitempty"`
	// Pending holds the orders that failed or that a run did not reach:
	// the next run reads them whatever the candidates say.
	Pending map[int64]Pending `json:"pending,omitempty"`
}

// Pending is an order the next run must handle.
type Pending struct {
	// RowVersion is the version last seen ("" when unknown).
	RowVersion string `json:"row_version,omitempty"`
	// Export is set when the order's writes succeeded but its export to
	// scheduling did not: the next run exports it even if SkyPlanner then
	// shows nothing new.
	Export bool `json:"export,omitempty"`
}

// clone returns a deep copy, so a caller's watermark is never changed.
func (w Watermark) clone() Watermark {
	return Watermark{Since: w.Since, Done: maps.Clone(w.Done), Pending: maps.Clone(w.Pending)}
}
