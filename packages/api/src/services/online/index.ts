/**
 * The citizen's online rating (`/rate`): reached by case number and phone digits (lookup.ts, with
 * the per-case lock of lookup-lock.ts) or by a signed link (link.ts); the page (page.ts) hands out
 * a short-lived token (token.ts) that the rating (submit.ts) presents; every address is counted
 * (address.ts).
 */
export { issueRatingLink, RATING_LINK_KEYS, ratingLinkPath, verifyRatingLink } from "./link";
export type { TLinkCheck } from "./link";
export { formatRetryAt, LOOKUP_LOCK_POLICY, LookupFailedError, LookupLockedError, nextLookupLock } from "./lookup-lock";
export { lookupOnlineCase, openRatingLink } from "./lookup";
export type { TOnlineCase, TOnlineCaseStatus, TRecordedRating } from "./page";
export { submitOnlineRating } from "./submit";
export { issueRatingToken, readRatingToken, verifyRatingToken } from "./token";
export type { TRatingVia } from "./token";
