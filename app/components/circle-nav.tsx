// Sub-navigation of the coordinators' pages of a circle: join requests, its Träger and coordination,
// the public page settings and the circle's Protokoll.
import { TabNav } from "~/components/ui/tab-nav";
import { paths } from "~/utils/links";

export function CircleNav({ openCount }: { openCount?: number }) {
  const count = openCount ? ` (${openCount})` : "";
  return (
    <TabNav
      label="Kreis verwalten"
      items={[
        { to: paths.joinRequests, label: `Interessensmeldungen${count}`, shortLabel: `Meldungen${count}` },
        { to: paths.circleMembers, label: "Träger & Koordination", shortLabel: "Träger" },
        { to: paths.circleSettings, label: "Öffentliche Seite" },
        { to: paths.circleAudit, label: "Protokoll" },
        { to: paths.undeliverableMails, label: "Unzustellbare E-Mails", shortLabel: "Unzustellbar" },
      ]}
    />
  );
}
