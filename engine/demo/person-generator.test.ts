import { readFileSync } from 'node:fs';
import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import type { EntityTypeDocument } from '../src/platform/entities/entity-type.js';
import {
  isSpanishPostcode,
  isValidCompanyNif,
  isValidDni,
  isValidNie,
} from '../src/platform/entities/formats/spanish-ids.js';
import { compileRecordValidator } from '../src/platform/entities/record-validator.js';
import { isValidBIC, isValidIBAN } from 'ibantools';
import { PersonGenerator, companyNifFor, dniLetter, nieFor, spanishIbanFor } from './person-generator.js';

const entityType = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../definitions/entities/${name}.json`, import.meta.url), 'utf8'),
  ) as EntityTypeDocument;

const generator = new PersonGenerator();
const sample = Array.from({ length: 20_000 }, (_, i) => generator.person(i));
const documents = sample.flatMap((p) => p.documents);
const ofType = (type: string) => documents.filter((d) => d.type === type).map((d) => d.number);

describe('check characters', () => {
  it.each([
    [12345678, 'Z'],
    [0, 'T'],
    [99999999, 'R'],
    [23, 'T'],
    [45, 'E'],
  ])('the DNI letter of %i is %s', (number, letter) => {
    expect(dniLetter(number)).toBe(letter);
  });

  it.each([
    ['X', 1234567, 'X1234567L'],
    ['Y', 1234567, 'Y1234567X'],
    ['Z', 0, 'Z0000000M'],
  ] as const)('the NIE %s + %i is %s', (prefix, digits, nie) => {
    expect(nieFor(prefix, digits)).toBe(nie);
  });

  it.each([
    ['B', 1234567, 'B12345674'],
    ['A', 5881850, 'A58818501'],
  ] as const)('the company NIF %s + %i is %s', (letter, digits, nif) => {
    expect(companyNifFor(letter, digits)).toBe(nif);
  });

  it('computes both Spanish national check digits and the IBAN check of the canonical example', () => {
    expect(spanishIbanFor('2100', '0418', '0200051332')).toBe('ES9121000418450200051332');
  });
});

describe('PersonGenerator', () => {
  it('makes valid DNIs (8 digits + mod-23 letter), NIEs (X/Y/Z) and company NIFs', () => {
    for (const dni of ofType('dni')) {
      expect(dni).toMatch(/^\d{8}[A-Z]$/);
      expect(dni.at(-1)).toBe(dniLetter(Number(dni.slice(0, 8))));
    }
    expect(ofType('dni').filter((n) => !isValidDni(n))).toEqual([]);
    expect(ofType('nie').every((n) => /^[XYZ]\d{7}[A-Z]$/.test(n))).toBe(true);
    expect(ofType('nie').filter((n) => !isValidNie(n))).toEqual([]);
    expect(ofType('nif').filter((n) => !/^[AB]\d{8}$/.test(n) || !isValidCompanyNif(n))).toEqual([]);
  });

  it('mixes natural and legal persons, DNIs and NIEs, and a few punctual contacts', () => {
    const share = (n: number) => n / sample.length;
    expect(share(sample.filter((p) => p.kind === 'legal').length)).toBeGreaterThan(0.05);
    expect(share(sample.filter((p) => p.kind === 'legal').length)).toBeLessThan(0.12);
    expect(share(ofType('nie').length)).toBeGreaterThan(0.08);
    expect(share(ofType('dni').length)).toBeGreaterThan(0.7);
    expect(sample.some((p) => p.punctual === true)).toBe(true);
    expect(new Set(sample.map((p) => p.preferredLanguage))).toEqual(new Set(['ca', 'es', 'en']));
  });

  it('gives every person two surnames or a company name', () => {
    for (const p of sample) {
      if (p.kind === 'natural')
        expect([p.givenName, p.surname1, p.surname2].every((s) => typeof s === 'string' && s)).toBe(true);
      else expect(p.companyName).toMatch(/\S+ (S\.L\.|S\.A\.|S\.L\.U\.|S\.C\.P\.)$/);
    }
  });

  it('makes valid Spanish phones in E.164 and plausible e-mails', () => {
    const phones = sample.flatMap((p) => p.phones.map((ph) => ph.number));
    expect(phones.filter((n) => !/^\+34[679]\d{8}$/.test(n) || !isValidPhoneNumber(n))).toEqual([]);
    expect(phones.filter((n) => parsePhoneNumberWithError(n).number !== n)).toEqual([]);
    const mobiles = sample.flatMap((p) =>
      p.phones.filter((ph) => ph.kind === 'mobile').map((ph) => ph.number),
    );
    expect(mobiles.every((n) => parsePhoneNumberWithError(n).getType() === 'MOBILE')).toBe(true);
    const emails = sample.flatMap((p) => p.emails.map((e) => e.address));
    expect(emails.filter((e) => !/^[a-z0-9.]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(e))).toEqual([]);
  });

  it('keeps identity documents and mobile numbers unique', () => {
    const numbers = documents.map((d) => d.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const mobiles = sample.map((p) => p.phones[0]!.number);
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it('makes addresses with Spanish postcodes, structured inside Calafell and free text outside', () => {
    const addresses = Array.from({ length: 5_000 }, (_, i) => generator.address(i));
    expect(addresses.filter((a) => !isSpanishPostcode(a.postcode))).toEqual([]);
    const structured = addresses.filter((a) => a.kind === 'structured');
    expect(structured.length).toBeGreaterThan(1_000);
    expect(structured.every((a) => a.postcode === '43820' && /^\d{5}$/.test(a.streetCode!))).toBe(true);
    expect(addresses.filter((a) => a.kind === 'free').every((a) => a.freeText!.includes(a.postcode))).toBe(
      true,
    );
  });

  it('makes bank accounts with valid, unique Spanish IBANs and BICs', () => {
    const accounts = Array.from({ length: 5_000 }, (_, i) => generator.bankAccount(i));
    expect(accounts.filter((a) => !/^ES\d{22}$/.test(a.iban) || !isValidIBAN(a.iban))).toEqual([]);
    expect(accounts.filter((a) => !isValidBIC(a.bic))).toEqual([]);
    expect(new Set(accounts.map((a) => a.iban)).size).toBe(accounts.length);
  });

  it('is reproducible: the same seed and index give the same person, in any order', () => {
    const again = new PersonGenerator();
    expect([5, 3, 1].map((i) => again.person(i))).toEqual([sample[5], sample[3], sample[1]]);
    expect(new PersonGenerator(7).person(3)).not.toEqual(sample[3]);
  });

  it('produces records the shipped person and address types accept', () => {
    const person = compileRecordValidator(entityType('person'));
    const address = compileRecordValidator(entityType('address'));
    const failures = sample
      .slice(0, 3_000)
      .map((p, i) => [i, person.check(p, 'en')] as const)
      .filter(([, r]) => !r.ok);
    expect(failures).toEqual([]);
    const badAddresses = Array.from({ length: 3_000 }, (_, i) =>
      address.check(generator.address(i), 'en'),
    ).filter((r) => !r.ok);
    expect(badAddresses).toEqual([]);
    const account = compileRecordValidator(entityType('bank_account'));
    const personId = '6f1c7f4e-3c2a-4b8e-9d1a-0c2b3d4e5f60';
    const badAccounts = Array.from({ length: 1_000 }, (_, i) =>
      account.check({ personId, ...generator.bankAccount(i) }, 'en'),
    ).filter((r) => !r.ok);
    expect(badAccounts).toEqual([]);
  });
});
