import { userRoute } from "@/app/api/_shared/handler";
import { seededRandom } from "@/lib/content/generate/random";
import { getDb } from "@/lib/db/client";
import { fitMemoryModel } from "@/lib/memory-model/fit";
import { fitInWorker } from "@/lib/memory-model/fitter";
import { getMemoryModel } from "@/lib/memory-model/model";
import { memoryModelQuerySchema } from "@/lib/validation/memory-model";

// Seeded by the user, so the curve is the same on every load until their cards or settings change.
export const GET = userRoute({ query: memoryModelQuerySchema }, async (userId, { query }) =>
  getMemoryModel(getDb(), userId, { now: new Date(), random: seededRandom(`memory-model:${userId}`), examDayTarget: query.examDayTarget }),
);

// The fit runs in a worker thread; this request waits for it without holding up anyone else's.
export const POST = userRoute({}, async (userId) => fitMemoryModel(getDb(), userId, { now: new Date(), fitter: fitInWorker }));
