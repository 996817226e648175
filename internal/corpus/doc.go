// Package corpus generates the reference corpus the sync engine is measured
// on: a furniture maker's Minimax (customers, items, and about a hundred
// received orders of 1 to 20 rows, with drafts, invalidated, completed and
// issued orders among them), the SkyPlanner that goes with it (workstations,
// workstages, and products with default steps), and the mapping's routing
// table for the items that have one.
//
// The corpus is a function of its seed alone, so request counts measured
// on it can be compared between runs and versions. Change edits a tenth of
// the orders in a running Minimax fake, for the re-sync scenarios, and
// Naive is the baseline: the vendor's integration workflow written
// straight down, one create per record per order, with no lookups.
//
// It is test support for the benchmarks and economy tests of package
// planbridge, and is not meant for production code.
package corpus
