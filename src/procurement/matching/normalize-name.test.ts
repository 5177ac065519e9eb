import { describe, expect, it } from 'vitest';
import { normalizeName } from './normalize-name.js';

const texts = (name: string): string[] => normalizeName(name).tokens.map((token) => token.text);
const forms = (name: string): string[] => normalizeName(name).legalForms.map((form) => form.code);

describe('normalizeName', () => {
  it('folds case, accents and punctuation', () => {
    expect(texts('Société Générale S.A.')).toEqual(['societe', 'generale']);
    expect(texts('SOCIETE GENERALE SA')).toEqual(['societe', 'generale']);
    expect(texts('Coca-Cola Company')).toEqual(['coca', 'cola']);
  });

  it('transliterates Cyrillic and Greek and reads their legal forms', () => {
    expect(texts('ООО "АЯС 2000"')).toEqual(['ayas', '2000']);
    expect(forms('ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "БАЙКАЛ"')).toEqual(['ooo']);
    expect(texts('ΙΝΤΕΛΛΕΞΑ Α.Ε.')).toEqual(['intellexa']);
    expect(forms('ΙΝΤΕΛΛΕΞΑ Α.Ε.')).toEqual(['ae']);
  });

  it('reads legal forms at either end, long and short, with typos in long ones', () => {
    expect(forms('Siemens Aktiengesellschaft')).toEqual(['ag']);
    expect(forms('Siemens Aktiengeselschaft')).toEqual(['ag']);
    expect(forms('TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN')).toEqual(['corp', 'jsc']);
    expect(forms('Lloyds Banking Group Public Limited Company')).toEqual(['plc']);
    expect(forms('Bowne International de Mexico S.A. de C.V.')).toEqual(['sa de cv']);
    expect(forms('FABERLIC EUROPE Sp. z o.o.')).toEqual(['sp z oo']);
    expect(forms('Samsung Electronics Co., Ltd.')).toEqual(['co', 'ltd']);
    expect(forms('Mendez, Denmark A/S')).toEqual(['as']);
    expect(forms('Cytrox Holdings Crt')).toEqual(['zrt']);
    expect(forms('OAO Gazprom')).toEqual(['jsc']);
  });

  it('keeps short abbreviations before a name as name words unless the form is written there', () => {
    expect(texts('AE Industrial Partners')).toEqual(['ae', 'industrial', 'partners']);
    expect(texts('SRL PRO TRAFFIC')).toEqual(['pro', 'traffic']);
  });

  it('keeps a name that is nothing but a legal form', () => {
    expect(texts('Company')).toEqual(['company']);
  });

  it('joins initialisms written with dots and splits web addresses', () => {
    expect(texts('A.B.C. Company')).toEqual(['abc']);
    expect(texts('N.S.O. Group Technologies Ltd.')).toEqual(['nso', 'group', 'technology']);
    expect(texts('Amazon.com, Inc.')).toEqual(['amazon', 'com']);
  });

  it('reads numbers written as words, ordinals and Roman numerals', () => {
    expect(texts('Brigade Forty-Four')).toEqual(['brigade', '44']);
    expect(texts('Brigade Forty 4')).toEqual(['brigade', '44']);
    expect(texts('1st International Bank')).toEqual(['1', 'international', 'bank']);
    expect(texts('3%ers')).toEqual(['3', 'percenters']);
    expect(texts('Blackstone Capital Partners VII L.P.')).toEqual(['blackstone', 'capital', 'partners', '7']);
    expect(texts('L & H Sweden, AB')).toEqual(['l', 'h', 'sweden']);
  });

  it('spells places, abbreviations and British spellings one way', () => {
    expect(texts('U.S. Department of State')).toEqual(['us', 'department', 'state']);
    expect(texts('United States Department of State')).toEqual(['us', 'department', 'state']);
    expect(texts('Deutsche Bank (Schweiz) AG')).toEqual(['deutsche', 'bank', 'switzerland']);
    expect(texts('First Bank Int’l')).toEqual(['1', 'bank', 'international']);
    expect(texts('World Health Organisation')).toEqual(texts('World Health Organization'));
    expect(texts('Cytrox Holdings')).toEqual(texts('Cytrox Holding'));
  });

  it('marks parenthesised qualifiers and word kinds', () => {
    const [paragon, solution, us] = normalizeName('Paragon Solutions (US) Inc.').tokens;
    expect(paragon).toMatchObject({ text: 'paragon', common: true, business: false, qualifier: false });
    expect(solution).toMatchObject({ text: 'solution', written: 'solutions', business: true });
    expect(us).toMatchObject({ text: 'us', place: true, qualifier: true });
  });

  it('drops possessives and articles', () => {
    expect(texts("The Deutsche Bank's AG")).toEqual(['deutsche', 'bank']);
    expect(texts('Procter & Gamble')).toEqual(texts('Procter and Gamble'));
  });
});
