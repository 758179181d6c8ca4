// /vertretungen/bilanz.csv — the ledger of one of the person's Träger for settlement: one line per
// cover and month, written by the app's CSV module (app/.server/csv.ts), German headers and decimal commas. Same
// parameters as the page (?traeger=slug&jahr=2026); RLS returns only the two Träger's own rows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth/session";
import { csvResponse } from "~/.server/csv";
import { ledgerCsv, ledgerMonthsByOffer, loadCoverLedger } from "~/.server/cover/ledger";
import { invariantResponse } from "~/utils/invariant";
import { parseCoverLedgerFilters } from "~/validation/cover";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseCoverLedgerFilters(new URL(request.url).searchParams);
  const ledger = await loadCoverLedger(user, filters);
  invariantResponse(ledger?.org, "Nicht gefunden");
  const months = await ledgerMonthsByOffer(user, ledger.org.orgId, ledger.year);
  const name = `bilanz-vertretungen-${ledger.org.slug}${ledger.year ? `-${ledger.year}` : ""}.csv`;
  return csvResponse({ filename: name, body: ledgerCsv(ledger, months) });
}
