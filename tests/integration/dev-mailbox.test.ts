import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "~/.server/env";
import { sendMail } from "~/.server/mail/send";
import { loader as listLoader, action as listAction } from "~/routes/dev.mails._index";
import { loader as mailLoader } from "~/routes/dev.mails.$id";
import { loader as attachmentLoader } from "~/routes/dev.mails.$id_.anhang.$index";

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

  it("keeps attachments and offers them for download", async () => {
    const ics = "BEGIN:VCALENDAR\r\nSUMMARY:Übung\r\nEND:VCALENDAR\r\n";
    const sent = await sendMail({
      to: "c@example.org",
      subject: "Mit Anhang",
      html: "<p>x</p>",
      text: "x",
      attachments: [{ filename: "übung.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics }],
    });

    const one = await mailLoader(args(`/dev/mails/${sent.id}`, { id: sent.id }));
    expect(one.attachments).toEqual([
      { index: 0, filename: "übung.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", size: Buffer.byteLength(ics) },
    ]);
    // The page's data never carries the file itself.
    expect(JSON.stringify(one)).not.toContain(Buffer.from(ics).toString("base64"));

    const response = (await attachmentLoader(args(`/dev/mails/${sent.id}/anhang/0`, { id: sent.id, index: "0" }))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="_bung.ics"; filename*=UTF-8''%C3%BCbung.ics`);
    expect(await response.text()).toBe(ics);

    for (const index of ["1", "-1", "x", "0.5"]) {
      expect(await status(() => attachmentLoader(args(`/dev/mails/${sent.id}/anhang/${index}`, { id: sent.id, index })))).toBe(404);
    }
    const plain = await sendMail({ to: "d@example.org", subject: "Ohne", html: "<p>x</p>", text: "x" });
    expect((await mailLoader(args(`/dev/mails/${plain.id}`, { id: plain.id }))).attachments).toEqual([]);
    expect(await status(() => attachmentLoader(args(`/dev/mails/${plain.id}/anhang/0`, { id: plain.id, index: "0" })))).toBe(404);
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
      expect(await status(() => attachmentLoader(args(`/dev/mails/${mail.id}/anhang/0`, { id: mail.id, index: "0" })))).toBe(404);
      const body = new URLSearchParams({ intent: "clear" });
      expect(await status(() => listAction(args("/dev/mails", {}, { method: "POST", body })))).toBe(404);
    } finally {
      process.env.NODE_ENV = "test";
    }
  });
});
