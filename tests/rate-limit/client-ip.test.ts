import { describe, expect, it } from "vitest";
import { clientIp, trustedProxiesFrom } from "@/lib/rate-limit/client-ip";
import { DEFAULT_RATE_LIMITS, rateLimitsFrom } from "@/lib/rate-limit/limits";
import { checkServerEnv } from "@/lib/env";

describe("clientIp", () => {
  it("ignores X-Forwarded-For from a connection that is not a trusted proxy", () => {
    expect(clientIp("203.0.113.9", "198.51.100.1", [])).toBe("203.0.113.9");
    expect(clientIp("203.0.113.9", "198.51.100.1", ["127.0.0.1"])).toBe("203.0.113.9");
  });

  it("takes the right-most address that is not a trusted proxy", () => {
    expect(clientIp("127.0.0.1", "198.51.100.1", ["127.0.0.1"])).toBe("198.51.100.1");
    // A client's own X-Forwarded-For comes first; the proxy appends the address it saw.
    expect(clientIp("::ffff:127.0.0.1", "1.2.3.4, 198.51.100.1", ["127.0.0.1"])).toBe("198.51.100.1");
    expect(clientIp("10.0.0.2", "1.2.3.4, 198.51.100.1, 10.0.0.1", ["10.0.0.1", "10.0.0.2"])).toBe("198.51.100.1");
    expect(clientIp("127.0.0.1", "garbage, 198.51.100.1", ["127.0.0.1"])).toBe("198.51.100.1");
    expect(clientIp("127.0.0.1", undefined, ["127.0.0.1"])).toBe("127.0.0.1");
    expect(clientIp("127.0.0.1", "not-an-ip", ["127.0.0.1"])).toBe("127.0.0.1");
  });

  it("reads TRUSTED_PROXIES and the limits from the environment, and start-up refuses bad values", () => {
    expect(trustedProxiesFrom({ TRUSTED_PROXIES: " 127.0.0.1, ::1 ," })).toEqual(["127.0.0.1", "::1"]);
    expect(rateLimitsFrom({})).toEqual(DEFAULT_RATE_LIMITS);
    expect(rateLimitsFrom({ RATE_LIMIT_SIGN_IN_IP: "10" }).signInPerIp).toBe(10);
    expect(() => rateLimitsFrom({ RATE_LIMIT_SIGN_UP_IP: "0" })).toThrow(/RATE_LIMIT_SIGN_UP_IP/);
    expect(checkServerEnv({ RATE_LIMIT_SIGN_IN_EMAIL: "many" }).problems).toEqual([expect.stringContaining("RATE_LIMIT_SIGN_IN_EMAIL")]);
    expect(checkServerEnv({ TRUSTED_PROXIES: "proxy.local" }).problems).toEqual([expect.stringContaining("TRUSTED_PROXIES")]);
  });
});
