// "Rückmeldungen": the count line, the person's own answer, the answers per Träger (a line each
// on phones, a table on wider screens) and the names the reader may see.
import { Card } from "~/components/ui/layout";
import { RSVP_LABELS, rsvpLine } from "~/i18n/meetings";
import { RsvpForm } from "./forms";
import type { Meeting } from "./route";

export function ResponsesSection({ meeting: m, canAnswer }: { meeting: Meeting; canAnswer: boolean }) {
  const orgsComing = m.summary.filter((s) => s.zusagen > 0 && !s.isGuest).length;
  return (
    <section aria-labelledby="rueckmeldungen" className="space-y-3">
      <h2 id="rueckmeldungen" className="text-lg font-semibold text-slate-900">
        Rückmeldungen
      </h2>
      <p className="font-medium text-slate-900" data-testid="rsvp-line">
        {rsvpLine(m, orgsComing)}
        {m.capacity ? ` · ${m.capacity} Plätze` : ""}
      </p>
      {canAnswer ? (
        <Card>
          <RsvpForm />
        </Card>
      ) : null}
      {m.summary.length > 0 ? (
        <>
          {/* Phones: one line per Träger; wider screens: the table. */}
          <ul className="space-y-1 text-sm sm:hidden" aria-label="Rückmeldungen nach Träger">
            {m.summary.map((s) => (
              <li key={`${s.orgName}-${s.isGuest}`} className="border-b border-slate-100 py-1">
                <span className="font-medium">
                  {s.orgName}
                  {s.isGuest ? " (Gast)" : ""}
                </span>
                : {s.zusagen} {s.zusagen === 1 ? "Zusage" : "Zusagen"} · {s.vielleicht} vielleicht · {s.absagen} {s.absagen === 1 ? "Absage" : "Absagen"}
                {s.delegateName ? ` · Delegierte:r: ${s.delegateName}` : ""}
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto sm:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Rückmeldungen nach Träger</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-2">
                    Träger
                  </th>
                  {["Zusagen", "Vielleicht", "Absagen"].map((heading) => (
                    <th key={heading} scope="col" className="px-2 py-2">
                      {heading}
                    </th>
                  ))}
                  <th scope="col" className="py-2 pl-2">
                    Delegierte:r
                  </th>
                </tr>
              </thead>
              <tbody>
                {m.summary.map((s) => (
                  <tr key={`${s.orgName}-${s.isGuest}`} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-2 font-medium">
                      {s.orgName}
                      {s.isGuest ? " (Gast)" : ""}
                    </th>
                    <td className="px-2 py-2">{s.zusagen}</td>
                    <td className="px-2 py-2">{s.vielleicht}</td>
                    <td className="px-2 py-2">{s.absagen}</td>
                    <td className="py-2 pl-2">{s.delegateName ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {m.names.length > 0 ? (
        <details className="rounded-lg border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">{m.isHost ? "Namen (nur für die Gastgeber sichtbar)" : "Namen aus Ihrem Träger"}</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {m.names.map((n) => (
              <li key={n.userId}>
                {n.fullName ?? "—"} ({n.orgName}): {RSVP_LABELS[n.answer]}
                {n.comment ? ` – „${n.comment}“` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
