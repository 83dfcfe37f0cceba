/**
 * The English words resolution leans on: titles, the nouns that name people by their role, groups
 * that stand for their body ("Taliban militants", "NATO allies"), institutions of a country, and the
 * nouns a definite description uses to point back at a name ("the alliance", "the country").
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/** Words a title is made of; a title needs at least one CORE word. */
export const TITLE_CORE = set(`
  secretary minister president premier chancellor envoy ambassador spokesman spokeswoman spokesperson
  general secretary-general director-general director chief head chairman chairwoman chair chairperson
  governor mayor senator lawmaker congressman congresswoman representative king queen prince princess emperor
  pope ceo cfo coo commander official adviser advisor leader founder president-elect judge justice speaker
  lieutenant colonel major captain admiral marshal sheikh emir mediator negotiator executive officer
  diplomat attorney prosecutor minister-president vice-president deputy counterpart`);

export const TITLE_EXTRA = set(`
  special top senior former acting deputy vice foreign defense defence state interior finance economy trade
  health education justice home prime chief executive general foreign-affairs affairs water resources
  agriculture energy environment transport labour labor culture national security supreme military army navy
  opposition coalition party union executive managing federal regional`);

/** Nouns that name one person by role: with a country or body before them they make a role entity. */
export const ROLE_NOUNS = set(`
  soldier official commander secretary minister envoy spokesman spokeswoman spokesperson diplomat ambassador
  president general officer leader chief negotiator adviser advisor lawmaker senator governor mayor prosecutor
  judge journalist executive director chairman chairwoman mediator activist citizen contractor worker
  premier chancellor king queen prince emperor`);

/** Plural people nouns that, after a body's name, stand for the body ("Taliban militants"). */
export const GROUP_NOUNS = set(`
  militants insurgents fighters rebels leaders negotiators officials forces troops allies members delegation
  representatives diplomats authorities envoys delegates partners leadership militia militias`);

/** Heads that make a body of a country's or a group's name ("the Afghan government"). */
export const INSTITUTION_NOUNS = set(`
  government parliament army military ministry cabinet senate congress police navy embassy administration
  court legislature assembly council regime opposition`);

/** Words of company and office names, never of a person's: "Accounting Office", "Motors Corp." */
export const BUSINESS_WORDS = /^(?:inc|corp|co|cos|ltd|plc|llc|ag|sa|nv|bv|gmbh|spa|holdings?|division|office|bureau|department|bank|fund|trust|partners|associates|industries|enterprises|international|systems|technolog(?:y|ies)|supermarkets?|stores?|airlines?|airways|motors|electric|energy|resources|services|securities|capital|investments?|media|communications|telecommunications|productions|studios|foundation|institute|university|school|hospital|club|team)\.?$/;

/** Heads whose capitalised modifier names an organisation ("the al-Qaeda terrorist group"). */
export const ORG_HEADS = set(`
  group organization organisation movement militia network party alliance coalition company firm agency union
  association federation front brigade bloc commission`);

/** What a definite description "the X" may point back at. */
export const DESCRIPTION_NOUNS: ReadonlyMap<string, { type: string; country?: boolean }> = new Map<string, { type: string; country?: boolean }>([
  ...[...set(`alliance group organization organisation movement militia company firm agency coalition commission
    union party bloc insurgency network militants insurgents rebels federation association`)].map(
    (w): [string, { type: string; country?: boolean }] => [w, { type: 'Organization' }],
  ),
  ...[...set('country nation')].map((w): [string, { type: string; country?: boolean }] => [w, { type: 'Location', country: true }]),
  // a city is never a country: "the capital" does not point back at the country named before it
  ...[...set('city capital town village')].map((w): [string, { type: string; country?: boolean }] => [w, { type: 'Location', country: false }]),
  ...[...set('region province island')].map((w): [string, { type: string; country?: boolean }] => [w, { type: 'Location' }]),
]);

export const PRONOUNS: ReadonlyMap<string, 'person' | 'thing'> = new Map([
  ['he', 'person'],
  ['she', 'person'],
  ['him', 'person'],
  ['her', 'person'],
  ['his', 'person'],
  ['its', 'thing'],
  ['it', 'thing'],
]);


/** Heads of unnamed things worth a node when the text makes them specific ("a proposal for a ceasefire"). */
export const OTHER_HEADS = set(`
  proposal proposals plan bill law initiative resolution sanctions budget roadmap strategy reform program
  programme project policy framework blueprint`);

/** Event kinds whose nodes are things (a deal) rather than happenings. */
export const THING_KINDS = set('agreement');

/** A normalised title, word order and "of" aside: "Secretary of Defense" and "defense secretary" meet. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/defence/g, 'defense')
    .replace(/[^a-z\- ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== 'of' && w !== 'the' && w !== 'for' && w !== 'on')
    .sort()
    .join(' ');
}
