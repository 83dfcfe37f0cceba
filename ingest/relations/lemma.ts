/** Verb forms reduced to a dictionary form, enough to match the schema's verb lists. */

const IRREGULAR: Record<string, string> = {
  met: 'meet', held: 'hold', led: 'lead', said: 'say', says: 'say', told: 'tell', sent: 'send', fought: 'fight',
  took: 'take', taken: 'take', gave: 'give', given: 'give', was: 'be', were: 'be', is: 'be', are: 'be', been: 'be',
  am: 'be', has: 'have', had: 'have', went: 'go', gone: 'go', flew: 'fly', flown: 'fly', struck: 'strike',
  shot: 'shoot', won: 'win', ran: 'run', began: 'begin', begun: 'begin', sought: 'seek', brought: 'bring',
  came: 'come', made: 'make', spoke: 'speak', spoken: 'speak', wrote: 'write', written: 'write', chose: 'choose',
  kept: 'keep', left: 'leave', paid: 'pay', rose: 'rise', saw: 'see', seen: 'see', thought: 'think', hit: 'hit',
  put: 'put', set: 'set', cut: 'cut', quit: 'quit', bought: 'buy', caught: 'catch', felt: 'feel', found: 'find',
  knew: 'know', known: 'know', lost: 'lose', meant: 'mean', stood: 'stand', understood: 'understand', did: 'do',
  done: 'do', does: 'do', drove: 'drive', driven: 'drive', fell: 'fall', fallen: 'fall', forbade: 'forbid',
  withdrew: 'withdraw', withdrawn: 'withdraw', overthrew: 'overthrow', overthrown: 'overthrow', undertook: 'undertake',
};

/** The forms a word could be the inflection of, most likely first. */
export function lemmas(word: string): string[] {
  const w = word.toLowerCase().replace(/’/g, "'");
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return [irregular];
  const out = [w];
  const push = (s: string): void => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  if (w.endsWith('ies')) push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) push(w.slice(0, -2));
  if (w.endsWith('s')) push(w.slice(0, -1));
  if (w.endsWith('ied')) push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    push(stem);
    push(`${stem}e`);
    push(w.slice(0, -1));
    if (/(.)\1$/.test(stem)) push(stem.slice(0, -1));
  }
  if (w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    push(stem);
    push(`${stem}e`);
    if (/(.)\1$/.test(stem)) push(stem.slice(0, -1));
  }
  return out;
}
