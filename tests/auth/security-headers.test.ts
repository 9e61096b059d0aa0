import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, strictTransportSecurity } from "@/proxy";

describe("security headers", () => {
  it("allows scripts by nonce only, with no 'unsafe-inline' and no 'unsafe-eval' in production", () => {
    const scriptSrc = contentSecurityPolicy("abc", true).split("; ").find((part) => part.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
  });

  it("sends HSTS in production over https only", () => {
    expect(strictTransportSecurity({ NODE_ENV: "production", NEXTAUTH_URL: "https://smriti.example" })).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" })).toBeNull();
    expect(strictTransportSecurity({ NODE_ENV: "development", NEXTAUTH_URL: "https://smriti.example" })).toBeNull();
  });
});
