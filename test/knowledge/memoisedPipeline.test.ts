import { describe, expect, it } from 'vitest';
import { englishText, memoisedPipeline } from '../../src/knowledge/textProcessing.js';
import { spanishText } from '../../src/knowledge/spanishText.js';

describe('a memoised text pipeline (kb:check builds one index per alternate over the same texts)', () => {
  const texts = ['when do i get my certficate', 'a s e recert for A1 thru A8', 'cuanto cuesta el examen a cinco', 'can i undo that?'];

  it.each([
    ['English', englishText],
    ['Spanish', spanishText],
  ] as const)('answers every text as the %s pipeline does, asked once or twice', (_name, pipeline) => {
    const memoised = memoisedPipeline(pipeline);
    for (const text of [...texts, ...texts]) {
      expect(memoised.normalise(text)).toEqual(pipeline.normalise(text));
      expect(memoised.tokenize(text)).toEqual(pipeline.tokenize(text));
      expect(memoised.contentTerms(text)).toEqual(pipeline.contentTerms(text));
      for (const token of pipeline.tokenize(text)) expect(memoised.processTerm(token)).toEqual(pipeline.processTerm(token));
    }
  });

  it('hands out a copy of a kept list, so a caller changing it changes nothing kept', () => {
    const memoised = memoisedPipeline(englishText);
    memoised.tokenize('when do i get my results').push('extra');
    expect(memoised.tokenize('when do i get my results')).toEqual(englishText.tokenize('when do i get my results'));
  });
});
