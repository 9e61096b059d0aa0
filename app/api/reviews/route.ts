import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { submitReview } from "@/lib/practice/reviews";
import { reviewSchema } from "@/lib/validation/practice";

export const POST = userRoute({ body: reviewSchema }, async (userId, { body }) => submitReview(getDb(), userId, body, new Date()));
