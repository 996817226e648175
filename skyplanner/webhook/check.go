package webhook

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// delivery is a checked delivery: its event, and for a signed one the key
// that recognises a replay and when that key may be forgotten.
type delivery struct {
	ev      Event
	key     string
	expires time.Time
}

// rejection is why check refused a delivery and how to answer it.
type rejection struct {
	reason Reason
	status int
	text   string
	err    error
}

func reject(reason Reason, status int, text string, err error) *rejection {
	return &rejection{reason: reason, status: status, text: text, err: err}
}

// check authenticates a delivery when a secret is set, then reads its
// event. Nothing from an unverified body is read before the signature
// holds, so a forged body is refused as unsigned (401), not as malformed.
func (h *Handler) check(r *http.Request, body []byte) (delivery, *rejection) {
	if !h.cfg.unsigned {
		header := r.Header.Get(HeaderTimestamp)
		headerTime, err := unixTime(header)
		if err != nil {
			return delivery{}, reject(ReasonTimestamp, http.StatusUnauthorized,
				"missing or unreadable "+HeaderTimestamp, fmt.Errorf("%s: %w", HeaderTimestamp, err))
		}
		if err := Verify(h.cfg.scheme, h.cfg.secret, header, body, r.Header.Get(HeaderSignature)); err != nil {
			return delivery{}, reject(ReasonSignature, http.StatusUnauthorized, "bad signature", err)
		}
		ev, rej := h.parse(r, body)
		if rej != nil {
			return delivery{}, rej
		}
		return h.fresh(ev, header, headerTime, body)
	}
	ev, rej := h.parse(r, body)
	return delivery{ev: ev}, rej
}

func (h *Handler) parse(r *http.Request, body []byte) (Event, *rejection) {
	if ct := r.Header.Get("Content-Type"); !isJSON(ct) {
		// The vendor sends application/json; a proxy may not. The body
		// decides, but a changed sender is worth a line in the log.
		h.cfg.logger.InfoContext(r.Context(), "webhook: body is not declared JSON; reading it anyway", "content_type", ct)
	}
	ev, err := ParseEvent(body)
	if err != nil {
		return Event{}, reject(ReasonMalformed, http.StatusBadRequest, err.Error(), err)
	}
	return ev, nil
}

// errNoSignedTime is a body-only scheme's delivery whose body has no
// timestamp: with nothing signed to date it, a replay could never be
// refused as stale.
var errNoSignedTime = errors.New(`the body has no "timestamp", the only signed time of this scheme`)

// fresh checks the signed time against the clock: the header's when the
// scheme signs it, else the body's, which the body signature covers.
func (h *Handler) fresh(ev Event, header string, headerTime time.Time, body []byte) (delivery, *rejection) {
	signed := headerTime
	if !h.cfg.scheme.SignsTimestamp() {
		if ev.Time.IsZero() {
			return delivery{}, reject(ReasonTimestamp, http.StatusUnauthorized, "no signed timestamp", errNoSignedTime)
		}
		signed = ev.Time
	}
	now := h.cfg.clock()
	if off := now.Sub(signed).Abs(); off > h.cfg.tolerance {
		return delivery{}, reject(ReasonStale, http.StatusUnauthorized, "stale: signed time outside tolerance",
			fmt.Errorf("signed time %s is %s from now, more than %s", signed.Format(time.RFC3339), off, h.cfg.tolerance))
	}
	return delivery{
		ev:      ev,
		key:     string(sum(h.cfg.scheme, h.cfg.secret, header, body)),
		expires: signed.Add(h.cfg.tolerance),
	}, nil
}
