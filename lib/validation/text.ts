import { z } from "zod";

export const UNPAIRED_SURROGATE_MESSAGE = "Remove the broken character (an unpaired UTF-16 surrogate).";

/**
 * A string field. JSON can carry a lone UTF-16 surrogate ("\ud800"), which is no character: the
 * databases cannot store it. Every string field of the API is one of these, so that it is refused
 * with a 400 and the field's issue.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => value.isWellFormed(), UNPAIRED_SURROGATE_MESSAGE);
}
