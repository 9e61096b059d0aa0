import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/auth/accounts";
import {
  changePassword,
  forgotPassword,
  INVALID_RESET_LINK_MESSAGE,
  resetPassword,
  WRONG_CURRENT_PASSWORD_MESSAGE,
} from "@/lib/auth/password-reset";
import { requestPasswordReset, RESET_LINK_MINUTES, resetTokenHash } from "@/lib/auth/reset-tokens";
import { verifyPassword } from "@/lib/auth/passwords";
import { sessionIsLive, startSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { RejectedFieldError } from "@/lib/errors";
import { mailerFromEnv, type Mail } from "@/lib/mail/mailer";
import { passwordResetSchema, registrationSchema } from "@/lib/validation/account";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
let counter = 0;
const fixedToken = () => `t${String(++counter).padStart(42, "x")}`;

describeEachDatabase("passwords: change and reset", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const register = (email: string, password = "old password") =>
    registerUser(database.db, registrationSchema.parse({ email, password }));
  const userOf = (id: string) => database.db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } });

  it("changes the password only with the current one, and ends the other sessions, not this one", async () => {
    const { id } = await register("change@example.in");
    const here = await startSession(database.db, id, NOW);
    const elsewhere = await startSession(database.db, id, NOW);
    const live = (sid: string) => sessionIsLive(database.db, { sub: id, sid }, NOW);
    await expect(changePassword(database.db, id, "not it", "new password", here)).rejects.toThrow(WRONG_CURRENT_PASSWORD_MESSAGE);
    await expect(changePassword(database.db, id, "not it", "new password", here)).rejects.toBeInstanceOf(RejectedFieldError);
    expect([await live(here), await live(elsewhere)]).toEqual([true, true]);

    await changePassword(database.db, id, "old password", "new password", here);
    const user = await userOf(id);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "new password")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "old password")).toBe(false);
    expect([await live(here), await live(elsewhere)]).toEqual([true, false]);
  });

  it("makes a reset link only for an existing account, storing only the token's hash", async () => {
    expect(await requestPasswordReset(database.db, "nobody@example.in", NOW, fixedToken)).toBeNull();
    const { id } = await register("reset@example.in");
    const issued = (await requestPasswordReset(database.db, "reset@example.in", NOW, fixedToken))!;
    expect(issued.expiresAt).toEqual(later(RESET_LINK_MINUTES));
    const rows = await database.db.passwordReset.findMany({ where: { userId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(resetTokenHash(issued.token));
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(issued.token);
  });

  it("resets once, before it expires, with the latest link only; then every session is signed out and a lock is lifted", async () => {
    const { id } = await register("once@example.in");
    const sessions = [await startSession(database.db, id, NOW), await startSession(database.db, id, NOW)];
    const first = (await requestPasswordReset(database.db, "once@example.in", NOW, fixedToken))!;
    const second = (await requestPasswordReset(database.db, "once@example.in", NOW, fixedToken))!;
    await expect(resetPassword(database.db, first.token, "first try", NOW)).rejects.toThrow(INVALID_RESET_LINK_MESSAGE);
    await expect(resetPassword(database.db, second.token, "too late", later(RESET_LINK_MINUTES + 1))).rejects.toThrow(INVALID_RESET_LINK_MESSAGE);
    await expect(resetPassword(database.db, fixedToken(), "made up", NOW)).rejects.toBeInstanceOf(RejectedFieldError);
    expect(await verifyPassword((await userOf(id)).passwordHash, "old password")).toBe(true);

    // Five wrong passwords from elsewhere lock the email for untrusted clients...
    for (let attempt = 0; attempt < 5; attempt++) await signInWithPassword(database.db, "once@example.in", "wrong password", NOW).catch(() => null);
    await expect(signInWithPassword(database.db, "once@example.in", "old password", NOW)).rejects.toThrow(/Too many/);
    await resetPassword(database.db, second.token, "brand new password", later(RESET_LINK_MINUTES - 1));
    const user = await userOf(id);
    expect(await verifyPassword(user.passwordHash, "brand new password")).toBe(true);
    for (const sid of sessions) expect(await sessionIsLive(database.db, { sub: id, sid }, NOW)).toBe(false);
    expect(await signInWithPassword(database.db, "once@example.in", "brand new password", later(RESET_LINK_MINUTES))).toMatchObject({ id });
    await expect(resetPassword(database.db, second.token, "again", later(RESET_LINK_MINUTES - 1))).rejects.toThrow(INVALID_RESET_LINK_MESSAGE);
    expect(await verifyPassword((await userOf(id)).passwordHash, "brand new password")).toBe(true);
  });

  it("lets one of two simultaneous uses of a link through", async () => {
    await register("race@example.in");
    const issued = (await requestPasswordReset(database.db, "race@example.in", NOW, fixedToken))!;
    const results = await Promise.allSettled([
      resetPassword(database.db, issued.token, "password one", NOW),
      resetPassword(database.db, issued.token, "password two", NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("mails the link for a known email and nothing for an unknown one, answering both alike", async () => {
    await register("mail@example.in");
    const sent: Mail[] = [];
    const deps = { appUrl: "https://smriti.example/", send: async (mail: Mail) => void sent.push(mail), token: fixedToken };
    const unknown = forgotPassword(database.db, "nobody@example.in", NOW, deps);
    const known = forgotPassword(database.db, "mail@example.in", NOW, deps);
    await Promise.all([unknown.delivery, known.delivery]);
    expect(Object.keys(unknown)).toEqual(Object.keys(known));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe("mail@example.in");
    const link = /https:\/\/smriti\.example\/reset-password#token=([A-Za-z0-9_-]+)/.exec(sent[0]!.text);
    expect(link).not.toBeNull();
    expect(passwordResetSchema.safeParse({ token: link![1], password: "a new password" }).success).toBe(true);
    await resetPassword(database.db, link![1]!, "a new password", NOW);

    // A failing mail server is logged, never thrown at the caller.
    const errors: unknown[] = [];
    const failing = forgotPassword(database.db, "mail@example.in", NOW, { ...deps, send: () => Promise.reject(new Error("down")), onSendError: (e) => errors.push(e) });
    await failing.delivery;
    expect(errors).toHaveLength(1);
  });
});

describe("mailerFromEnv", () => {
  it("logs the mail when SMTP is not configured", async () => {
    const lines: string[] = [];
    const mailer = mailerFromEnv({}, (line) => lines.push(line));
    expect(mailer.kind).toBe("log");
    await mailer.send({ to: "a@b.in", subject: "Hello", text: "the link: http://x/reset-password#token=abc" });
    expect(lines.join("\n")).toContain("http://x/reset-password#token=abc");
  });

  it("refuses SMTP_HOST without SMTP_FROM", () => {
    expect(() => mailerFromEnv({ SMTP_HOST: "mail.example" })).toThrow(/SMTP_FROM/);
  });

  it("sends through SMTP when SMTP_HOST is set", async () => {
    // A minimal SMTP server: enough of RFC 5321 for one plain (no TLS, no auth) delivery.
    const received: string[] = [];
    const server = net.createServer((socket) => {
      let data = false;
      let buffer = "";
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (chunk) => {
        buffer += chunk.toString();
        let end: number;
        while ((end = buffer.indexOf("\r\n")) >= 0) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (data) {
            if (line === ".") {
              data = false;
              socket.write("250 queued\r\n");
            } else received.push(line);
          } else if (/^(EHLO|HELO)/i.test(line)) socket.write("250 test\r\n");
          else if (/^DATA/i.test(line)) {
            data = true;
            socket.write("354 go on\r\n");
          } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
          else socket.write("250 ok\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const mailer = mailerFromEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_SECURE: "false", SMTP_FROM: "Smriti <no-reply@smriti.example>" });
      expect(mailer.kind).toBe("smtp");
      await mailer.send({ to: "asha@example.in", subject: "Reset your Smriti password", text: "the link: https://smriti.example/reset-password#token=abc" });
      const message = received.join("\n");
      expect(message).toContain("To: asha@example.in");
      expect(message).toContain("Subject: Reset your Smriti password");
      expect(message).toContain("reset-password#token=abc");
    } finally {
      server.close();
    }
  });
});
