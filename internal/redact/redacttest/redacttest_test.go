package redacttest

import (
	"errors"
	"fmt"
	"testing"
)

type hidden struct {
	b     []byte
	m     map[string]any
	fn    func() string
	inner error
}

func (h *hidden) Error() string { return "hidden" }

func TestLeaksFindsSecretsAnywhere(t *testing.T) {
	t.Parallel()
	const s = "sekret-123"
	cases := map[string]any{
		"unexported []byte": &hidden{b: []byte("x" + s)},
		"map value":         &hidden{m: map[string]any{"k": []string{s}}},
		"map key":           map[string]int{s: 1},
		"func":              &hidden{fn: func() string { return s }},
		"wrapped error":     &hidden{inner: fmt.Errorf("a %s", s)},
	}
	for name, v := range cases {
		if len(Leaks(v, s)) == 0 {
			t.Errorf("%s: no leak found", name)
		}
	}
	cyclic := &hidden{}
	cyclic.inner = cyclic
	if got := Leaks(cyclic, s); len(got) != 0 {
		t.Errorf("clean cyclic value: %v", got)
	}
	if got := errorLeaks(errors.Join(errors.New("ok"), errors.New(s)), []string{s}); len(got) == 0 {
		t.Error("errorLeaks missed a secret in a joined error")
	}
}
