import assert from 'node:assert/strict';
import { loadNlp } from '../../ingest/nlp';
import { nameEnd } from '../../ingest/nlp/name-spans';

/** "word/TAG word/TAG ...": the recogniser's whole span, with the tagger's tags. */
function cut(tagged: string): string {
  const pairs = tagged.split(' ').map((p) => p.split('/') as [string, string]);
  const words = pairs.map((p) => p[0]);
  const end = nameEnd(words, (i) => pairs[i]![1], 0, words.length);
  return words.slice(0, end).join(' ');
}

describe('where a recognised name ends', () => {
  const cases: [string, string][] = [
    // run on into the words after the name
    ['Greystone/NNP Dam/NNP between/IN June/NNP', 'Greystone Dam'],
    ['Northgate/NNP Review/NNP that/IN Veldora/NNP', 'Northgate Review'],
    ['Renaissance/NNP Capital/NNP in/IN Moscow/NNP', 'Renaissance Capital'],
    ['Harbour/NNP Bank/NNP may/MD still/RB think/VB', 'Harbour Bank'],
    ['Lena/NNP Ostrova/NNP has/VBZ been/VBN', 'Lena Ostrova'],
    ['Coastal/NNP Airways/NNPS last/JJ year/NN', 'Coastal Airways'],
    ['Marta/NNP Velk/NNP ,/, head/NN of/IN', 'Marta Velk'],
    // marks no name holds
    ['Northgate/NNP Review/NNP |/SYM Thursday/NNP', 'Northgate Review'],
    ['Harbour/NNP Bank/NNP ;/: Lena/NNP', 'Harbour Bank'],
    // a preposition and a date end it, even "on", which names hold
    ['Northgate/NNP Review/NNP on/IN Thursday/NNP', 'Northgate Review'],
    ['Delta/NNP Council/NNP in/IN March/NNP', 'Delta Council'],
    // joiners left hanging at the end go
    ['Minsk/NNP Group/NNP of/IN', 'Minsk Group'],
    ['Dini/NNP of/IN the/DT', 'Dini'],
    ['Texas/NNP Open/NNP and/CC', 'Texas Open'],
    // lower-case words that names hold stay
    ['Bank/NNP of/IN England/NNP', 'Bank of England'],
    ['Council/NNP on/IN Foreign/NNP Relations/NNPS', 'Council on Foreign Relations'],
    ['Food/NNP and/CC Agriculture/NNP Organisation/NNP', 'Food and Agriculture Organisation'],
    ['Vasco/NNP da/NNP Gama/NNP', 'Vasco da Gama'],
    ['Jeroen/NNP van/NNP der/NNP Veer/NNP', 'Jeroen van der Veer'],
    ['Moody/NNP \'s/POS Investors/NNPS Service/NNP', "Moody 's Investors Service"],
    ['Frankfurt/NNP am/NNP Main/NNP', 'Frankfurt am Main'],
    ['Boys/NNP Do/NNP n\'t/RB Cry/NNP', "Boys Do n't Cry"],
    ['Organisation/NNP for/IN Security/NNP and/CC Cooperation/NNP in/IN Europe/NNP', 'Organisation for Security and Cooperation in Europe'],
    // nouns and adjectives in lower case can belong to a name
    ['BBC/NNP radio/NN', 'BBC radio'],
    ['Palestinian/JJ self-rule/JJ Authority/NNP', 'Palestinian self-rule Authority'],
    ['al-Aqsa/NNP Martyrs/NNPS Brigades/NNPS', 'al-Aqsa Martyrs Brigades'],
    ['eBay/NNP Motors/NNPS', 'eBay Motors'],
  ];
  for (const [tagged, expected] of cases) {
    it(`${JSON.stringify(tagged.replace(/\/[A-Z$]+/g, ''))} -> ${JSON.stringify(expected)}`, () => assert.equal(cut(tagged), expected));
  }

  it('keeps at least the first word', () => assert.equal(cut('Reuters/NNP said/VBD'), 'Reuters'));

  it('gives names that stop before clause words and dates, in real analysis', () => {
    const nlp = loadNlp();
    const text =
      'Engineers told the Northgate Review that Veldora supports the plan. The flow past the Greystone Dam between June and ' +
      'September stays low. An article published by the Northgate Review on Thursday described the talks.';
    const names = nlp.analyse(text).mentions.map((m) => m.text);
    for (const name of names) assert.doesNotMatch(name, /\b(?:that|between|on Thursday)\b/, `mention "${name}" runs on past its name`);
    assert.ok(names.includes('Northgate Review'), `names: ${names.join(', ')}`);
    assert.ok(names.some((n) => n.startsWith('Greystone')), `names: ${names.join(', ')}`);
  });
});
