/**
 * The extraction pipeline as a table of named stages. Each declares what it needs from the article's
 * state and what it adds; `checkPipeline` refuses an order in which a stage would run before what it
 * needs, before any article is read. Stages are thin wrappers over pure functions of their folders and
 * never import each other; only this table knows them all.
 */
import { StageError } from '../../src/errors';
import type { Nlp } from '../nlp';
import { findCandidates, resolveLocal, type Countries } from '../resolve';
import { findRelations } from '../relations';
import type { ArticleState } from './types';

export interface StageContext {
  nlp: Nlp;
  countries: Countries;
}

type Field = Exclude<keyof ArticleState, 'schema'>;

export interface Stage {
  name: string;
  /** what it is for, in one line */
  does: string;
  needs: Field[];
  adds: Field[];
  /** 'source' stages run in the reader, 'batch' over all articles together; the rest per article */
  scope: 'source' | 'article' | 'batch';
  run?: (state: ArticleState, context: StageContext) => void;
}

export const STAGES: readonly Stage[] = [
  { name: 'read', does: 'read files, folders, JSON and JSON Lines into articles', needs: [], adds: ['article'], scope: 'source' },
  { name: 'clean', does: 'take boilerplate off the story and find its metadata', needs: ['article'], adds: [], scope: 'source' },
  {
    name: 'segment',
    does: 'sentences, tokens, part of speech, names, events, dates (the NLP layer)',
    needs: ['article'],
    adds: ['analysis'],
    scope: 'article',
    run(state, { nlp }) {
      state.analysis = nlp.analyse(state.article.text, state.article.published !== undefined ? { published: state.article.published } : {});
    },
  },
  {
    name: 'entities',
    does: 'spans that name or point at an entity: names, roles, descriptions, pronouns',
    needs: ['analysis'],
    adds: ['candidates'],
    scope: 'article',
    run(state, { countries }) {
      state.candidates = findCandidates(state.analysis!, countries);
    },
  },
  {
    name: 'resolve',
    does: 'one entity per thing within the article, with every surface form',
    needs: ['candidates'],
    adds: ['entities', 'refs', 'entityOf'],
    scope: 'article',
    run(state) {
      const resolved = resolveLocal(state.candidates!);
      state.entities = resolved.entities;
      state.refs = resolved.refs;
      state.entityOf = resolved.entityOf;
    },
  },
  {
    name: 'relations',
    does: 'typed facts between the entities, with the sentence they come from',
    needs: ['analysis', 'entities', 'refs', 'candidates', 'entityOf'],
    adds: ['relations'],
    scope: 'article',
    run(state) {
      state.relations = findRelations({
        analysis: state.analysis!,
        entities: state.entities!,
        refs: state.refs!,
        candidates: state.candidates!,
        entityOf: state.entityOf!,
        schema: state.schema,
      });
    },
  },
  { name: 'graph', does: 'one node per thing across all articles; one relation per fact, its evidence joined', needs: ['entities', 'relations'], adds: [], scope: 'batch' },
];

export const DEFAULT_PIPELINE: readonly string[] = STAGES.map((s) => s.name);

/** The stages of a pipeline, checked: known names, each stage's needs added by a stage before it. */
export function checkPipeline(names: readonly string[] = DEFAULT_PIPELINE): Stage[] {
  const byName = new Map(STAGES.map((s) => [s.name, s]));
  const have = new Set<string>();
  const stages: Stage[] = [];
  for (const name of names) {
    const stage = byName.get(name);
    if (stage === undefined) throw new StageError(name, 'pipeline', `no stage is called "${name}"; the stages are ${[...byName.keys()].join(', ')}`);
    const missing = stage.needs.filter((n) => !have.has(n));
    if (missing.length > 0) throw new StageError(name, 'pipeline', `needs ${missing.join(', ')}, which no stage before it adds`);
    for (const a of stage.adds) have.add(a);
    stages.push(stage);
  }
  return stages;
}

/** Run the per-article stages of a checked pipeline on one article's state. */
export function runArticleStages(stages: readonly Stage[], state: ArticleState, context: StageContext): void {
  for (const stage of stages) {
    if (stage.scope !== 'article' || stage.run === undefined) continue;
    try {
      stage.run(state, context);
    } catch (error) {
      if (error instanceof StageError) throw error;
      throw new StageError(stage.name, state.article.file, (error as Error).message, { cause: error });
    }
  }
}
