import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { markForReview } from "@/lib/practice/quiz";
import { quizParamsSchema, reviewMarkSchema } from "@/lib/validation/practice";

export const POST = userRoute({ params: quizParamsSchema, body: reviewMarkSchema }, async (userId, { params, body }) =>
  markForReview(getDb(), userId, params.id, body, new Date()),
);
