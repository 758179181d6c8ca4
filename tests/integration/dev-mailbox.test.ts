import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "~/.server/env";
import { sendMail } from "~/.server/mail/send";
import { loader as listLoader, action as listAction } from "~/routes/dev.mails._index";
import { loader as mailLoader } from "~/routes/dev.mails.$id";

const saved = { ...process.env };
let dir: string;

function args(url: string, params: Record<string, string> = {}, init?: RequestInit) {
  return { request: new Request(`http://localhost:3000${url}`, init), params, context: {} };
}

async function status(fn: () => Promise<unknown>): Promise<number> {
  try {
    await fn();
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("the dev mailbox pages", () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tk-mailbox-"));
    delete process.env.RESEND_API_KEY;
    process.env.MAILBOX_DIR = dir;
    resetEnvCache();
  });

  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lists mails newest first and shows one with its links", async () => {
    const first = await sendMail({ to: "a@example.org", subject: "Erste", html: "<p>eins</p>", text: "eins" });
    await new Promise((r) => setTimeout(r, 5));
    const second = await sendMail({
      to: "b@example.org",
      subject: "Zweite",
      html: '<html><head></head><body><a href="http://localhost:3000/einladung/abc?x=1&amp;y=2">Los</a></body></html>',
      text: "zwei",
    });
    expect(first.via).toBe("mailbox");

    const list = await listLoader(args("/dev/mails"));
    expect(list.mails.map((m) => m.subject)).toEqual(["Zweite", "Erste"]);

    const one = await mailLoader(args(`/dev/mails/${second.id}`, { id: second.id }));
    expect(one.mail).toMatchObject({ subject: "Zweite", to: "b@example.org", text: "zwei" });
    expect(one.links).toEqual(["http://localhost:3000/einladung/abc?x=1&y=2"]);
    expect(one.srcDoc).toContain('<head><base target="_top">');
  });

  it("answers 404 for unknown or malformed ids", async () => {
    expect(await status(() => mailLoader(args("/dev/mails/0000000000000-deadbeef", { id: "0000000000000-deadbeef" })))).toBe(404);
    expect(await status(() => mailLoader(args("/dev/mails/x", { id: "../../etc/passwd" })))).toBe(404);
  });

  it("empties the mailbox", async () => {
    await sendMail({ to: "a@example.org", subject: "Weg damit", html: "<p>x</p>", text: "x" });
    const body = new URLSearchParams({ intent: "clear" });
    const response = await listAction(
      args("/dev/mails", {}, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dev/mails");
    expect((await listLoader(args("/dev/mails"))).mails).toEqual([]);
  });

  it("does not exist in production", async () => {
    const mail = await sendMail({ to: "a@example.org", subject: "Geheim", html: "<p>x</p>", text: "x" });
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "a-test-secret-of-enough-length";
    resetEnvCache();
    try {
      expect(await status(() => listLoader(args("/dev/mails")))).toBe(404);
      expect(await status(() => mailLoader(args(`/dev/mails/${mail.id}`, { id: mail.id })))).toBe(404);
      const body = new URLSearchParams({ intent: "clear" });
      expect(await status(() => listAction(args("/dev/mails", {}, { method: "POST", body })))).toBe(404);
    } finally {
      process.env.NODE_ENV = "test";
    }
  });
});
