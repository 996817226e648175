// Package mmspec turns the vendor's Minimax Swagger 2.0 document into the
// OpenAPI 3 document that the Minimax client is generated from.
//
// The vendor's document cannot be fed to oapi-codegen as it is: it is Swagger
// 2.0, its property schemas carry description text in "discriminator", its
// operationIds repeat, its schema names are .NET type names, its list
// endpoints declare none of the query parameters the help pages document, and
// its creates claim a 200 with a body where the service answers 201 with a
// Location header. Each defect is fixed by one named step (see [Steps]) that
// works on the decoded Swagger JSON, so that the upstream file stays
// byte-for-byte what the vendor published and every fix is reproducible by
// `go generate`.
package mmspec
