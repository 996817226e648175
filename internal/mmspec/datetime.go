package mmspec

import (
	"maps"
	"slices"
)

// MarkDateTimes makes every date-time property a nullable plain value that
// is left out when unset.
//
// Nullable: the service writes null for a date it does not have (the Order
// help page's own example has "DateCompleted": null), which the document
// does not allow.
//
// The generator maps format date-time to the project's DateTime type (see
// cfg.yaml), which decodes the service's zone-less times and tells null from
// absent itself. A pointer would lose that difference: encoding/json turns
// null into a nil pointer without asking the type. So the property is a value
// ("x-go-type-skip-optional-pointer") tagged omitzero ("x-omitzero"), and
// DateTime.IsZero reports "absent".
func MarkDateTimes(doc map[string]any) error {
	eachSchema(doc, func(s object) {
		props, _ := s["properties"].(object)
		for _, k := range slices.Sorted(maps.Keys(props)) {
			p, _ := props[k].(object)
			if p["type"] == "string" && p["format"] == "date-time" {
				p["x-go-type-skip-optional-pointer"] = true
				p["x-omitzero"] = true
				p["x-nullable"] = true
			}
		}
	})
	return nil
}
