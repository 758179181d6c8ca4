// Reads the migrations as text (no database) and lists, per file, the statements that create,
// replace, alter or drop a named object. Used by tests/integration/migrations-once.test.ts, which
// holds the migrations to "one definition per object" (decision 020).
import fs from "node:fs";
import path from "node:path";

export const MIGRATIONS_DIR = path.resolve(
  __dirname,
  "../../supabase/migrations",
);

export type ObjectKind =
  | "function"
  | "policy"
  | "trigger"
  | "index"
  | "table"
  | "view"
  | "type"
  | "sequence";

export type Action = "create" | "alter" | "drop" | "grant";

export type ObjectStatement = {
  file: string;
  action: Action;
  kind: ObjectKind;
  /** schema.name for functions, tables, views, types, sequences, indexes; schema.table.name for policies and triggers */
  key: string;
  /** `drop … if exists` */
  ifExists: boolean;
  /** the statement, comments and quoted bodies removed, whitespace collapsed, lower case */
  text: string;
};

/**
 * The top-level statements of a script: comments removed, dollar-quoted bodies and string
 * literals replaced by empty ones (so nothing inside a function body counts), split at `;`.
 */
export function statements(sql: string): string[] {
  let out = "";
  let i = 0;
  const parts: string[] = [];
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql.startsWith("/*", i)) (depth++, (i += 2));
        else if (sql.startsWith("*/", i)) (depth--, (i += 2));
        else i++;
      }
      out += " ";
    } else if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      out += sql.slice(i, end + 1);
      i = end + 1;
    } else if (c === "'") {
      i++;
      while (i < sql.length) {
        if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") break;
        else i++;
      }
      i++;
      out += "''";
    } else if (
      c === "$" &&
      /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.test(sql.slice(i, i + 64))
    ) {
      const tag = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.exec(
        sql.slice(i, i + 64),
      )![0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end === -1) throw new Error(`unterminated ${tag} quote`);
      i = end + tag.length;
      out += "$$$$";
    } else if (c === ";") {
      parts.push(out);
      out = "";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  parts.push(out);
  return parts
    .map((s) => s.replace(/\s+/g, " ").trim().toLowerCase())
    .filter((s) => s.length > 0);
}

const NAME = String.raw`((?:"[^"]+"|[a-z_][a-z_0-9]*)(?:\.(?:"[^"]+"|[a-z_][a-z_0-9]*))?)`;

/** `public.x` for a name without a schema; quotes removed. */
function qualify(name: string): string {
  const bare = name.replace(/"/g, "");
  return bare.includes(".") ? bare : `public.${bare}`;
}

function schemaOf(qualified: string): string {
  return qualified.split(".")[0]!;
}

function bare(name: string): string {
  return name.replace(/"/g, "");
}

const patterns: Array<{
  re: RegExp;
  to: (
    m: RegExpExecArray,
  ) =>
    | Omit<ObjectStatement, "file" | "text">
    | Array<Omit<ObjectStatement, "file" | "text">>;
}> = [
  {
    re: new RegExp(String.raw`^create (?:or replace )?function ${NAME}\s*\(`),
    to: (m) => ({
      action: "create",
      kind: "function",
      key: qualify(m[1]!),
      ifExists: false,
    }),
  },
  {
    re: new RegExp(String.raw`^create (?:or replace )?view ${NAME}`),
    to: (m) => ({
      action: "create",
      kind: "view",
      key: qualify(m[1]!),
      ifExists: false,
    }),
  },
  {
    re: new RegExp(String.raw`^create policy ${NAME} on ${NAME}`),
    to: (m) => ({
      action: "create",
      kind: "policy",
      key: `${qualify(m[2]!)}.${bare(m[1]!)}`,
      ifExists: false,
    }),
  },
  {
    re: new RegExp(String.raw`^alter policy ${NAME} on ${NAME}`),
    to: (m) => ({
      action: "alter",
      kind: "policy",
      key: `${qualify(m[2]!)}.${bare(m[1]!)}`,
      ifExists: false,
    }),
  },
  {
    re: new RegExp(String.raw`^drop policy (if exists )?${NAME} on ${NAME}`),
    to: (m) => ({
      action: "drop",
      kind: "policy",
      key: `${qualify(m[3]!)}.${bare(m[2]!)}`,
      ifExists: !!m[1],
    }),
  },
  {
    re: new RegExp(
      String.raw`^create (?:or replace )?(?:constraint )?trigger ${NAME} .*? on ${NAME}`,
    ),
    to: (m) => ({
      action: "create",
      kind: "trigger",
      key: `${qualify(m[2]!)}.${bare(m[1]!)}`,
      ifExists: false,
    }),
  },
  {
    re: new RegExp(String.raw`^drop trigger (if exists )?${NAME} on ${NAME}`),
    to: (m) => ({
      action: "drop",
      kind: "trigger",
      key: `${qualify(m[3]!)}.${bare(m[2]!)}`,
      ifExists: !!m[1],
    }),
  },
  {
    re: new RegExp(
      String.raw`^create (?:unique )?index (?:concurrently )?(?:if not exists )?${NAME} on (?:only )?${NAME}`,
    ),
    to: (m) => ({
      action: "create",
      kind: "index",
      key: `${schemaOf(qualify(m[2]!))}.${bare(m[1]!)}`,
      ifExists: false,
    }),
  },
  {
    re: new RegExp(String.raw`^create table (?:if not exists )?${NAME}`),
    to: (m) => ({
      action: "create",
      kind: "table",
      key: qualify(m[1]!),
      ifExists: false,
    }),
  },
  {
    re: new RegExp(String.raw`^create type ${NAME}`),
    to: (m) => ({
      action: "create",
      kind: "type",
      key: qualify(m[1]!),
      ifExists: false,
    }),
  },
  {
    re: new RegExp(String.raw`^create sequence (?:if not exists )?${NAME}`),
    to: (m) => ({
      action: "create",
      kind: "sequence",
      key: qualify(m[1]!),
      ifExists: false,
    }),
  },
  {
    re: new RegExp(
      String.raw`^drop (function|index|table|view|type|sequence) (if exists )?${NAME}`,
    ),
    to: (m) => ({
      action: "drop",
      kind: m[1] as ObjectKind,
      key: qualify(m[3]!),
      ifExists: !!m[2],
    }),
  },
  {
    re: new RegExp(
      String.raw`^alter (function|table|view|type|sequence|index) (?:if exists )?(?:only )?${NAME}`,
    ),
    to: (m) => ({
      action: "alter",
      kind: m[1] as ObjectKind,
      key: qualify(m[2]!),
      ifExists: false,
    }),
  },
];

/** Splits at the commas outside parentheses. */
function topLevelList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === "," && depth === 0) {
      items.push(current.trim());
      current = "";
    } else current += c;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/**
 * The tables and functions a GRANT or REVOKE names (`on public.a, public.b`, `on function x(), y()`);
 * schema-wide forms (`on all … in schema`, `on schema`) name none.
 */
function grantTargets(
  text: string,
): Array<Omit<ObjectStatement, "file" | "text">> {
  const m =
    /^(?:grant|revoke) .*? on (function |table )?(.+?) (?:to|from) /.exec(
      text + " ",
    );
  if (!m || /^(all |schema |sequence )/.test(m[2]!)) return [];
  const kind: ObjectKind = m[1] === "function " ? "function" : "table";
  return topLevelList(m[2]!).map((item) => ({
    action: "grant" as const,
    kind,
    key: qualify(item.replace(/\(.*$/s, "").trim()),
    ifExists: false,
  }));
}

/** Every create/alter/drop of a named object, and every grant/revoke on a table or function, in
 * every migration, in the order the runner applies them. */
export function objectStatements(dir = MIGRATIONS_DIR): ObjectStatement[] {
  const result: ObjectStatement[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    for (const text of statements(
      fs.readFileSync(path.join(dir, file), "utf8"),
    )) {
      if (/^(grant|revoke) /.test(text)) {
        for (const s of grantTargets(text)) result.push({ ...s, file, text });
        continue;
      }
      for (const { re, to } of patterns) {
        const m = re.exec(text);
        if (!m) continue;
        const found = to(m);
        for (const s of Array.isArray(found) ? found : [found])
          result.push({ ...s, file, text });
        break;
      }
    }
  }
  return result;
}
