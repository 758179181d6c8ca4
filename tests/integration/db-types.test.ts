// scripts/db-types.ts: the rules that turn a catalog column into a Kysely column type, and the
// refusal of an override for a column the migrations do not have (a renamed or dropped column),
// and columns left out on purpose.
import { describe, expect, it } from "vitest";
import { derivedType, render, type CatalogColumn } from "../../scripts/db-types";
import { config } from "../../scripts/db-types.config";

const col = (over: Partial<CatalogColumn>): CatalogColumn => ({
  schema: "public",
  table: "t",
  column: "c",
  type: "text",
  elementType: null,
  notNull: true,
  hasDefault: false,
  ...over,
});

describe("db-types", () => {
  it("derives read types, nullability and defaults from the catalog", () => {
    expect(derivedType(col({}))).toBe("string");
    expect(derivedType(col({ notNull: false }))).toBe("string | null");
    expect(derivedType(col({ type: "integer", hasDefault: true }))).toBe("Generated<number>");
    expect(derivedType(col({ type: "numeric" }))).toBe("string");
    expect(derivedType(col({ type: "bigint", notNull: false }))).toBe("string | null");
    expect(derivedType(col({ type: "text[]", elementType: "text", hasDefault: true }))).toBe("Generated<string[]>");
    expect(derivedType(col({ type: "timestamp with time zone" }))).toBe("Timestamp");
    expect(derivedType(col({ type: "timestamp with time zone", notNull: false }))).toBe("Timestamp | null");
    expect(derivedType(col({ column: "created_at", type: "timestamp with time zone", hasDefault: true }))).toBe(
      "CreatedAt",
    );
    expect(derivedType(col({ column: "run_after", type: "timestamp with time zone", hasDefault: true }))).toBe(
      "UpdatedAt",
    );
  });

  it("leaves out a column configured with omit (the calendar feed's token hash)", () => {
    const feeds = config.tables.find((t) => t.table === "calendar_feeds")!;
    expect(feeds.columns?.token_hash?.omit).toBe(true);
    const columns = ["id", "kind", "user_id", "org_id", "token_hash", "created_at"].map((column) =>
      col({ table: "calendar_feeds", column }),
    );
    const { text } = render(columns);
    const iface = text.slice(text.indexOf("export interface CalendarFeedTable"));
    expect(iface.slice(0, iface.indexOf("}"))).toContain("org_id:");
    expect(iface.slice(0, iface.indexOf("}"))).not.toContain("token_hash");
  });

  it("refuses configured tables and columns the migrated database does not have", () => {
    const first = config.tables[0]!;
    const columns = [col({ table: first.table, column: "code" })];
    const { problems } = render(columns);
    // Every other configured table is missing from this one-column catalog.
    expect(problems).toContain(`${config.tables[1]!.table}: table not found in the migrated database`);
    const withStale = render([
      ...columns,
      ...config.tables
        .filter((t) => t.columns)
        .slice(0, 1)
        .map((t) => col({ table: t.table, column: "not_there" })),
    ]);
    const configured = config.tables.find((t) => t.columns)!;
    const name = Object.keys(configured.columns!)[0]!;
    expect(withStale.problems).toContain(`${configured.table}.${name}: configured, but not a column of the table`);
  });
});
