import { describe, expect, test } from "vitest";
import { z } from "zod";
import { CoverRequestFormSchema } from "./cover";
import { JoinRequestSchema } from "./circle";
import { CreateOrgSchema } from "./orgs";
import { hasControlCharacters, multiLine, searchParam, singleLine } from "./text";
import { TrainingFormSchema } from "./trainings";

const messagesOf = (result: z.ZodSafeParseResult<unknown>, field: string) =>
  result.success ? [] : result.error.issues.filter((i) => i.path[0] === field).map((i) => i.message);

describe("text fields", () => {
  test("single-line fields refuse every control character, tab and line breaks included", () => {
    const schema = singleLine({ max: 50, label: "Der Name" });
    for (const bad of ["a\u0000b", "a\tb", "a\nb", "a\rb", "a\u001bb", "a\u007fb", "a\u0085b", "a\u2028b"]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(schema.parse("  Träger „Zukunft“ e. V.  ")).toBe("Träger „Zukunft“ e. V.");
  });

  test("multi-line fields keep tab and line breaks but refuse NUL and other controls", () => {
    const schema = multiLine({ max: 50 });
    expect(schema.parse("Zeile 1\r\nZeile 2\tTab")).toBe("Zeile 1\r\nZeile 2\tTab");
    for (const bad of ["a\u0000b", "a\u0008b", "a\u000bb", "a\u001fb"]) expect(schema.safeParse(bad).success).toBe(false);
  });

  test("the maximum length is checked, with a German message", () => {
    const result = z.object({ t: singleLine({ max: 5, label: "Der Titel" }) }).safeParse({ t: "abcdefg" });
    expect(messagesOf(result, "t")).toEqual(["Der Titel ist zu lang (höchstens 5 Zeichen)."]);
  });

  test("a search parameter with a control character is ignored, not an error", () => {
    expect(searchParam(100).parse("a\u0000b")).toBeUndefined();
    expect(searchParam(100).parse("Familienhilfe")).toBe("Familienhilfe");
  });

  test("hasControlCharacters", () => {
    expect(hasControlCharacters("ok")).toBe(false);
    expect(hasControlCharacters("a\nb")).toBe(true);
    expect(hasControlCharacters("a\nb", true)).toBe(false);
  });
});

describe("the forms refuse NUL and control characters at the field", () => {
  test("Interesse melden (anonymous)", () => {
    const result = JoinRequestSchema.safeParse({
      orgName: "Neuer\u0000Träger",
      contactName: "Eva\nMuster",
      email: "eva@example.org",
      message: "Hallo\u0000",
    });
    expect(messagesOf(result, "orgName")).toHaveLength(1);
    expect(messagesOf(result, "contactName")).toHaveLength(1);
    expect(messagesOf(result, "message")).toHaveLength(1);
  });

  test("the Träger name refuses control characters and line breaks", () => {
    expect(messagesOf(CreateOrgSchema.safeParse({ name: "Böse\r\nATTENDEE:x", kind: "freier_traeger" }), "name")).toHaveLength(1);
    expect(messagesOf(CreateOrgSchema.safeParse({ name: "Böse\u0000", kind: "freier_traeger" }), "name")).toHaveLength(1);
  });

  test("the training title refuses a bare CR", () => {
    expect(messagesOf(TrainingFormSchema.safeParse({ title: "Deeskalation\rX-EVIL:1" }), "title")).toEqual([
      "Hier sind keine Zeilenumbrüche, Tabulatoren oder Steuerzeichen erlaubt.",
    ]);
  });

  test("an oversized cover description is refused by length, before anything screens it", () => {
    // The same text short enough is refused by the screen (an address and a phone number); a
    // megabyte of it gets only the length message: the screen never ran on it. (No timing here:
    // speed is for the bench, not a unit test on a shared machine.)
    const screened = "Wohnt Musterstraße 12, Tel. 0203 123456. ";
    const short = messagesOf(CoverRequestFormSchema.safeParse({ description: screened }), "description");
    expect(short).not.toEqual([]);
    expect(short.some((m) => m.includes("zu lang"))).toBe(false);
    const description = screened.repeat(Math.ceil(1_000_000 / screened.length));
    const result = CoverRequestFormSchema.safeParse({ description });
    expect(messagesOf(result, "description")).toEqual(["Die Beschreibung ist zu lang (höchstens 2.000 Zeichen)."]);
  });
});
