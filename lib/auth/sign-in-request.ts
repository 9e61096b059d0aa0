import { AsyncLocalStorage } from "node:async_hooks";
import type { TooManyAttemptsError } from "@/lib/errors";

/**
 * What next-auth's credentials `authorize` needs from the HTTP request and cannot get through next-auth:
 * the client's address and cookies (for the device cookie), and where to leave a device cookie to set
 * and a refusal to answer with 429. app/api/auth/[...nextauth]/route.ts runs next-auth inside it.
 */
export type SignInRequest = {
  ip: string;
  cookies: Record<string, string>;
  setCookies: { name: string; value: string; maxAge: number; secure: boolean }[];
  refusal?: TooManyAttemptsError;
};

export const signInRequest = new AsyncLocalStorage<SignInRequest>();
