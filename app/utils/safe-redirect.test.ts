import { describe, expect, test } from "vitest";
import { safeRedirect } from "./safe-redirect";

const base = "https://traegerkreis.example";
const check = (value: string | null | undefined) => safeRedirect(value, "FALLBACK", base);

describe("safeRedirect", () => {
  test.each([
    ["/", "/"],
    ["/vertretungen", "/vertretungen"],
    ["/fortbildungen/abc?ansicht=meine#x", "/fortbildungen/abc?ansicht=meine#x"],
    ["/traeger?q=Familienhilfe%20Wesel", "/traeger?q=Familienhilfe%20Wesel"],
    ["/einladung/0123abcdef", "/einladung/0123abcdef"],
  ])("keeps the path on this site %s", (value, expected) => {
    expect(check(value)).toBe(expected);
  });

  test.each([
    ["empty", ""],
    ["missing", null],
    ["absolute URL", "https://evil.example/"],
    ["absolute URL of our own host (not a path)", "https://traegerkreis.example/x"],
    ["scheme", "javascript:alert(1)"],
    ["data URL", "data:text/html,<script>"],
    ["relative without slash", "evil.example"],
    ["protocol-relative", "//evil.example/"],
    ["three slashes", "///evil.example/"],
    ["backslash", "/\\evil.example/"],
    ["backslash only", "\\\\evil.example"],
    ["tab after slash (the reported bypass)", "/\t/evil.example/"],
    ["encoded tab", "/%09/evil.example/"],
    ["newline", "/\n/evil.example/"],
    ["encoded newline (header injection)", "/x%0d%0aSet-Cookie:%20a=b"],
    ["raw CR LF", "/x\r\nSet-Cookie: a=b"],
    ["NUL", "/x\u0000"],
    ["encoded NUL", "/x%00"],
    ["encoded slash pair", "/%2F%2Fevil.example"],
    ["encoded slash after slash", "/%2Fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["double-encoded slash", "/%252F%252Fevil.example"],
    ["double-encoded tab", "/%2509/evil.example/"],
    ["broken encoding", "/%E0%A4%A"],
    ["DEL", "/x\u007f"],
    ["C1 control", "/x\u0085"],
    ["too long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_name, value) => {
    expect(check(value)).toBe("FALLBACK");
  });

  test("a redirect built from any refused value is a valid header", () => {
    expect(() => new Headers({ Location: check("/\n/x") })).not.toThrow();
  });
});
