import { analyse, isStopword, tokenize } from '../index';

describe('text analysis', () => {
  it('stems inflected Finnish, Swedish and English words to one form each', () => {
    expect(analyse('työttömyysturvaa', 'fi')).toBe(analyse('työttömyysturva', 'fi'));
    expect(analyse('bostaden', 'sv')).toBe('bostad');
    expect(analyse('benefits', 'en')).toBe(analyse('benefit', 'en'));
  });

  it('drops stop words and single letters, in the language given', () => {
    expect(analyse('ja', 'fi')).toBeNull();
    expect(analyse('och', 'sv')).toBeNull();
    expect(analyse('the', 'en')).toBeNull();
    expect(analyse('x', 'en')).toBeNull();
    expect(isStopword('och', 'sv')).toBe(true);
    expect(isStopword('och', 'fi')).toBe(false);
  });

  it('splits text on spaces and punctuation', () => {
    expect(tokenize('Velkaneuvonta, talous-ja velka!')).toEqual(['Velkaneuvonta', 'talous', 'ja', 'velka']);
  });
});
