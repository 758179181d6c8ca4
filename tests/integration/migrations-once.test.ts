// One definition per object in supabase/migrations (decision 020): until a migration is deployed,
// a change to an object is made where the object is created, so a newcomer reads each function,
// policy, trigger and index once, in its final form. Pure file reading, no database.
//
// The rules, over the migrations after LAST_DEPLOYED (all of them while nothing is deployed):
//   1. a function, policy (table + name), trigger (table + name), index, table, view, type or
//      sequence is created by one statement in one file;
//   2. nothing a migration creates is dropped (also not `drop … if exists`: re-creating an object
//      is rule 1's business); a drop of what no migration creates (a platform default) is allowed;
//   3. no `alter policy|function|view|type|sequence|index` of an object another file created;
//   4. `alter table` of a table another file created only adds columns, and only in a file that
//      creates a table one of those columns references (cover_offers.staff_id → staff_members):
//      such a column cannot be in the create table, which comes first;
//   5. no grant or revoke on a table or function another file created, except the column grants of
//      columns added under rule 4.
// After the first deploy, LAST_DEPLOYED names the last deployed version: those files are frozen
// (never edited), later ones may amend their objects (append-only), and the rules hold among the
// later ones: a change not yet deployed is still folded into the not-yet-deployed migration.
import { describe, expect, it } from "vitest";
import {
  objectStatements,
  statements,
  type ObjectStatement,
} from "../helpers/migration-objects";

/** The version of the last deployed migration (e.g. "20261207140000"), or null: nothing deployed. */
const LAST_DEPLOYED = null as string | null;

const version = (file: string) => file.split("_")[0]!;
const pending = objectStatements().filter(
  (s) => LAST_DEPLOYED === null || version(s.file) > LAST_DEPLOYED,
);
const where = (s: ObjectStatement) => `${s.file}: ${s.text.slice(0, 120)}`;

/** The file that creates each object (kind + key), among the pending migrations. */
function creators(list: ObjectStatement[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const s of list) {
    if (s.action !== "create") continue;
    const key = `${s.kind} ${s.key}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s.file]);
  }
  return byKey;
}

/** Columns added under rule 4, as `table.column`, with the file that adds them. */
function addedColumns(
  list: ObjectStatement[],
  created: Map<string, string[]>,
): Map<string, string> {
  const columns = new Map<string, string>();
  for (const s of list) {
    if (
      s.action !== "alter" ||
      s.kind !== "table" ||
      !allowedAddColumns(s, created)
    )
      continue;
    for (const m of s.text.matchAll(
      /add column (?:if not exists )?("?[a-z_0-9]+"?)/g,
    )) {
      columns.set(`${s.key}.${m[1]!.replace(/"/g, "")}`, s.file);
    }
  }
  return columns;
}

/** Rule 4: only `add column` clauses, one referencing a table this file creates. */
function allowedAddColumns(
  s: ObjectStatement,
  created: Map<string, string[]>,
): boolean {
  const clauses = s.text.replace(
    /^alter table (?:if exists )?(?:only )?\S+ /,
    "",
  );
  const onlyAddColumn = clauses
    .split(
      /,\s*(?=add |drop |alter |enable |disable |rename |set |owner |validate )/,
    )
    .every((c) => /^add column /.test(c));
  const references = [...clauses.matchAll(/references ([a-z_0-9."]+)/g)].map(
    (m) =>
      m[1]!.replace(/"/g, "").includes(".")
        ? m[1]!.replace(/"/g, "")
        : `public.${m[1]}`,
  );
  return (
    onlyAddColumn &&
    references.some((t) => created.get(`table ${t}`)?.[0] === s.file)
  );
}

describe("migrations: one definition per object", () => {
  const created = creators(pending);
  const createdIn = (s: ObjectStatement) =>
    created.get(`${s.kind} ${s.key}`)?.[0];

  it("creates each function, policy, trigger, index, table, view, type and sequence once", () => {
    const repeated = [...created]
      .filter(([, files]) => files.length > 1)
      .map(([key, files]) => `${key}: ${files.join(", ")}`);
    expect(
      repeated,
      "fold the later definition into the file that creates the object",
    ).toEqual([]);
  });

  it("drops nothing a migration creates", () => {
    const drops = pending
      .filter((s) => s.action === "drop" && createdIn(s) !== undefined)
      .map(where);
    expect(
      drops,
      "create the object in its final form instead of dropping and re-creating it",
    ).toEqual([]);
  });

  it("alters no policy, function, view, type, sequence or index of another file", () => {
    const alters = pending
      .filter(
        (s) =>
          s.action === "alter" &&
          s.kind !== "table" &&
          createdIn(s) !== undefined &&
          createdIn(s) !== s.file,
      )
      .map(where);
    expect(alters, "change the object where it is created").toEqual([]);
  });

  it("alters another file's table only to add a column referencing a table of its own", () => {
    const alters = pending
      .filter((s) => s.action === "alter" && s.kind === "table")
      .filter(
        (s) =>
          createdIn(s) !== undefined &&
          createdIn(s) !== s.file &&
          !allowedAddColumns(s, created),
      )
      .map(where);
    expect(
      alters,
      "put the column or constraint into the create table",
    ).toEqual([]);
  });

  it("grants and revokes only on its own tables and functions (and columns it adds)", () => {
    const added = addedColumns(pending, created);
    const foreign = pending
      .filter(
        (s) =>
          s.action === "grant" &&
          createdIn(s) !== undefined &&
          createdIn(s) !== s.file,
      )
      .filter((s) => {
        // Column grants of columns this file adds are allowed (rule 4).
        const columns = [...s.text.matchAll(/\(([^()]*)\)/g)].flatMap((m) =>
          m[1]!.split(",").map((c) => c.trim()),
        );
        return (
          columns.length === 0 ||
          !columns.every((c) => added.get(`${s.key}.${c}`) === s.file)
        );
      })
      .map(where);
    expect(foreign, "grant where the object is created").toEqual([]);
  });
});

describe("migrations: the statement reader", () => {
  it("ignores comments, string literals and function bodies, and keeps quoted names whole", () => {
    const sql = `-- create function x()
create or replace function a.f() returns int language sql as $$ select 1; create table t (); $$;
/* drop table y; */ create policy "it's the owner's" on public.t for select using (x = 'a;b');
create index t_idx on public.t (a);`;
    expect(statements(sql)).toEqual([
      "create or replace function a.f() returns int language sql as $$$$",
      `create policy "it's the owner's" on public.t for select using (x = '')`,
      "create index t_idx on public.t (a)",
    ]);
  });
});
