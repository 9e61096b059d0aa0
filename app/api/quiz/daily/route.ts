import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { dailyQuiz } from "@/lib/practice/quiz";

export const GET = userRoute({}, async (userId) => dailyQuiz(getDb(), userId, new Date()));
