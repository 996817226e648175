package planbridge

import "github.com/planbridge/planbridge/internal/version"

// Version is this release of the SDK, as CHANGELOG.md names it. Both
// clients send it in their User-Agent, "planbridge/" + Version, after the
// application that minimax.WithUserAgent or skyplanner.WithUserAgent names.
const Version = version.Version
