import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { answerQuestion } from "@/lib/practice/quiz";
import { answerSchema, quizParamsSchema } from "@/lib/validation/practice";

export const POST = userRoute({ params: quizParamsSchema, body: answerSchema }, async (userId, { params, body }) =>
  answerQuestion(getDb(), userId, params.id, body, new Date()),
);
