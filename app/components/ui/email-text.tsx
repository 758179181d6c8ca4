// An email address that may wrap on a narrow screen only at its natural joints (after "@", before
// a "."), never in the middle of a word (the public page broke "koordina-tion@…").
import { Fragment } from "react";

export function EmailText({ email }: { email: string }) {
  const parts = email.split(/(?<=@)|(?=\.)/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
