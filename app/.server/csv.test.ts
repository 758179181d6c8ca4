import { describe, expect, test } from "vitest";
import { csvCell, csvResponse, safeFilename, toCsv } from "./csv";

describe("the CSV module", () => {
  test("quotes cells with ; \" CR or LF", () => {
    expect(csvCell("Müller; Sohn")).toBe('"Müller; Sohn"');
    expect(csvCell('Sagt "Hallo"')).toBe('"Sagt ""Hallo"""');
    expect(csvCell("Zeile 1\nZeile 2")).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  test.each(["=1+1", "+49 123", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("https://evil.example")'])(
    "defuses the formula start of %j",
    (value) => {
      const cell = csvCell(value);
      expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );

  test("numbers stay numbers", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(12.5)).toBe("12.5");
  });

  test("file: BOM, semicolons, CRLF", () => {
    expect(toCsv([["a", "b"], [1, null]])).toBe("\uFEFFa;b\r\n1;\r\n");
  });

  test("download response", async () => {
    const response = csvResponse({ filename: 'bilanz "x"\r\n.csv', body: toCsv([["a"]]) });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="bilanz-x-.csv"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
    expect(safeFilename("")).toBe("export.csv");
  });
});
