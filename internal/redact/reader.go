package redact

import "io"

// chunk is how much a scrubbing reader asks of its source at a time.
const chunk = 32 << 10

// Body returns rc scrubbed as it is read. A secret that straddles two reads
// is still caught: the reader holds back the last maxLen-1 bytes it has
// seen until more arrive or the body ends. An error from rc is scrubbed too.
// With no secret to scrub it returns rc itself.
func (r *Redactor) Body(rc io.ReadCloser) io.ReadCloser {
	if r.current() == nil {
		return rc
	}
	return &reader{src: rc, r: r}
}

type reader struct {
	src  io.ReadCloser
	r    *Redactor
	buf  []byte // raw bytes read and not yet scrubbed: the held-back tail
	out  []byte // scrubbed bytes not yet handed out
	done error  // the source's last error, io.EOF at its end
}

func (b *reader) Read(p []byte) (int, error) {
	for len(b.out) == 0 {
		if b.done != nil {
			return 0, b.done
		}
		b.fill()
	}
	n := copy(p, b.out)
	b.out = b.out[n:]
	return n, nil
}

// fill reads once from the source and moves what can no longer be the start
// of a secret to out, scrubbed.
func (b *reader) fill() {
	if cap(b.buf)-len(b.buf) < chunk {
		grown := make([]byte, len(b.buf), len(b.buf)+chunk)
		copy(grown, b.buf)
		b.buf = grown
	}
	n, err := b.src.Read(b.buf[len(b.buf) : len(b.buf)+chunk])
	b.buf = b.buf[:len(b.buf)+n]
	if err != nil {
		b.done = b.r.Error(err)
	}
	set := b.r.current()
	cut := len(b.buf)
	if b.done == nil {
		cut -= set.maxLen - 1
	}
	if cut <= 0 {
		return
	}
	var used int
	b.out, used = set.replace(b.out[:0], b.buf, cut)
	b.buf = b.buf[:copy(b.buf, b.buf[used:])]
}

func (b *reader) Close() error { return b.src.Close() }
