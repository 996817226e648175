package mmspec

// referenceSchema is the vendor's name of the reference type every record
// uses to point at another (Customer, Currency, Item, ...).
const referenceSchema = "SAOP.API.Common.mMApiFkField"

// NullableReferences lets a reference be null.
//
// The service writes null for a reference a record does not have: the Order
// help page's own example has "RecipientCountry": null, "Analytic": null and
// a row's "Warehouse": null. The document does not allow it, so a check of
// answers against it would refuse what the service really sends. Marking the
// one reference schema covers every property that points to it.
func NullableReferences(doc map[string]any) error {
	defs, _ := doc["definitions"].(object)
	ref, ok := defs[referenceSchema].(object)
	if !ok {
		return errorf("no schema %s to mark nullable", referenceSchema)
	}
	ref["x-nullable"] = true
	return nil
}
