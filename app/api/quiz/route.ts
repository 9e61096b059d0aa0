import { created, userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { startPracticeQuiz } from "@/lib/practice/quiz";
import { practiceQuizSchema } from "@/lib/validation/practice";

export const POST = userRoute({ body: practiceQuizSchema }, async (userId, { body }) =>
  created(await startPracticeQuiz(getDb(), userId, body, new Date())),
);
