// What the forms of the members page share: the loader's row types, the roles a person may give.
import { useLoaderData } from "@remix-run/react";
import type { OrgRole } from "~/.server/db/schema";
import { ORG_ROLES, ROLE_LABELS } from "~/i18n/labels";
import type { loader } from "./route";

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
export type Member = LoaderData["members"][number];
export type Invitation = LoaderData["invitations"][number];

/** The constraints of the forms with fields (computed by the loader, see lazy-validation.ts). */
export function useConstraints() {
  return useLoaderData<typeof loader>().constraints;
}

export function roleOptions(viewerRole: OrgRole) {
  return ORG_ROLES.filter((r) => r !== "owner" || viewerRole === "owner").map((r) => ({ value: r, label: ROLE_LABELS[r] }));
}
