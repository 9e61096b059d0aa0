import { NextResponse, type NextRequest } from "next/server";
import { userIdFromSessionCookie } from "@/lib/auth/session-token";

// Signed-out visitors asking for the signed-in area go to sign-in and come back afterwards.
export async function proxy(request: NextRequest) {
  if (await userIdFromSessionCookie(request)) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/app", "/app/:path*"] };
