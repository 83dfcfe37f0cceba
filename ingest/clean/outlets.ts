/**
 * The names news agencies and outlets go by, so that "Deutsche Presse-Agentur GmbH" in a footer,
 * "(dpa)" in a dateline and `source: "dpa"` in metadata all give one source. Data, not code:
 * add an outlet by adding a row. Outlets not listed keep the name as written, minus legal suffixes.
 */
export const OUTLET_ALIASES: ReadonlyArray<{ name: string; aliases: readonly string[] }> = [
  { name: 'dpa', aliases: ['dpa', 'Deutsche Presse-Agentur', 'Deutsche Presse Agentur', 'dpa-AFX'] },
  { name: 'Reuters', aliases: ['Reuters', 'Reuter', 'Thomson Reuters', 'Reuters News'] },
  { name: 'AP', aliases: ['AP', 'Associated Press', 'The Associated Press'] },
  { name: 'AFP', aliases: ['AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { name: 'Bloomberg', aliases: ['Bloomberg', 'Bloomberg News', 'Bloomberg L.P.'] },
  { name: 'Xinhua', aliases: ['Xinhua', 'Xinhua News Agency'] },
  { name: 'UPI', aliases: ['UPI', 'United Press International'] },
  { name: 'ANSA', aliases: ['ANSA', 'Agenzia Nazionale Stampa Associata'] },
  { name: 'EFE', aliases: ['EFE', 'Agencia EFE'] },
  { name: 'Kyodo', aliases: ['Kyodo', 'Kyodo News'] },
  { name: 'TASS', aliases: ['TASS', 'ITAR-TASS'] },
  { name: 'PA', aliases: ['PA', 'Press Association', 'PA Media'] },
  { name: 'BBC', aliases: ['BBC', 'BBC News', 'British Broadcasting Corporation'] },
  { name: 'CNN', aliases: ['CNN', 'Cable News Network'] },
  { name: 'The New York Times', aliases: ['The New York Times', 'New York Times', 'NYT'] },
  { name: 'The Washington Post', aliases: ['The Washington Post', 'Washington Post'] },
  { name: 'The Guardian', aliases: ['The Guardian', 'Guardian'] },
  { name: 'Al Jazeera', aliases: ['Al Jazeera', 'Al Jazeera English'] },
  { name: 'Tribune News Service', aliases: ['Tribune News Service', 'TNS', 'Tribune Content Agency'] },
];

const LEGAL_SUFFIX = /[,\s]+(GmbH|AG|L\.?\s?P\.?|LLC|Inc\.?|Ltd\.?|Limited|plc|PLC|S\.A\.|SA|Co\.|Corp\.?|Group)$/;

const byAlias = new Map<string, string>();
for (const outlet of OUTLET_ALIASES) {
  for (const alias of outlet.aliases) byAlias.set(key(alias), outlet.name);
}

/** The outlet's usual name for a name as found ("Deutsche Presse-Agentur GmbH" -> "dpa"). */
export function canonicalOutlet(found: string): string | undefined {
  let name = found.replace(/\s+/g, ' ').trim();
  // "Deutsche Presse-Agentur GmbH (Hamburg, Germany)": the seat in brackets is not the name
  name = name.replace(/\s*\([^)]*\)\s*$/, '');
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(LEGAL_SUFFIX, '').trim();
  }
  if (name.length < 2 || name.length > 80) return undefined;
  return byAlias.get(key(name)) ?? byAlias.get(key(found)) ?? name;
}

/** Whether a name is one of the listed outlets (used where a bare word could be anything). */
export function isKnownOutlet(name: string): boolean {
  return byAlias.has(key(name));
}

function key(name: string): string {
  return name.toLowerCase().replace(/[\s.-]+/g, ' ').trim();
}
