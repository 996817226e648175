package mmspec

// A Step is one named, reproducible repair of the vendor's Swagger document.
type Step struct {
	Name string
	Run  func(doc map[string]any) error
}

// Steps are the repairs in the order [Normalize] applies them. Names are
// stable; the order matters only in that operations are named before
// parameters are added by name, and schemas are renamed last so that earlier
// steps can match the vendor's names.
var Steps = []Step{
	{"drop-bogus-discriminators", DropBogusDiscriminators},
	{"clean-descriptions", CleanDescriptions},
	{"json-only", JSONOnly},
	{"name-operations", NameOperations},
	{"add-query-parameters", AddQueryParameters},
	{"declare-write-responses", DeclareWriteResponses},
	{"mark-date-times", MarkDateTimes},
	{"nullable-references", NullableReferences},
	{"describe-auth", DescribeAuth},
	{"shorten-schema-names", ShortenSchemaNames},
}

// Normalize applies every step to doc in order.
func Normalize(doc map[string]any) error {
	for _, s := range Steps {
		if err := s.Run(doc); err != nil {
			return errorf("%s: %w", s.Name, err)
		}
	}
	return nil
}
