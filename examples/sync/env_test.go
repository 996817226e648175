package main

import (
	"errors"
	"flag"
	"maps"
	"strings"
	"testing"
)

// allEight is a complete environment; its values are made up.
func allEight() map[string]string {
	return map[string]string{
		"MINIMAX_COUNTRY": "HR", "MINIMAX_CLIENT_ID": "client", "MINIMAX_CLIENT_SECRET": "secret",
		"MINIMAX_USERNAME": "user", "MINIMAX_PASSWORD": "password", "MINIMAX_ORG_ID": "3840",
		"SKYPLANNER_SITE": "acme", "SKYPLANNER_TOKEN": "token-1234567890",
	}
}

func without(env map[string]string, names ...string) map[string]string {
	out := maps.Clone(env)
	for _, n := range names {
		delete(out, n)
	}
	return out
}

func TestHalfSetCredentialsNameWhatIsMissing(t *testing.T) {
	blank := allEight()
	blank["MINIMAX_PASSWORD"] = "   "
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"one missing", without(allEight(), "SKYPLANNER_TOKEN"),
			"the real services need all eight variables, and SKYPLANNER_TOKEN is not set; set it too, or unset the others to run offline on the built-in fakes"},
		{"blank counts as unset", blank,
			"the real services need all eight variables, and MINIMAX_PASSWORD is not set; set it too, or unset the others"},
		{"only the country", map[string]string{"MINIMAX_COUNTRY": "SI"},
			"and MINIMAX_CLIENT_ID, MINIMAX_CLIENT_SECRET, MINIMAX_USERNAME, MINIMAX_PASSWORD, MINIMAX_ORG_ID, SKYPLANNER_SITE, SKYPLANNER_TOKEN are not set; set them too"},
		{"unknown country", map[string]string{"MINIMAX_COUNTRY": "AT", "MINIMAX_CLIENT_ID": "c", "MINIMAX_CLIENT_SECRET": "s",
			"MINIMAX_USERNAME": "u", "MINIMAX_PASSWORD": "p", "MINIMAX_ORG_ID": "1", "SKYPLANNER_SITE": "acme", "SKYPLANNER_TOKEN": "token-1234567890"},
			`MINIMAX_COUNTRY is "AT": want SI (Slovenia), HR (Croatia) or RS (Serbia)`},
		{"organisation not a number", func() map[string]string { e := allEight(); e["MINIMAX_ORG_ID"] = "Demo d.o.o."; return e }(),
			`MINIMAX_ORG_ID is "Demo d.o.o.": want the organisation's ID, a positive whole number`},
		{"site with a dot", func() map[string]string { e := allEight(); e["SKYPLANNER_SITE"] = "acme.skyplanner.app"; return e }(),
			"SKYPLANNER_SITE or SKYPLANNER_TOKEN is refused: skyplanner: WithSite:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, out, errOut := newProgram(nil, tc.env)
			got := execute(t.Context(), p, out, errOut)
			var ue *usageError
			if !errors.As(got.err, &ue) {
				t.Fatalf("err = %v, want a *usageError", got.err)
			}
			if !strings.Contains(got.err.Error(), tc.want) {
				t.Errorf("message:\n%s\nwant it to contain:\n%s", got.err, tc.want)
			}
			if got.code() != exitUsage {
				t.Errorf("exit code %d, want %d", got.code(), exitUsage)
			}
			if got.stdout != "" {
				t.Errorf("it ran anyway:\n%s", got.stdout)
			}
		})
	}
}

func TestHelpExplainsEveryFlagAndVariable(t *testing.T) {
	got := runOffline(t, "-h")
	if !errors.Is(got.err, flag.ErrHelp) || got.code() != exitOK {
		t.Fatalf("err = %v (exit %d), want flag.ErrHelp and 0", got.err, got.code())
	}
	var s settings
	newFlagSet(&s, nil).VisitAll(func(f *flag.Flag) {
		if !strings.Contains(got.stdout, "  -"+f.Name+" ") && !strings.Contains(got.stdout, "  -"+f.Name+"\n") {
			t.Errorf("-h does not explain -%s", f.Name)
		}
	})
	for _, v := range envVars {
		if !strings.Contains(got.stdout, v.name) {
			t.Errorf("-h does not mention %s", v.name)
		}
	}
	for _, want := range []string{"runs offline", "Exit status", "Ctrl-C", "1000 a day"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("-h does not say %q", want)
		}
	}
}

func TestBadFlagsAreUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"-workers", "0"}, "-workers 0: want 1 to 64"},
		{[]string{"-budget", "-5"}, "-budget -5: want a positive number"},
		{[]string{"now"}, `unexpected argument "now"`},
		{[]string{"-state", "s.json"}, "-state needs the real services"},
		{[]string{"-since", "2026-11-01"}, "-since needs the real services"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got := runOffline(t, tc.args...)
			if got.code() != exitUsage || !strings.Contains(got.err.Error(), tc.want) {
				t.Errorf("err = %v (exit %d), want exit 2 and %q", got.err, got.code(), tc.want)
			}
		})
	}
}
