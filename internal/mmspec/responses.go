package mmspec

import "strings"

// DeclareWriteResponses says what the service's writes really answer.
//
// The document gives every POST, PUT and DELETE a 200 response with an
// "object" body. The service answers a create with 201 Created, an empty body
// and a Location header naming the new record; updates, deletes and actions
// answer 200 or 204 with a body the vendor does not describe (the vendor's
// samples accept "", "[]" or an object). A declared JSON body would make the
// generated client fail to decode an empty one, so those responses declare
// none and the raw body stays available.
func DeclareWriteResponses(doc map[string]any) error {
	for _, op := range operations(doc) {
		switch {
		case op.Method == "post" && isCreate(op.Path):
			op.Op["responses"] = object{
				"201": object{
					"description": "Created. The body is empty; Location is the URL of the new record, its last path segment the new ID.",
					"headers": object{
						"Location": object{"type": "string", "description": "URL of the created record."},
					},
				},
			}
		case op.Method == "post", op.Method == "put", op.Method == "delete":
			op.Op["responses"] = object{
				"200": object{"description": "Done. The body is undocumented and may be empty."},
				"204": object{"description": "Done, no body."},
			}
		}
	}
	return nil
}

// isCreate reports whether a POST path adds a record to a collection rather
// than acting on one: it ends in a literal collection name or in the
// addbytaxnumber(...) key segment, not in a record's {id}.
func isCreate(path string) bool {
	last := path[strings.LastIndex(path, "/")+1:]
	return !strings.HasPrefix(last, "{")
}
