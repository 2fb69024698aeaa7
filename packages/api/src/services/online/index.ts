/**
 * The citizen's online rating (`/rate`): reached by case number and phone digits (lookup.ts, with
 * the per-case lock of lookup-lock.ts) or by a signed link (link.ts); the page (page.ts) hands out
 * a short-lived token (token.ts) that the rating (submit.ts) presents; every address is counted
 * (address.ts).
 */
export { issueRatingLink } from "./link";
export { lookupOnlineCase, openRatingLink } from "./lookup";
export { submitOnlineRating } from "./submit";
