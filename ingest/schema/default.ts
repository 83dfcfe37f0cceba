/**
 * The default news schema (../shared/spec/news-schema.md) and the English words that signal its
 * relationship types. General English only: verbs and nouns as a dictionary would list them.
 */
import type { Schema } from './types';

const AGENT = ['Person', 'Organization', 'Location'];
const ANY = undefined;

export const DEFAULT_SCHEMA: Schema = {
  nodeTypes: [
    { name: 'Person', description: 'a named human' },
    { name: 'Organization', description: 'a company, agency, alliance, party, armed group, body' },
    { name: 'Location', description: 'a country, city, region, named place' },
    { name: 'Event', description: 'a named or clearly bounded happening' },
    { name: 'Other', description: 'anything else worth a node (a law, a product, a deal)' },
  ],
  relationTypes: [
    { name: 'ATTENDED', subject: ['Person', 'Organization', 'Location'], object: ['Event'] },
    { name: 'MET_WITH', subject: AGENT, object: AGENT, symmetric: true },
    { name: 'NEGOTIATED_WITH', subject: AGENT, object: AGENT, symmetric: true },
    { name: 'AGREED_WITH', subject: AGENT, object: AGENT, symmetric: true },
    { name: 'CONSULTED', subject: AGENT, object: AGENT },
    { name: 'STATED', subject: ['Person', 'Organization', 'Location'] },
    { name: 'SUPPORTS', subject: AGENT },
    { name: 'OPPOSES', subject: AGENT },
    { name: 'CRITICIZED', subject: AGENT, object: [...AGENT, 'Other'] },
    { name: 'ATTACKED', subject: [...AGENT, 'Event'], object: [...AGENT] },
    { name: 'CONTROLS', subject: AGENT, object: ['Location'] },
    { name: 'DEPLOYED_TO', subject: ['Organization', 'Location'], object: ['Location'] },
    { name: 'CANCELED', subject: AGENT, object: ['Event', 'Other'] },
    { name: 'ANNOUNCED', subject: AGENT, object: ['Event', 'Other'] },
    { name: 'VISITED', subject: ['Person'], object: ['Location'] },
    { name: 'LEADS', subject: ['Person'], object: ['Organization', 'Location'] },
    { name: 'HOLDS_POSITION', subject: ['Person'], object: ['Organization', 'Location'] },
    { name: 'MEMBER_OF', subject: AGENT, object: ['Organization'] },
    { name: 'LOCATED_IN', subject: ['Organization', 'Event', 'Location'], object: ['Location'] },
    { name: 'PART_OF', subject: ['Organization', 'Location', 'Event'], object: ['Organization', 'Location', 'Event'] },
    { name: 'RELATED_TO', subject: ANY, object: ANY },
  ],
  verbs: [
    { verbs: ['attend', 'join', 'host', 'address'], predicate: 'ATTENDED', object: ['Event'] },
    { verbs: ['participate', 'take part', 'speak'], via: 'in', predicate: 'ATTENDED', object: ['Event'] },
    { verbs: ['meet'], predicate: 'MET_WITH', object: AGENT },
    { verbs: ['meet', 'talk', 'hold talks'], via: 'with', predicate: 'MET_WITH', object: AGENT },
    { verbs: ['negotiate', 'bargain', 'deal'], via: 'with', predicate: 'NEGOTIATED_WITH', object: AGENT },
    { verbs: ['agree', 'sign', 'settle'], via: 'with', predicate: 'AGREED_WITH', object: AGENT },
    { verbs: ['consult', 'confer', 'coordinate'], via: 'with', predicate: 'CONSULTED', object: AGENT },
    { verbs: ['consult', 'brief', 'call'], predicate: 'CONSULTED', object: AGENT },
    { verbs: ['support', 'back', 'endorse', 'fund', 'arm', 'help', 'aid', 'welcome', 'shelter'], predicate: 'SUPPORTS' },
    { verbs: ['oppose', 'reject', 'resist', 'fight', 'sanction', 'block', 'veto', 'boycott'], predicate: 'OPPOSES' },
    { verbs: ['criticize', 'criticise', 'condemn', 'denounce', 'blame', 'accuse', 'attack verbally', 'rebuke', 'slam'], predicate: 'CRITICIZED', object: [...AGENT, 'Other'] },
    { verbs: ['attack', 'kill', 'bomb', 'strike', 'shell', 'invade', 'raid', 'assassinate', 'wound', 'injure', 'ambush', 'target', 'shoot', 'capture', 'kidnap', 'topple', 'overthrow'], predicate: 'ATTACKED' },
    { verbs: ['control', 'hold', 'occupy', 'seize', 'capture', 'govern', 'rule', 'contest'], predicate: 'CONTROLS', object: ['Location'] },
    { verbs: ['deploy', 'send', 'station', 'dispatch', 'move'], via: 'to', predicate: 'DEPLOYED_TO', object: ['Location'] },
    { verbs: ['cancel', 'call off', 'postpone', 'suspend', 'scrap', 'abandon', 'halt'], predicate: 'CANCELED', object: ['Event', 'Other'] },
    { verbs: ['announce', 'unveil', 'launch', 'propose', 'declare', 'convene', 'organize', 'organise', 'schedule'], predicate: 'ANNOUNCED', object: ['Event', 'Other'] },
    { verbs: ['visit', 'tour'], predicate: 'VISITED', object: ['Location'] },
    { verbs: ['travel', 'fly', 'arrive', 'go', 'return'], via: 'to', predicate: 'VISITED', object: ['Location'], subject: ['Person'] },
    { verbs: ['arrive'], via: 'in', predicate: 'VISITED', object: ['Location'], subject: ['Person'] },
    { verbs: ['lead', 'head', 'run', 'chair', 'command', 'direct'], predicate: 'LEADS', subject: ['Person'], object: ['Organization', 'Location'] },
    { verbs: ['join'], predicate: 'MEMBER_OF', object: ['Organization'] },
  ],
  nouns: [
    { nouns: ['killing', 'killings', 'attack', 'attacks', 'assassination', 'bombing', 'bombardment', 'invasion', 'shelling', 'murder', 'kidnapping', 'capture'], via: ['of', 'on', 'against'], predicate: 'ATTACKED' },
    { nouns: ['control', 'occupation'], via: ['of', 'over'], predicate: 'CONTROLS' },
    { nouns: ['support', 'backing', 'haven', 'aid', 'assistance', 'funding', 'shelter', 'sanctuary'], via: ['for', 'to', 'of'], predicate: 'SUPPORTS' },
    { nouns: ['antipathy', 'opposition', 'hostility', 'resistance', 'objection', 'objections', 'enmity'], via: ['toward', 'towards', 'to', 'against'], predicate: 'OPPOSES' },
    { nouns: ['criticism', 'condemnation'], via: ['of'], predicate: 'CRITICIZED' },
    { nouns: ['talks', 'negotiations'], via: ['with'], predicate: 'NEGOTIATED_WITH' },
    { nouns: ['visit', 'trip', 'tour'], via: ['to'], predicate: 'VISITED' },
  ],
  leaderTitles: [
    'president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emperor', 'leader', 'head', 'chief',
    'chief executive', 'chief executive officer', 'ceo', 'chairman', 'chairwoman', 'chair', 'chairperson',
    'secretary-general', 'secretary general', 'director-general', 'director general', 'director', 'commander',
    'governor', 'mayor', 'founder', 'emir', 'supreme leader', 'head of state', 'general secretary',
  ],
};
