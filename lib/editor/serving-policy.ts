/** Which items learners are served: every item, or only those an editor approved as they are. */
export type ServingPolicy = "all-items" | "approved-only";

/**
 * `SERVE_UNAPPROVED_ITEMS`: "true" (the default, so that a bank nobody has reviewed yet keeps working)
 * serves every item; "false" serves only items approved as they now are.
 */
export function servingPolicyFrom(env: Record<string, string | undefined>): ServingPolicy {
  const value = env.SERVE_UNAPPROVED_ITEMS?.trim().toLowerCase();
  if (value === undefined || value === "" || value === "true") return "all-items";
  if (value === "false") return "approved-only";
  throw new Error(`SERVE_UNAPPROVED_ITEMS must be "true" or "false" (not "${env.SERVE_UNAPPROVED_ITEMS}")`);
}
