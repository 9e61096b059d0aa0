import { created, publicRoute } from "@/app/api/_shared/handler";
import { registerUser } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db/client";
import { registrationSchema } from "@/lib/validation/account";

export const POST = publicRoute({ body: registrationSchema }, async ({ body, clientIp }) =>
  created(await registerUser(getDb(), body, { ip: clientIp })),
);
