package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/planbridge/planbridge"
	"github.com/planbridge/planbridge/minimax/minimaxtest"
	"github.com/planbridge/planbridge/skyplanner/skyplannertest"
)

// outcome is what a test reads of a run.
type outcome struct {
	err            error
	stdout, stderr string
}

// code is the exit code the process would end with.
func (o outcome) code() int { return exitCode(o.err, new(bytes.Buffer)) }

// newProgram is a program with the given arguments and environment, a
// fixed clock and no terminal.
func newProgram(args []string, env map[string]string) (*program, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	fixed := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	return &program{
		args:   args,
		getenv: func(k string) string { return env[k] },
		stdout: &stdout, stderr: &stderr,
		now: func() time.Time { return fixed },
	}, &stdout, &stderr
}

// execute runs p to its end.
func execute(ctx context.Context, p *program, stdout, stderr *bytes.Buffer) outcome {
	err := p.run(ctx)
	return outcome{err: err, stdout: stdout.String(), stderr: stderr.String()}
}

// runOffline runs the program with no credentials.
func runOffline(t *testing.T, args ...string) outcome {
	t.Helper()
	p, out, errOut := newProgram(args, nil)
	return execute(t.Context(), p, out, errOut)
}

// realWorld is a pair of fakes standing in for the real services: the
// program gets the eight variables, and a transport that takes the real
// hosts' requests to the fakes, so the real-services path runs offline.
type realWorld struct {
	mm  *minimaxtest.Server
	sp  *skyplannertest.Server
	env map[string]string
}

func newRealWorld(t *testing.T, seed minimaxtest.Seed) *realWorld {
	t.Helper()
	mm := minimaxtest.NewServer(t, minimaxtest.WithSeed(seed))
	sp := skyplannertest.NewServer(t, skyplannertest.WithDemoData())
	creds := mm.Credentials()
	return &realWorld{mm: mm, sp: sp, env: map[string]string{
		"MINIMAX_COUNTRY":       "SI",
		"MINIMAX_CLIENT_ID":     creds.ClientID,
		"MINIMAX_CLIENT_SECRET": creds.ClientSecret,
		"MINIMAX_USERNAME":      creds.Username,
		"MINIMAX_PASSWORD":      creds.Password,
		"MINIMAX_ORG_ID":        strconv.FormatInt(mm.Organisation(), 10),
		"SKYPLANNER_SITE":       "demo",
		"SKYPLANNER_TOKEN":      sp.Token(),
	}}
}

// program is a program against the real hosts, routed to the fakes.
func (w *realWorld) program(args ...string) (*program, *bytes.Buffer, *bytes.Buffer) {
	p, out, errOut := newProgram(args, w.env)
	p.transport = reroute{"moj.minimax.si": w.mm.URL(), "demo.skyplanner.app": w.sp.URL()}
	return p, out, errOut
}

func (w *realWorld) run(t *testing.T, args ...string) outcome {
	t.Helper()
	p, out, errOut := w.program(args...)
	return execute(t.Context(), p, out, errOut)
}

// reroute sends the requests for each host to a fake's root instead; a
// request for any other host fails, so nothing leaves the machine.
type reroute map[string]string

func (r reroute) RoundTrip(req *http.Request) (*http.Response, error) {
	to, ok := r[req.URL.Host]
	if !ok {
		return nil, fmt.Errorf("test transport: no route to %s", req.URL.Host)
	}
	u, err := url.Parse(to)
	if err != nil {
		return nil, err
	}
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host, req.Host = u.Scheme, u.Host, ""
	return http.DefaultTransport.RoundTrip(req)
}

// orderLines reads the per-order lines: number → outcome, in print order.
var orderLineRE = regexp.MustCompile(`(?m)^(2026-\d+|id \d+)\s+(created|updated|unchanged|archived|skipped|failed|deferred)\b`)

func outcomesIn(s string) map[string]planbridge.Outcome {
	got := map[string]planbridge.Outcome{}
	for _, m := range orderLineRE.FindAllStringSubmatch(s, -1) {
		got[m[1]] = planbridge.Outcome(m[2])
	}
	return got
}
