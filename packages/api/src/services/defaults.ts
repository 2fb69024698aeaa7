// The hourly housekeeping's default ratings: the rule and its writes live with the rating tables,
// so the demo seed writes its default ratings with the very same function.
export { applyDefaultRatings } from "@hcp/db";
