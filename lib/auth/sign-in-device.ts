import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that signed
 * in to an account gets a cookie signed by the server for that account. Sign-ins that bring it are
 * counted per device, so failures elsewhere (an attacker guessing the password) never lock that browser
 * out. The cookie's name is derived from the email, so one browser can hold one for each of its
 * accounts; its value is a random nonce and an HMAC of the email and the nonce, with a key derived from
 * NEXTAUTH_SECRET. Nothing is stored on the server.
 */
export const DEVICE_COOKIE_PREFIX = "smriti-device-";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function deviceKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "smriti", "smriti device cookie v1", 32));
}

function mac(secret: string, ...parts: string[]): string {
  return createHmac("sha256", deviceKey(secret)).update(parts.join("\n")).digest("base64url");
}

/** The cookie's name for an email (normalised), the same on every sign-in. */
export function deviceCookieName(secret: string, email: string): string {
  return `${DEVICE_COOKIE_PREFIX}${mac(secret, "name", email).slice(0, 16)}`;
}

/** A new device cookie value for an email. */
export function issueDeviceToken(secret: string, email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${mac(secret, "device", email, nonce)}`;
}

/** The device's id (its nonce) when the value is a device cookie this server issued for the email, else null. */
export function verifyDeviceToken(secret: string, email: string, value: string | undefined): string | null {
  if (!value) return null;
  const [nonce, signature, rest] = value.split(".");
  if (!nonce || !signature || rest !== undefined) return null;
  const expected = Buffer.from(mac(secret, "device", email, nonce));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
