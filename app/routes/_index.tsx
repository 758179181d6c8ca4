import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { myMemberships } from "~/.server/orgs/access";
import { PageHeader } from "~/components/ui/layout";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { memberships: await myMemberships(user), name: user.fullName };
}

export default function Dashboard() {
  const { memberships, name } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={`Hallo, ${name}`} />
      <ul>
        {memberships.map((m) => (
          <li key={m.orgId}>{m.name}</li>
        ))}
      </ul>
    </div>
  );
}
