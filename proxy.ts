import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { usesSecureCookies } from "@/lib/auth/secure-cookies";

// Signed-out visitors asking for the signed-in area go to sign-in and come back afterwards.
export async function proxy(request: NextRequest) {
  // The cookie's name (__Secure- or not) follows the same rule as the one next-auth sets (lib/auth/options).
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, secureCookie: usesSecureCookies() });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/app", "/app/:path*"] };
