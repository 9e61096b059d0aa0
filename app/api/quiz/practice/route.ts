import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { unfinishedPracticeQuiz } from "@/lib/practice/quiz";

export const GET = userRoute({}, async (userId) => ({ quiz: await unfinishedPracticeQuiz(getDb(), userId, new Date()) }));
