package main

import (
	"strconv"
	"strings"

	"github.com/planbridge/planbridge/minimax"
)

// envVars are the variables that point the program at the real services,
// with the help -h gives for each.
var envVars = []struct{ name, help string }{
	{"MINIMAX_COUNTRY", "the Minimax deployment: SI (Slovenia), HR (Croatia) or RS (Serbia)"},
	{"MINIMAX_CLIENT_ID", "the API client ID; Minimax support issues it to integrators"},
	{"MINIMAX_CLIENT_SECRET", "the API client secret that comes with it"},
	{"MINIMAX_USERNAME", `the user of an "external application" password, made on the Minimax profile page (not the web login)`},
	{"MINIMAX_PASSWORD", "that password; a wrong one is tried once only, as Minimax locks the application after repeated ones"},
	{"MINIMAX_ORG_ID", "the ID of the Minimax organisation to read orders from"},
	{"SKYPLANNER_SITE", "your SkyPlanner tenant: the acme of https://acme.skyplanner.app"},
	{"SKYPLANNER_TOKEN", "the API token SkyPlanner support issues"},
}

// countries names the deployments MINIMAX_COUNTRY may choose.
var countries = map[string]minimax.Deployment{"SI": minimax.Slovenia, "HR": minimax.Croatia, "RS": minimax.Serbia}

// credentials are what the real services need, read from the environment.
type credentials struct {
	country minimax.Deployment
	minimax minimax.Credentials
	org     int64
	site    string
	token   string
}

// credentialsFrom reads the environment: no variable set means offline
// (nil, nil); all eight, the real services; some of them, a *usageError
// that names the missing ones. A value of blanks counts as unset.
func credentialsFrom(getenv func(string) string) (*credentials, error) {
	val := map[string]string{}
	var missing []string
	for _, v := range envVars {
		// Only the test for blanks trims: a password may hold spaces.
		if s := getenv(v.name); strings.TrimSpace(s) != "" {
			val[v.name] = s
		} else {
			missing = append(missing, v.name)
		}
	}
	switch {
	case len(val) == 0:
		return nil, nil
	case len(missing) > 0:
		return nil, usagef("the real services need all eight variables, and %s %s not set; set %s too, or unset the others to run offline on the built-in fakes",
			strings.Join(missing, ", "), plural(len(missing), "is", "are"), plural(len(missing), "it", "them"))
	}
	country, ok := countries[strings.ToUpper(strings.TrimSpace(val["MINIMAX_COUNTRY"]))]
	if !ok {
		return nil, usagef("MINIMAX_COUNTRY is %q: want SI (Slovenia), HR (Croatia) or RS (Serbia)", val["MINIMAX_COUNTRY"])
	}
	org, err := strconv.ParseInt(strings.TrimSpace(val["MINIMAX_ORG_ID"]), 10, 64)
	if err != nil || org <= 0 {
		return nil, usagef("MINIMAX_ORG_ID is %q: want the organisation's ID, a positive whole number", val["MINIMAX_ORG_ID"])
	}
	return &credentials{
		country: country,
		minimax: minimax.Credentials{
			ClientID: val["MINIMAX_CLIENT_ID"], ClientSecret: val["MINIMAX_CLIENT_SECRET"],
			Username: val["MINIMAX_USERNAME"], Password: val["MINIMAX_PASSWORD"],
		},
		org:   org,
		site:  strings.TrimSpace(val["SKYPLANNER_SITE"]),
		token: val["SKYPLANNER_TOKEN"],
	}, nil
}

// plural picks the word that agrees with n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
