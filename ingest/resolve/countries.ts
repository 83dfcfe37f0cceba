/**
 * Countries: the variants one country goes by ("U.S.", "US", "United States", "America") and the
 * adjectives of nationality that name it as an agent ("American", "Veldoran"). Regular adjectives are
 * derived from the name by the English suffix rules; the table holds only the irregular and the
 * multi-name cases. The list of country names comes from the NLP model's gazetteer when present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseName } from './normalise';

/** canonical name | other names | adjectives that do not follow the suffix rules */
const TABLE = `
United States|U.S.,US,U.S.A.,USA,America,United States of America,the States|American
United Kingdom|U.K.,UK,Britain,Great Britain|British
United Arab Emirates|UAE,U.A.E.,Emirates|Emirati
Russia|Russian Federation|
China|People's Republic of China,PRC|Chinese
South Korea|Republic of Korea,S. Korea|South Korean
North Korea|DPRK|North Korean
Netherlands|Holland,the Netherlands|Dutch
Czech Republic|Czechia|Czech
Democratic Republic of Congo|DRC,DR Congo|Congolese
Saudi Arabia|Saudi|Saudi
Philippines|the Philippines|Filipino,Philippine
France||French
Germany||German
Switzerland||Swiss
Greece||Greek
Turkey|Turkiye|Turkish
Spain||Spanish
Sweden||Swedish
Denmark||Danish
Poland||Polish
Finland||Finnish
Ireland||Irish
Scotland||Scottish
Wales||Welsh
England||English
Portugal||Portuguese
Thailand||Thai
Hungary||Hungarian
Argentina||Argentine,Argentinian
Cyprus||Cypriot
Serbia||Serb,Serbian
Croatia||Croat,Croatian
Bosnia and Herzegovina|Bosnia|Bosnian
Israel||Israeli
Pakistan||Pakistani
Bangladesh||Bangladeshi
Yemen||Yemeni
New Zealand||New Zealander
Afghanistan||Afghan
Lebanon||Lebanese
Vatican|Holy See|
Ivory Coast|Cote d'Ivoire|Ivorian
Iceland||Icelandic
Madagascar||Malagasy
`;

export interface Country {
  name: string;
  /** normalised: every name and adjective */
  forms: string[];
}

export class Countries {
  private readonly byForm = new Map<string, Country>();

  constructor(names: Iterable<string>) {
    for (const line of TABLE.trim().split('\n')) {
      const [name, others, adjectives] = line.split('|') as [string, string, string];
      this.add(name, [...split(others), ...split(adjectives)]);
    }
    for (const name of names) if (!this.byForm.has(normaliseName(name))) this.add(name, []);
  }

  /** The country a name or a variant names: "US", "the U.S.", "America" -> United States. */
  byName(text: string): Country | undefined {
    return this.byForm.get(normaliseName(text));
  }

  /** The country an adjective of nationality names: "American", "Iraqi", "Afghan". */
  byAdjective(word: string): Country | undefined {
    const hit = this.byForm.get(normaliseName(word));
    if (hit !== undefined) return hit;
    for (const name of nameCandidates(word)) {
      const country = this.byForm.get(normaliseName(name));
      if (country !== undefined) return country;
    }
    return undefined;
  }

  private add(name: string, forms: string[]): void {
    const country: Country = { name, forms: [] };
    for (const form of [name, ...forms]) {
      const key = normaliseName(form);
      if (key === '' || this.byForm.has(key)) continue;
      country.forms.push(key);
      this.byForm.set(key, country);
    }
  }
}

function split(list: string): string[] {
  return list === '' ? [] : list.split(',');
}

const RULES: Array<[RegExp, string]> = [
  [/istan$/, ''], // Afghanistan -> Afghan, Uzbekistan -> Uzbek
  [/ia$/, 'ian'], // Tarvia -> Tarvian
  [/a$/, 'an'], // Veldora -> Veldoran, Kenya -> Kenyan
  [/a$/, 'ese'], // China -> Chinese
  [/y$/, 'ian'], // Italy -> Italian
  [/e$/, 'ian'], // Ukraine -> Ukrainian
  [/o$/, 'an'], // Mexico -> Mexican
  [/ium$/, 'ian'], // Belgium -> Belgian
  [/on$/, 'ese'], // Lebanon -> Lebanese
  [/$/, 'i'], // Iraq -> Iraqi
  [/$/, 'ian'], // Iran -> Iranian
  [/$/, 'an'], // Chile -> Chilean
  [/$/, 'ese'], // Japan -> Japanese
  [/$/, 'n'], // Russia -> Russian
];

/** The nationality adjectives English would form from a place name. */
export function adjectivesOf(name: string): string[] {
  if (/\s/.test(name)) return [];
  const out = new Set<string>();
  for (const [pattern, suffix] of RULES) if (pattern.test(name)) out.add(name.replace(pattern, suffix));
  out.delete(name);
  return [...out];
}

/** The place names an adjective could come from, the rules run backwards: "Veldoran" -> "Veldora", ... */
export function nameCandidates(adjective: string): string[] {
  const out = new Set<string>();
  for (const [pattern, suffix] of RULES) {
    if (suffix === '' ) {
      out.add(`${adjective}istan`);
      continue;
    }
    if (!adjective.endsWith(suffix)) continue;
    const stem = adjective.slice(0, adjective.length - suffix.length);
    const restored = pattern.source.replace(/\$$/, '');
    if (stem.length >= 2) out.add(stem + restored);
  }
  return [...out];
}

let shared: Countries | undefined;

/** The countries of the NLP model's gazetteer (models/gazetteers/loc-countries.txt) plus the table. */
export function defaultCountries(): Countries {
  if (shared === undefined) {
    let names: string[] = [];
    for (const up of ['../..', '../../..']) {
      const file = join(__dirname, up, 'models', 'gazetteers', 'loc-countries.txt');
      if (existsSync(file)) {
        names = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
        break;
      }
    }
    shared = new Countries(names);
  }
  return shared;
}
