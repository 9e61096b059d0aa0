import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { startQuizClock } from "@/lib/practice/quiz";
import { quizParamsSchema } from "@/lib/validation/practice";

export const POST = userRoute({ params: quizParamsSchema }, async (userId, { params }) => startQuizClock(getDb(), userId, params.id, new Date()));
