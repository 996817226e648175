// Package vendordoc holds tests to the Minimax document as the vendor
// published it (minimax/api/swagger-rs-2026-09-21.json), not to the repaired
// one the client is generated from: what the client sends and what the fake
// answers must both be what the vendor describes, so that a repair step can
// never drift them away from the real service.
//
// The document is loaded unchanged and converted to OpenAPI 3 with
// kin-openapi's openapi2conv. In memory, and only there, it then says what
// the vendor documents elsewhere (see [Load]); nothing else is loosened.
//
// It is for tests: it reads the vendor's file from the module's source tree.
package vendordoc
