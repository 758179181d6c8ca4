// The circle's directory and a Träger's profile, read as the signed-in user: row-level security
// limits both to Träger the user may see (their own and those of their circles).
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, type Tx, asUserReadOnly } from "../db/request";
import type { OrgKind, OrgRole } from "../db/schema";
import { DIRECTORY_PAGE_SIZE, type DirectoryFilters } from "~/validation/circle";
import { PROFILE_COLUMNS, type EditableProfile } from "../orgs/profile";
import { referenceLists, type ReferenceLists } from "./reference";
import { rowLimit } from "~/.server/db/limits";

export type DirectoryEntry = {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  city: string | null;
  hilfearten: string[];
  gemeinden: string[];
};

export type Directory = ReferenceLists & {
  /** The filters as applied (unknown codes dropped). */
  filters: DirectoryFilters;
  entries: DirectoryEntry[];
  total: number;
  page: number;
  pageCount: number;
  /** False when the user's Träger belong to no circle yet. */
  inCircle: boolean;
};

/** `%` and `_` typed by the user are matched literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One query for the page of Träger: filters in SQL (GIN-indexed array containment), the total
 * from a window function. The explicit filter on the user's circles repeats what RLS enforces,
 * so the planner can start from the user's circles (Supabase's advice: filter in the query too).
 * Exported so `npm run bench` can run the very same SQL as the user and as service_role.
 */
export function directoryPageQuery(tx: Tx, filters: DirectoryFilters) {
  let query = tx
    .selectFrom("organizations as o")
    .select([
      "o.id",
      "o.slug",
      "o.name",
      "o.kind",
      "o.city",
      "o.hilfearten",
      "o.gemeinden",
      sql<number>`(count(*) over ())::int`.as("total"),
    ])
    .where(
      sql<boolean>`o.id in (
        select nm.org_id from public.network_members nm
        where nm.status = 'active' and nm.network_id in (select private.user_network_ids()))`,
    );
  if (filters.hilfeart) query = query.where(sql<boolean>`o.hilfearten @> array[${filters.hilfeart}]::text[]`);
  if (filters.gemeinde) query = query.where(sql<boolean>`o.gemeinden @> array[${filters.gemeinde}]::text[]`);
  // One search field: full-text over name, Hilfearten, Gemeinden and Leitbild (German stemming,
  // 20261125100200_create_circle_and_traeger.sql), or a part of the name ("Kinder" finds "Kinderleicht").
  if (filters.q) {
    query = query.where(
      sql<boolean>`(o.search_vector @@ websearch_to_tsquery('pg_catalog.german'::regconfig, ${filters.q})
                    or o.name ilike ${likePattern(filters.q)})`,
    );
    return query
      .orderBy(sql`ts_rank(o.search_vector, websearch_to_tsquery('pg_catalog.german'::regconfig, ${filters.q})) desc`)
      .orderBy(sql`lower(o.name)`)
      .orderBy("o.id")
      .limit(rowLimit(DIRECTORY_PAGE_SIZE))
      .offset((filters.seite - 1) * DIRECTORY_PAGE_SIZE);
  }
  return query
    .orderBy(sql`lower(o.name)`)
    .orderBy("o.id")
    .limit(rowLimit(DIRECTORY_PAGE_SIZE))
    .offset((filters.seite - 1) * DIRECTORY_PAGE_SIZE);
}

export async function loadDirectory(user: SessionUser, filters: DirectoryFilters): Promise<Directory> {
  return asUserReadOnly(user, async (tx) => {
    const reference = await referenceLists(tx);
    // A code that names no Hilfeart or Gemeinde filters nothing (`?hilfeart=zzz` showed
    // an empty list and claimed an active filter).
    const known: DirectoryFilters = {
      ...filters,
      hilfeart: reference.hilfearten.some((h) => h.code === filters.hilfeart) ? filters.hilfeart : undefined,
      gemeinde: reference.gemeinden.some((g) => g.code === filters.gemeinde) ? filters.gemeinde : undefined,
    };
    const rows = await directoryPageQuery(tx, known).execute();
    let total = rows[0]?.total ?? 0;
    let inCircle = true;
    if (rows.length === 0) {
      // Nothing on this page: tell "no circle yet" apart from "no match" for the empty state.
      const circles = await sql<{ n: number }>`select count(*)::int as n from private.user_network_ids()`.execute(tx);
      inCircle = (circles.rows[0]?.n ?? 0) > 0;
      total = 0;
    }
    return {
      ...reference,
      filters: known,
      entries: rows.map(({ total: _total, ...entry }) => entry),
      total,
      page: filters.seite,
      pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
      inCircle,
    };
  });
}

export type ContactPerson = {
  userId: string;
  fullName: string;
  title: string | null;
  email: string;
  phone: string | null;
};

export type TraegerProfile = ReferenceLists & {
  org: { id: string; slug: string } & EditableProfile;
  contacts: ContactPerson[];
  circles: Array<{ name: string; role: "member" | "coordinator"; joinedAt: string }>;
  /** The viewer's role in this Träger, if they belong to it. */
  myRole: OrgRole | null;
};

/** A Träger's profile, or null when the user cannot see it (the page answers 404). */
export async function loadTraegerProfile(user: SessionUser, slug: string): Promise<TraegerProfile | null> {
  return asUserReadOnly(user, async (tx) => {
    const org = await tx
      .selectFrom("organizations")
      .select(["id", "slug", ...PROFILE_COLUMNS])
      .where("slug", "=", slug)
      .executeTakeFirst();
    if (!org) return null;
    // Only Ansprechpersonen, even when the viewer is a colleague who could see every member.
    const contacts = await tx
      .selectFrom("org_members as m")
      .innerJoin("profiles as p", "p.user_id", "m.user_id")
      .select(["m.user_id as userId", "p.full_name as fullName", "m.contact_title as title", "p.email", "p.phone"])
      .where("m.org_id", "=", org.id)
      .where("m.is_contact_person", "=", true)
      .orderBy("p.full_name")
      .execute();
    const circles = await tx
      .selectFrom("network_members as nm")
      .innerJoin("networks as n", "n.id", "nm.network_id")
      .select(["n.name", "nm.role", "nm.joined_at as joinedAt"])
      .where("nm.org_id", "=", org.id)
      .where("nm.status", "=", "active")
      .orderBy("n.name")
      .execute();
    const mine = await tx
      .selectFrom("org_members")
      .select("role")
      .where("org_id", "=", org.id)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    const reference = await referenceLists(tx);
    return {
      ...reference,
      org,
      contacts,
      circles: circles.map((c) => ({ ...c, joinedAt: new Date(c.joinedAt).toISOString() })),
      myRole: mine?.role ?? null,
    };
  });
}
