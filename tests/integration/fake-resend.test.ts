import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Resend } from "resend";
import { fetchCapturedMails, startFakeResend, waitForMail, type FakeResend } from "../helpers/fake-resend";

describe("the fake Resend", () => {
  let fake: FakeResend;
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it("captures what the real SDK sends and serves it to other processes", async () => {
    const resend = new Resend("re_test", { baseUrl: fake.url });
    const { data, error } = await resend.emails.send({ from: "a@example.org", to: "b@example.org", subject: "Hallo", text: "Hi", html: "<p>Hi</p>" });
    expect(error).toBeNull();
    const mails = await fetchCapturedMails(fake.url);
    expect(mails).toEqual([expect.objectContaining({ id: data!.id, to: ["b@example.org"], subject: "Hallo", html: "<p>Hi</p>" })]);
    expect(await waitForMail(fake.url, { to: "B@example.org", subject: "Hall" })).toMatchObject({ id: data!.id });
  });

  it("can be told over HTTP to refuse the next sends", async () => {
    await fetch(`${fake.url}/_fake/fail?count=1&status=503`, { method: "POST" });
    const resend = new Resend("re_test", { baseUrl: fake.url });
    const refused = await resend.emails.send({ from: "a@example.org", to: "c@example.org", subject: "Eins", text: "1" });
    expect(refused.error).toMatchObject({ statusCode: 503 });
    const accepted = await resend.emails.send({ from: "a@example.org", to: "c@example.org", subject: "Zwei", text: "2" });
    expect(accepted.error).toBeNull();
    await fetch(`${fake.url}/_fake/mails`, { method: "DELETE" });
    expect(await fetchCapturedMails(fake.url)).toEqual([]);
  });
});
