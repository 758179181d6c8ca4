// SQL fragments every source shares: which circles and which Träger a calendar covers. A person's
// calendar covers the circles of all their Träger; a Träger feed only that Träger's circles, even
// when its creator belongs to another Träger too. Row-level security still applies on top.
import { sql, type RawBuilder } from "kysely";
import type { CalendarScope } from "../entries";

/**
 * `network_id = any (array(…))`: the circles the calendar covers, read once per statement. As
 * `in (select …)` the planner joined the circles in and could start from them: every training of
 * the circle read to find the person's handful (decision 019, "Eighth sitting").
 */
export function circlesOf(scope: CalendarScope, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return scope.kind === "person"
    ? sql`${column} = any (array(select nm.network_id from public.network_members nm
                        join public.org_members m on m.org_id = nm.org_id
                        where m.user_id = ${scope.userId} and nm.status = 'active'))`
    : sql`${column} = any (array(select nm.network_id from public.network_members nm
                        where nm.org_id = ${scope.orgId} and nm.status = 'active'))`;
}

/** `org_id = any (array(…))`: the Träger the calendar speaks for, read once per statement (as
 *  `in (select …)` the cover ledger's statement looked the person's memberships up again for each
 *  cover given: decision 019, "Ninth sitting, branch kalender"). */
export function ownTraeger(scope: CalendarScope, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return scope.kind === "person"
    ? sql`${column} = any (array(select m.org_id from public.org_members m where m.user_id = ${scope.userId}))`
    : sql`${column} = ${scope.orgId}`;
}

/** The person whose own answers count, or null for a Träger feed (no personal registrations). */
export function personOf(scope: CalendarScope): string | null {
  return scope.kind === "person" ? scope.userId : null;
}
