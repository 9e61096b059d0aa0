import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { undoReview } from "@/lib/practice/reviews";
import { undoSchema } from "@/lib/validation/practice";

export const POST = userRoute({ body: undoSchema }, async (userId, { body }) => undoReview(getDb(), userId, body.reviewId));
