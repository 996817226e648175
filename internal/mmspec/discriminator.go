package mmspec

// DropBogusDiscriminators removes every "discriminator" that does not name a
// property of its own schema.
//
// The vendor's generator copies each property's description into
// "discriminator". A real Swagger discriminator names a property that tells
// subtypes apart; oapi-codegen refuses the fake ones, and no schema in the
// document uses a real one, but a genuine discriminator would survive.
func DropBogusDiscriminators(doc map[string]any) error {
	eachSchema(doc, func(s object) {
		d, ok := s["discriminator"].(string)
		if !ok {
			return
		}
		props, _ := s["properties"].(object)
		if _, real := props[d]; !real {
			delete(s, "discriminator")
		}
	})
	return nil
}
