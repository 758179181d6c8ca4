import fs from "node:fs";
import path from "node:path";
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type CompiledQuery } from "kysely";
import { describe, expect, test } from "vitest";
import { rowLimit } from "./limits";

// A Kysely that only compiles (no connection), to see the text a statement is sent as.
const compiler = new Kysely<{ trainings: { id: string } }>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe("rowLimit", () => {
  test("puts the limit into the statement's text, the offset stays a parameter", () => {
    const offset = 40;
    const raw: CompiledQuery = sql`select id from trainings limit ${rowLimit(21)} offset ${offset}`.compile(compiler);
    expect(raw.sql).toBe("select id from trainings limit 21 offset $1");
    expect(raw.parameters).toEqual([40]);
    const built = compiler.selectFrom("trainings").select("id").limit(rowLimit(20)).offset(offset).compile();
    expect(built.sql).toMatch(/limit 20 offset \$1$/);
    expect(built.parameters).toEqual([40]);
  });

  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])("refuses %s", (n) => {
    expect(() => rowLimit(n)).toThrow(/not a row count/);
  });

  // Every LIMIT the server code sends is a literal (see limits.ts: a bound limit gives prepared
  // statements generic plans that read whole tables). A new `limit ${n}` or `.limit(n)` fails here.
  test("no statement in app/.server binds its limit as a parameter", () => {
    const root = path.resolve(__dirname, "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          fs.readFileSync(file, "utf8")
            .split("\n")
            .forEach((line, i) => {
              if (/\blimit \$\{(?!rowLimit\(|sql\.lit\()/i.test(line) || /\.limit\((?!rowLimit\(|sql\.lit\()/.test(line)) {
                offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
              }
            });
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
