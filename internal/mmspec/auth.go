package mmspec

// DescribeAuth replaces the document's security definition with the flow
// the service really uses.
//
// The document declares an OAuth2 implicit flow with scope "minimax.si" but
// its operations ask for a scope "Minimax" it never defines. Clients use the
// password grant at the country's token URL with scope minimax.si (the
// vendor's samples and help pages); the RS token URL is declared because the
// document is the RS deployment's.
func DescribeAuth(doc map[string]any) error {
	doc["securityDefinitions"] = object{
		"oauth2": object{
			"type":        "oauth2",
			"flow":        "password",
			"tokenUrl":    "https://moj.minimax.rs/RS/AUT/oauth20/token",
			"description": "Password grant with the client credentials Minimax issues and the user's external-application username and password. SI and HR use https://moj.minimax.si/SI/AUT/oauth20/token and https://moj.minimax.hr/HR/AUT/oauth20/token.",
			"scopes":      object{"minimax.si": "API access; accepted on SI and HR, and reportedly on RS (which also accepts minimax.rs)."},
		},
	}
	for _, op := range operations(doc) {
		if _, ok := op.Op["security"]; ok {
			op.Op["security"] = []any{object{"oauth2": []any{"minimax.si"}}}
		}
	}
	return nil
}
