import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { errorResponse, readBody, requestClientIp, respond } from "@/app/api/_shared/handler";
import { safeCallbackPath } from "@/lib/auth/callback";
import { authOptions, SIGN_IN_PATH } from "@/lib/auth/options";
import { signInRequest, type SignInRequest } from "@/lib/auth/sign-in-request";

const nextAuth = NextAuth(authOptions);

// next-auth's callback-URL cookie, under its two names (lib/auth/secure-cookies decides which).
const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's routes, with what next-auth does not do: bodies limited like every route (413), callback
 * URLs made safe before next-auth parses them, the
 * client's address and the device cookie handed to sign-in, the device cookie set after a sign-in, and
 * a refused sign-in answered 429 with Retry-After. The 429's body also has next-auth's `url` (the
 * sign-in page with the message as `error`), so next-auth's client shows the message.
 */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return respond(async () => {
    const body = request.method === "POST" ? await readBody(request) : undefined;
    // next-auth answers 500 to a callbackUrl it cannot parse ("http://localhost:3000.evil.example/"): it
    // gets the safe path instead, which its redirect callback (lib/auth/options) then keeps on this site.
    const url = new URL(request.url);
    const origin = new URL(process.env.NEXTAUTH_URL ?? url.origin).origin;
    const callbackUrl = url.searchParams.get("callbackUrl");
    if (callbackUrl !== null) url.searchParams.set("callbackUrl", safeCallbackPath(callbackUrl, origin));
    // The same for next-auth's callback-URL cookie, which a client (or a sibling subdomain) could set to
    // anything: next-auth reads it through next/headers, where setting it also replaces it in the browser.
    const jar = await cookies();
    for (const name of CALLBACK_URL_COOKIES) {
      const value = jar.get(name)?.value;
      const safe = value === undefined ? undefined : `${origin}${safeCallbackPath(value, origin)}`;
      if (safe !== undefined && safe !== value) jar.set({ name, value: safe, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
    const forwarded =
      body === undefined && callbackUrl === null
        ? request
        : new NextRequest(url, { method: request.method, headers: request.headers, body: body === undefined ? undefined : Buffer.from(body) });
    const attempt: SignInRequest = {
      ip: requestClientIp(request),
      cookies: Object.fromEntries(request.cookies.getAll().map((cookie) => [cookie.name, cookie.value])),
      setCookies: [],
    };
    const response: Response = await signInRequest.run(attempt, () => nextAuth(forwarded, context));
    if (attempt.refusal) {
      const url = new URL(SIGN_IN_PATH, request.nextUrl.origin);
      url.searchParams.set("error", attempt.refusal.message);
      return errorResponse(attempt.refusal, { url: url.toString() });
    }
    for (const cookie of attempt.setCookies) {
      const secure = cookie.secure ? "; Secure" : "";
      response.headers.append("Set-Cookie", `${cookie.name}=${cookie.value}; Path=/; Max-Age=${cookie.maxAge}; HttpOnly; SameSite=Lax${secure}`);
    }
    return response;
  });
}

export { handler as GET, handler as POST };
