// The one CSV writer of the app, for every export (training participants and costs, the cover
// ledger): files a German spreadsheet opens as they are — UTF-8 with a byte-order mark (umlauts),
// `;` between cells (the decimal comma), CRLF line ends, quotes where a cell needs them — and that
// never run a formula: a text cell starting with = + - @ tab or CR (a Träger's own text, e.g. an
// agreement reference "=HYPERLINK(…)") gets a leading apostrophe, so Excel and LibreOffice show it
// as text. Numbers passed as numbers stay numbers.

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** One cell: formula-safe, quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is the header) → the file's text: BOM, `;`, CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

export type CsvFile = { filename: string; body: string };

/** A file name any browser and file system accepts: ASCII letters, digits, `.`, `-`, `_`. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+/, "").slice(0, 120);
  return cleaned || "export.csv";
}

/** The HTTP answer for a CSV download: an attachment, never cached by shared caches. */
export function csvResponse(file: CsvFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeFilename(file.filename)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
