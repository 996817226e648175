package mapping

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// External IDs. Every record of a plan carries one, made from the Minimax
// organisation and the ID of the Minimax record it comes from, so a sync can
// find what it created before instead of creating it twice. They are stable:
// the same order maps to the same IDs in every run and every version that
// keeps this scheme.

// OrderExternalID is the SkyPlanner external_id of a Minimax order:
// "minimax:<org>:order:<OrderId>".
func OrderExternalID(org, orderID int64) string { return externalID(org, "order", orderID) }

// RowExternalID is the external_id of the SkyPlanner order row made from a
// Minimax order row: "minimax:<org>:row:<OrderRowId>".
func RowExternalID(org, orderRowID int64) string { return externalID(org, "row", orderRowID) }

// CustomerExternalID is the external_id of a Minimax customer (stranka):
// "minimax:<org>:customer:<ID>".
func CustomerExternalID(org, customerID int64) string { return externalID(org, "customer", customerID) }

// ItemExternalID is the external_id of the SkyPlanner product made from a
// Minimax item (artikl): "minimax:<org>:item:<ID>".
func ItemExternalID(org, itemID int64) string { return externalID(org, "item", itemID) }

// JobExternalID is the external_id of the seq-th job (counted from 1, in
// routing order) of an order row: "minimax:<org>:row:<OrderRowId>:job:<seq>".
// Inserting a step into a routing therefore renumbers the steps after it.
func JobExternalID(org, orderRowID int64, seq int) string {
	b := make([]byte, 0, 48)
	b = append(b, RowExternalID(org, orderRowID)...)
	b = append(b, JobExternalIDSeparator...)
	return string(strconv.AppendInt(b, int64(seq), 10))
}

// WorkstageExternalID is the external_id of the workstage a routing step
// runs in: its WorkstageExternalID when set (spaces around it trimmed),
// otherwise a slug of its WorkstageName ("Savijanje lima" becomes
// "savijanje-lima"). It is "" when the step names no workstage.
func WorkstageExternalID(s Step) string {
	if id := strings.TrimSpace(s.WorkstageExternalID); id != "" {
		return id
	}
	return slug(s.WorkstageName)
}

func externalID(org int64, kind string, id int64) string {
	return string(strconv.AppendInt(appendPrefix(make([]byte, 0, 40), org, kind), id, 10))
}

// appendPrefix appends what every external ID of a kind of record of org
// starts with: "minimax:<org>:<kind>:".
func appendPrefix(b []byte, org int64, kind string) []byte {
	b = append(b, "minimax:"...)
	b = strconv.AppendInt(b, org, 10)
	b = append(b, ':')
	b = append(b, kind...)
	return append(b, ':')
}

// slug lower-cases letters and digits (of any script, so "Brušenje" stays
// "brušenje") and turns every run of anything else into one "-", trimmed at
// both ends.
//
// The name is put in NFC first. Keyboards and exports differ in whether "š"
// is one code point or "s" and a combining caron; a combining mark is not a
// letter, so without NFC the two spellings would give "brušenje" and
// "brus-enje", and a sync would create the workstage twice. NFC leaves a
// name already composed as it is, so no existing ID moves. NFKC or full case
// folding would merge more look-alikes ("ﬁ" and "fi", "ß" and "ss"), but
// they would also change the IDs of names already synced, for spellings a
// workstage list hardly ever mixes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFC.String(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = true
	}
	return b.String()
}

// ParseOrderExternalID reads an external ID made by OrderExternalID back
// into its organisation and Minimax order ID. ok is false for anything
// else: a row's or job's ID, another integration's key, a typo, a zero or
// negative ID. The way back uses it so that it never acts on a SkyPlanner
// order this mapping did not make.
func ParseOrderExternalID(s string) (org, orderID int64, ok bool) {
	rest, found := strings.CutPrefix(s, "minimax:")
	if !found {
		return 0, 0, false
	}
	orgPart, rest, found := strings.Cut(rest, ":order:")
	if !found {
		return 0, 0, false
	}
	org, okOrg := positive(orgPart)
	orderID, okID := positive(rest)
	if !okOrg || !okID {
		return 0, 0, false
	}
	return org, orderID, true
}

// positive reads a decimal ID as OrderExternalID writes one: digits only,
// no sign, no leading zero, above zero.
func positive(s string) (int64, bool) {
	if s == "" || s[0] == '0' || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}
