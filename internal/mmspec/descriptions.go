package mmspec

import (
	"regexp"
	"strings"
)

var (
	htmlTag    = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	whitespace = regexp.MustCompile(`\s+`)
)

// CleanDescriptions turns the vendor's property descriptions into plain
// text: it drops the quotes wrapped around each one, the HTML markup
// (<br/>, <ul><li>) and the source code's indentation, because they end up
// as Go doc comments on the generated fields.
func CleanDescriptions(doc map[string]any) error {
	eachSchema(doc, func(s object) {
		if d, ok := s["description"].(string); ok {
			s["description"] = cleanText(d)
		}
	})
	return nil
}

func cleanText(s string) string {
	s = htmlTag.ReplaceAllString(s, " ")
	s = whitespace.ReplaceAllString(s, " ")
	s = strings.TrimSpace(s)
	if len(s) >= 2 && strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}
