// The dashboard's "Nächste Fortbildungen": the next published trainings of the user's circles,
// with free seats and the user's own registration.
import { Link } from "~/components/link";
import type { UpcomingTraining } from "~/.server/trainings/list";
import { Badge } from "~/components/ui/layout";
import { paths } from "~/utils/links";
import { SeatBadges, datesText, registrationStateText, registrationTone, whereText } from "./parts";

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export function NextTrainings({ trainings }: { trainings: UpcomingTraining[] }) {
  return (
    <section aria-labelledby="naechste-fortbildungen">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id="naechste-fortbildungen" className="text-lg font-semibold text-slate-900">
          Nächste Fortbildungen
        </h2>
        <Link to={paths.trainings} className={`${linkClass} text-sm`}>
          Alle anzeigen
        </Link>
      </div>
      {trainings.length === 0 ? (
        <p className="text-sm text-slate-600">Zurzeit ist im Kreis keine Fortbildung geplant.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {trainings.map((t) => (
            <li key={t.id} className="p-4">
              <p className="text-sm text-slate-600">{datesText(t.startsAt, t.endsAt, t.sessionCount)}</p>
              <Link to={paths.training(t.id)} className={`${linkClass} inline-flex min-h-11 items-center`}>
                {t.title}
              </Link>
              <p className="text-sm text-slate-600">
                {whereText(t)} · {t.orgName}
              </p>
              <div className="mt-2 flex flex-wrap gap-1.5">
                {t.mine ? <Badge tone={registrationTone(t.mine.status)}>Sie: {registrationStateText(t.mine)}</Badge> : null}
                <SeatBadges capacity={t.capacity} seatsTaken={t.seatsTaken} waitlistCount={t.waitlistCount} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
