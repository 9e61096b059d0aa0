/** Why a learner reports an item. Free of the database, for the report dialog too. */
export const REPORT_REASONS = ["wrong-answer", "ambiguous", "outdated", "typo", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  "wrong-answer": "Wrong answer",
  ambiguous: "Ambiguous",
  outdated: "Outdated",
  typo: "Typo or grammar",
  other: "Other",
};

/** open: waiting for an editor; withheld: an editor held the item back; dismissed: the answer stands; fixed. */
export const REPORT_STATUSES = ["open", "withheld", "dismissed", "fixed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Reports an editor has not closed yet. */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ["open", "withheld"];

export const MAX_COMMENT_LENGTH = 1000;
export const MAX_REPLY_LENGTH = 1000;
