import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { TooManyAttemptsError } from "@/lib/errors";
import { credentialsSchema } from "@/lib/validation/account";
import { usesSecureCookies, type AuthEnv } from "./secure-cookies";
import { SESSION_MAX_AGE_SECONDS } from "./session-token";
import { sessionIsCurrent } from "./session-version";
import { signInWithPassword, WRONG_CREDENTIALS_MESSAGE } from "./sign-in";

export const SIGN_IN_PATH = "/signin";

/** The next-auth options for an environment; the app uses them for its own (`authOptions`). */
export function createAuthOptions(env: AuthEnv = process.env): NextAuthOptions {
  return {
    // Credentials sign-in requires JWT sessions in next-auth 4; the token carries the user id and the
    // account's session version (sv).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: usesSecureCookies(env),
    pages: { signIn: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          const parsed = credentialsSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS_MESSAGE);
          try {
            const user = await signInWithPassword(getDb(), parsed.data.email, parsed.data.password, new Date());
            if (!user) throw new Error(WRONG_CREDENTIALS_MESSAGE);
            return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
          } catch (error) {
            // next-auth passes a thrown message on to the sign-in form as `error`.
            if (error instanceof TooManyAttemptsError) throw new Error(error.message);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // The token carries the account's session version from sign-in; once a password change or reset
      // raises it, the session is emptied here (pages, /api/auth/session) and refused by API routes.
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          return token;
        }
        if (token.sub && !(await sessionIsCurrent(getDb(), token.sub, token.sv))) return {};
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const authOptions: NextAuthOptions = createAuthOptions();
