// The fixed list of Fachkraft qualifications of the staff list (qualification gate, § 72 SGB VIII;
// the same keys as the check of public.staff_members.qualification). Shared by the server and
// the staff page's form, so it lives outside app/.server.
export const QUALIFICATIONS = {
  sozialarbeit: "Sozialarbeiter:in (B.A./Diplom)",
  sozialpaedagogik: "Sozialpädagog:in (B.A./Diplom)",
  erziehung: "Erzieher:in",
  heilpaedagogik: "Heilpädagog:in",
  kindheitspaedagogik: "Kindheitspädagog:in",
  psychologie: "Psycholog:in",
  andere: "andere Fachkraft (bitte beschreiben)",
} as const;
