// A strict reader for the .ics files the app writes, used by tests to prove what a calendar
// program would see: physical lines (CRLF only, ≤ 75 octets), unfolding, parameters (quoted,
// RFC 6868) and TEXT unescaping. It is deliberately independent of the writer.
export type IcsProperty = {
  name: string;
  params: Record<string, string>;
  value: string;
  raw: string;
};
export type IcsComponent = {
  type: string;
  properties: IcsProperty[];
  components: IcsComponent[];
};

export function physicalLines(text: string): string[] {
  if (!text.endsWith("\r\n")) throw new Error("ics: must end with CRLF");
  const body = text.slice(0, -2);
  if (/\r(?!\n)|(?<!\r)\n/.test(body)) throw new Error("ics: bare CR or LF");
  const lines = body.split("\r\n");
  for (const line of lines) {
    if (new TextEncoder().encode(line).length > 75)
      throw new Error(`ics: line over 75 octets: ${line}`);
  }
  return lines;
}

function parseLine(raw: string): IcsProperty {
  let i = 0;
  const readName = () => {
    const start = i;
    while (i < raw.length && /[A-Za-z0-9-]/.test(raw[i]!)) i++;
    return raw.slice(start, i).toUpperCase();
  };
  const name = readName();
  if (!name) throw new Error(`ics: no property name in ${raw}`);
  const params: Record<string, string> = {};
  while (raw[i] === ";") {
    i++;
    const key = readName();
    if (raw[i] !== "=") throw new Error(`ics: bad parameter in ${raw}`);
    i++;
    let value = "";
    if (raw[i] === '"') {
      const end = raw.indexOf('"', i + 1);
      if (end === -1) throw new Error(`ics: unterminated quote in ${raw}`);
      value = raw.slice(i + 1, end);
      i = end + 1;
    } else {
      const start = i;
      while (i < raw.length && !";:,".includes(raw[i]!) && raw[i] !== '"') i++;
      value = raw.slice(start, i);
    }
    params[key] = value.replace(/\^(\^|'|n)/g, (_, c: string) =>
      c === "^" ? "^" : c === "'" ? '"' : "\n",
    );
  }
  if (raw[i] !== ":") throw new Error(`ics: expected ':' in ${raw}`);
  return { name, params, value: raw.slice(i + 1), raw };
}

export function parseIcs(text: string): IcsComponent {
  const logical = physicalLines(text).reduce<string[]>((acc, line) => {
    if (line.startsWith(" ") || line.startsWith("\t"))
      acc[acc.length - 1] += line.slice(1);
    else acc.push(line);
    return acc;
  }, []);
  const stack: IcsComponent[] = [];
  let root: IcsComponent | null = null;
  for (const raw of logical) {
    const property = parseLine(raw);
    if (property.name === "BEGIN") {
      const component: IcsComponent = {
        type: property.value,
        properties: [],
        components: [],
      };
      if (stack.length) stack.at(-1)!.components.push(component);
      else if (root) throw new Error("ics: two top-level components");
      else root = component;
      stack.push(component);
    } else if (property.name === "END") {
      const open = stack.pop();
      if (!open || open.type !== property.value)
        throw new Error(
          `ics: END:${property.value} does not close ${open?.type}`,
        );
    } else {
      if (!stack.length) throw new Error("ics: property outside a component");
      stack.at(-1)!.properties.push(property);
    }
  }
  if (!root || stack.length) throw new Error("ics: unbalanced components");
  return root;
}

/** TEXT value → the string a calendar program shows. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) =>
    c === "n" || c === "N" ? "\n" : c,
  );
}

export function prop(
  component: IcsComponent,
  name: string,
): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name);
}

export function props(component: IcsComponent, name: string): IcsProperty[] {
  return component.properties.filter((p) => p.name === name);
}

export function events(calendar: IcsComponent): IcsComponent[] {
  return calendar.components.filter((c) => c.type === "VEVENT");
}
