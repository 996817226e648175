package minimax

// lowerPageLimit makes c give up on a list without TotalRows after
// testPageLimit pages.
func lowerPageLimit(c *Client) { c.maxPages = testPageLimit }
