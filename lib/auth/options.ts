import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { TooManyAttemptsError } from "@/lib/errors";
import { credentialsSchema } from "@/lib/validation/account";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "./callback";
import { usesSecureCookies, type AuthEnv } from "./secure-cookies";
import { SESSION_MAX_AGE_SECONDS } from "./session-token";
import { endSession, sessionIsLive, startSession } from "./sessions";
import { signInWithPassword, WRONG_CREDENTIALS_MESSAGE } from "./sign-in";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName, issueDeviceToken, verifyDeviceToken } from "./sign-in-device";
import { signInRequest } from "./sign-in-request";

export const SIGN_IN_PATH = "/signin";

/** The next-auth options for an environment; the app uses them for its own (`authOptions`). */
export function createAuthOptions(env: AuthEnv = process.env): NextAuthOptions {
  const secureCookies = usesSecureCookies(env);
  // __Host-: only ever set over https by this host, for the whole site.
  const deviceCookie = (email: string) => (secureCookies ? "__Host-" : "") + deviceCookieName(env.NEXTAUTH_SECRET ?? "", email);
  return {
    // Credentials sign-in requires JWT sessions in next-auth 4; the token carries the user id and the id
    // of the session's row (sid), which lib/auth/sessions checks on every request.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: secureCookies,
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
          const { email, password } = parsed.data;
          // The route runs next-auth inside signInRequest (app/api/auth/[...nextauth]/route.ts).
          const request = signInRequest.getStore();
          const secret = env.NEXTAUTH_SECRET;
          const deviceId = secret ? verifyDeviceToken(secret, email, request?.cookies[deviceCookie(email)]) : null;
          try {
            const user = await signInWithPassword(getDb(), email, password, new Date(), { ip: request?.ip, deviceId });
            if (!user) throw new Error(WRONG_CREDENTIALS_MESSAGE);
            if (secret && request) {
              const value = issueDeviceToken(secret, email);
              request.setCookies.push({ name: deviceCookie(email), value, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS, secure: secureCookies });
            }
            return { id: user.id, email: user.email, name: user.name };
          } catch (error) {
            // The route answers 429 with Retry-After; next-auth passes the message on to the form as `error`.
            if (error instanceof TooManyAttemptsError) {
              if (request) request.refusal = error;
              throw new Error(error.message);
            }
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // Only same-origin destinations, as paths on this site; anything else goes to the default page.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl, DEFAULT_AFTER_SIGN_IN)}`;
      },
      // Sign-in starts a session row and puts its id in the token. Afterwards a token whose session has
      // ended (sign-out, sign out everywhere, a password change or reset, account deletion) is emptied
      // here (pages, /api/auth/session); API routes refuse it (lib/auth/session).
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = await startSession(getDb(), user.id, new Date());
          return token;
        }
        if (!(await sessionIsLive(getDb(), token, new Date()))) return {};
        return token;
      },
      // An ended session (the jwt callback emptied its token) shows no user, not even the name and email
      // next-auth would copy from the old token.
      session({ session, token }) {
        if (!token.sub) return { expires: session.expires };
        if (session.user) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      // After next-auth has checked the sign-out's CSRF token: this session ends on the server too, so a
      // copy of its cookie is worthless; the user's other sessions go on.
      async signOut({ token }) {
        await endSession(getDb(), token);
      },
    },
  };
}

export const authOptions: NextAuthOptions = createAuthOptions();
