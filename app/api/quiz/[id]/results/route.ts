import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { quizView } from "@/lib/practice/quiz";
import { quizParamsSchema } from "@/lib/validation/practice";

export const GET = userRoute({ params: quizParamsSchema }, async (userId, { params }) => {
  const quiz = await quizView(getDb(), userId, params.id, new Date());
  if (!quiz.finishedAt) throw new ConflictError("Finish the quiz to see all its answers.");
  return quiz;
});
