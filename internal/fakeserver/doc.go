// Package fakeserver is the machinery both API fakes (minimax/minimaxtest
// and skyplanner/skyplannertest) share: a router over OpenAPI path
// templates, validation of every request and response against the
// project's OpenAPI documents (kin-openapi's openapi3filter), fault
// injection, and a request log with per-operation counters.
//
// A fake registers a handler per operation it implements; the template it
// registers under is the document's, so the validator and the counters see
// the same operation the handler serves.
package fakeserver
