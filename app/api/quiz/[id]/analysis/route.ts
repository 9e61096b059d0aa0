import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { analyseQuiz } from "@/lib/practice/quiz";
import { quizParamsSchema } from "@/lib/validation/practice";

export const GET = userRoute({ params: quizParamsSchema }, async (userId, { params }) => analyseQuiz(getDb(), userId, params.id, new Date()));
