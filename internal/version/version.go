// Package version holds the SDK's version, sent in the default User-Agent.
package version

// Version is the SDK's release. The default User-Agent is "planbridge/" + Version.
const Version = "0.1.0"

// UserAgent is the default User-Agent header.
const UserAgent = "planbridge/" + Version
