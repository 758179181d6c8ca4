// The fixed lists Träger profiles pick from (Hilfearten after SGB VIII, Gemeinden), as the circle's
// pages show them: the directory's filters, the short "§ 31" on cards, labels on profiles.
import type { Tx } from "../db/request";

export type Hilfeart = { code: string; paragraph: string; label: string };
export type Gemeinde = { code: string; name: string; kreis: string };
export type ReferenceLists = { hilfearten: Hilfeart[]; gemeinden: Gemeinde[] };

export async function referenceLists(tx: Tx): Promise<ReferenceLists> {
  const hilfearten = await tx
    .selectFrom("hilfearten")
    .select(["code", "paragraph", "label"])
    .orderBy("sort_order")
    .execute();
  const gemeinden = await tx.selectFrom("gemeinden").select(["code", "name", "kreis"]).orderBy("sort_order").execute();
  return { hilfearten, gemeinden };
}

/** The Gemeinden for a form's select (by sort order, then name). */
export async function gemeindeOptions(tx: Tx): Promise<Gemeinde[]> {
  return tx.selectFrom("gemeinden").select(["code", "name", "kreis"]).orderBy("sort_order").orderBy("name").execute();
}

/** Codes in the order of the reference list, unknown codes dropped. */
export function pick<T extends { code: string }>(list: T[], codes: readonly string[]): T[] {
  const wanted = new Set(codes);
  return list.filter((item) => wanted.has(item.code));
}
