package mmspec

const jsonMedia = "application/json"

// JSONOnly makes application/json the only media type an operation consumes
// and produces; an empty list (a GET's "consumes") is dropped.
//
// Every operation also lists text/json, XML and (for writes) form encoding.
// oapi-codegen would emit a response field and a request body variant for
// each, and the XML ones collide ("XML200 redeclared"). The SDK speaks JSON
// only, as the vendor's own samples do.
func JSONOnly(doc map[string]any) error {
	keep := func(o object, key string) {
		list, ok := o[key].([]any)
		if !ok {
			return
		}
		if len(list) == 0 {
			delete(o, key)
			return
		}
		o[key] = []any{jsonMedia}
	}
	keep(doc, "consumes")
	keep(doc, "produces")
	for _, op := range operations(doc) {
		keep(op.Op, "consumes")
		keep(op.Op, "produces")
	}
	return nil
}
