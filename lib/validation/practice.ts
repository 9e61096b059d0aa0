import { z } from "zod";
import { text } from "@/lib/validation/text";
import { RATINGS } from "@/lib/srs/schedule";
import { CONFIDENCE_LEVELS } from "@/lib/strategy/confidence";

/** Client-made ids (review and answer ids): UUIDs or similar, never anything that could be a path or a query. */
const clientId = z.string().min(8).max(100).regex(/^[A-Za-z0-9_:-]+$/, "use letters, digits, '-', '_' or ':'");
const serverId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "not an id");

export const reviewSchema = z.strictObject({
  reviewId: clientId,
  cardId: serverId,
  rating: z.enum(RATINGS),
  // Ten minutes at most: a card left open over lunch is not ten minutes of recall.
  durationMs: z.number().int().min(0).max(86_400_000).transform((ms) => Math.min(ms, 600_000)),
});

export type ReviewInput = z.infer<typeof reviewSchema>;

/** A device sends at most this many ratings at once; more wait for the next request. */
export const MAX_SYNC_RATINGS = 500;

export const syncSchema = z.strictObject({
  // The account the device kept these ratings for: refused (409) under any other account's session.
  userId: serverId.optional(),
  ratings: z
    .array(
      z.strictObject({
        reviewId: clientId,
        cardId: serverId,
        rating: z.enum(RATINGS),
        // Whether it is in the future or too old depends on the clock: lib/practice/sync.ts checks that.
        reviewedAt: z.iso.datetime({ offset: true }).transform((at) => new Date(at)),
        durationMs: reviewSchema.shape.durationMs,
      }),
    )
    .min(1)
    .max(MAX_SYNC_RATINGS),
});

export const undoSchema = z.strictObject({ reviewId: clientId });

export const queueQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const quizParamsSchema = z.strictObject({ id: serverId });

export const confidenceSchema = z.enum(CONFIDENCE_LEVELS);

/** Verdicts on a statement item's statements (index 0 is statement 1), one per statement at most. */
export const statementMarksSchema = z
  .array(z.strictObject({ index: z.number().int().min(0).max(9), judgedTrue: z.boolean() }))
  .max(10)
  .refine((marks) => new Set(marks.map((mark) => mark.index)).size === marks.length, "Each statement may be marked once.");

export const answerSchema = z.strictObject({
  questionId: serverId,
  optionId: text().min(1).max(10).nullable(),
  answerId: clientId,
  /** How sure the learner is; optional (older clients send none). */
  confidence: confidenceSchema.optional(),
  /** The learner's verdict on each statement of a statement item, made before choosing; optional. */
  statementMarks: statementMarksSchema.optional(),
});
export type AnswerInput = z.infer<typeof answerSchema>;

export const reviewMarkSchema = z.strictObject({ questionId: serverId, marked: z.boolean() });
export type ReviewMarkInput = z.infer<typeof reviewMarkSchema>;

// Every practice mode may be timed or not, and may replace an unfinished practice quiz when told to.
const practiceOptions = {
  /** With a clock at Prelims pace (default: a custom test is timed, topic and mistakes practice are not). */
  timed: z.boolean().optional(),
  /** Finish the user's unfinished practice quiz, if any, and start this one; without it, that quiz is refused. */
  replaceUnfinished: z.boolean().optional(),
};

export const practiceQuizSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("topic"), topic: text().trim().min(1).max(200), size: z.number().int().min(1).max(100).optional(), ...practiceOptions }),
  z.strictObject({ mode: z.literal("mistakes"), size: z.number().int().min(1).max(100).optional(), ...practiceOptions }),
  /** Questions on the facts the learner most often misjudged in statement items (lib/strategy). */
  z.strictObject({ mode: z.literal("misjudged"), size: z.number().int().min(1).max(100).optional(), ...practiceOptions }),
  z.strictObject({ mode: z.literal("custom"), size: z.number().int().min(5).max(100), ...practiceOptions }),
  // A mock paper is always timed (2 hours for 100 questions, scaled), so it takes no `timed`.
  z.strictObject({ mode: z.literal("paper"), size: z.number().int().min(5).max(100), replaceUnfinished: practiceOptions.replaceUnfinished }),
]);
/** A practice quiz as asked for: a topic, the last mistakes, the misjudged facts, a test of a given size, or a mock paper. */
export type PracticeRequest = z.infer<typeof practiceQuizSchema>;
