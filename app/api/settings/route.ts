import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { getSettings, updateSettings } from "@/lib/settings/settings";
import { settingsSchema } from "@/lib/validation/settings";

export const GET = userRoute({}, async (userId) => getSettings(getDb(), userId));

export const PUT = userRoute({ body: settingsSchema }, async (userId, { body }) => updateSettings(getDb(), userId, body));
