import { Faker, base, es } from '@faker-js/faker';

/**
 * Seeded, reproducible Spanish persons for demos and benchmarks. Name, street and company pools
 * come from faker's `es` locale (seeded once); each person is then a pure function of (seed, index),
 * so any person can be regenerated without the others, and a million take a few seconds.
 * Identity documents and phone numbers are unique per index (a bijection of the index).
 */
export interface GeneratedAddress {
  kind: 'structured' | 'free';
  status: 'active';
  streetCode?: string;
  streetName?: string;
  number?: string;
  floor?: string;
  door?: string;
  postcode: string;
  municipality: string;
  municipalityCode?: string;
  province?: string;
  country: 'ES';
  freeText?: string;
}

export interface GeneratedBankAccount {
  iban: string;
  bic: string;
  bankName: string;
  status: 'active';
  usage: ['direct_debit'];
}

export type GeneratedPerson = Record<string, unknown> & {
  kind: 'natural' | 'legal';
  documents: { type: 'dni' | 'nie' | 'nif' | 'passport'; number: string }[];
  phones: { number: string; kind: 'mobile' | 'landline' | 'work' }[];
  emails: { address: string }[];
};

const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function dniLetter(number: number): string {
  return dniLetters[number % 23]!;
}

export function nieFor(prefix: 'X' | 'Y' | 'Z', digits: number): string {
  const body = String(digits).padStart(7, '0');
  return `${prefix}${body}${dniLetter(Number(`${'XYZ'.indexOf(prefix)}${body}`))}`;
}

/** A company NIF: organisation letter, seven digits, and its control (a digit for A/B). */
export function companyNifFor(letter: 'A' | 'B', digits: number): string {
  const body = String(digits).padStart(7, '0');
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(body[i]);
    sum += i % 2 === 0 ? Math.floor((d * 2) / 10) + ((d * 2) % 10) : d;
  }
  return `${letter}${body}${(10 - (sum % 10)) % 10}`;
}

const cccWeights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];

function cccDigit(digits: string): number {
  const sum = [...digits].reduce((total, d, i) => total + Number(d) * cccWeights[i]!, 0);
  const digit = 11 - (sum % 11);
  return digit === 11 ? 0 : digit === 10 ? 1 : digit;
}

/** A Spanish IBAN: bank, branch, the two national check digits, the account, and the mod-97 check. */
export function spanishIbanFor(bank: string, branch: string, account: string): string {
  const ccc = `${bank}${branch}${cccDigit(`00${bank}${branch}`)}${cccDigit(account)}${account}`;
  const numeric = `${ccc}142800`;
  let remainder = 0;
  for (const ch of numeric) remainder = (remainder * 10 + Number(ch)) % 97;
  return `ES${String(98 - remainder).padStart(2, '0')}${ccc}`;
}

const banks: [string, string, string][] = [
  ['2100', 'CAIXESBBXXX', 'CaixaBank'],
  ['0049', 'BSCHESMMXXX', 'Banco Santander'],
  ['0182', 'BBVAESMMXXX', 'BBVA'],
  ['0081', 'BSABESBBXXX', 'Banco Sabadell'],
  ['0128', 'BKBKESMMXXX', 'Bankinter'],
  ['3058', 'CCRIES2AXXX', 'Cajamar'],
];

/** A small, fast PRNG (mulberry32) and helpers on it. */
class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

function mix(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A bijection of [0, modulus) (the multiplier is coprime with the modulus): unique values per index.
 * Exact in doubles while index × multiplier stays below 2^53 (indexes up to 10^8 here).
 */
function permute(index: number, modulus: number, multiplier: number, offset: number): number {
  return ((((index % modulus) * multiplier) % modulus) + (offset % modulus)) % modulus;
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const provinces: [string, string][] = [
  ['08', 'Barcelona'],
  ['17', 'Girona'],
  ['25', 'Lleida'],
  ['43', 'Tarragona'],
  ['28', 'Madrid'],
  ['46', 'València'],
  ['41', 'Sevilla'],
  ['50', 'Zaragoza'],
  ['07', 'Illes Balears'],
  ['12', 'Castelló'],
];
const municipality = { name: 'Calafell', code: '43037', postcode: '43820', province: 'Tarragona' };
const landlinePrefixes = ['977', '93', '91', '972', '973', '96'];
const companyForms = ['S.L.', 'S.A.', 'S.L.U.', 'S.C.P.'];
const channels = ['phone', 'email', 'sms', 'postal', 'app', 'whatsapp', 'in_person'] as const;

interface Pools {
  female: string[];
  male: string[];
  surnames: string[];
  streets: string[];
  cities: string[];
  companies: string[];
  domains: string[];
}

function buildPools(seed: number): Pools {
  const faker = new Faker({ locale: [es, base], seed });
  const d = faker.definitions;
  const names = d.person.first_name as unknown as { female: string[]; male: string[] };
  return {
    female: names.female,
    male: names.male,
    surnames: (d.person.last_name as unknown as { generic: string[] }).generic,
    streets: Array.from({ length: 2_000 }, () => faker.location.street()),
    cities: d.location.city_name as unknown as string[],
    companies: Array.from({ length: 3_000 }, () => faker.company.name()),
    domains: [...(d.internet.free_email as unknown as string[]), 'telefonica.net', 'outlook.es', 'xtec.cat'],
  };
}

export class PersonGenerator {
  private readonly pools: Pools;
  private readonly plainNames = new Map<string, string>();

  constructor(readonly seed = 20_261_201) {
    this.pools = buildPools(seed);
    for (const name of [...this.pools.female, ...this.pools.male, ...this.pools.surnames]) {
      this.plainNames.set(name, plain(name));
    }
  }

  private plain(name: string): string {
    return this.plainNames.get(name) ?? plain(name);
  }

  /** The person at `index` (0-based): always the same for the same seed and index. */
  person(index: number): GeneratedPerson {
    const r = new Random(mix(this.seed, index));
    return r.chance(0.08) ? this.legal(index, r) : this.natural(index, r);
  }

  /** The person's home or registered address. */
  address(index: number): GeneratedAddress {
    const r = new Random(mix(this.seed ^ 0x5bd1e995, index));
    const number = String(1 + r.int(180));
    const floor = r.chance(0.6) ? String(r.int(9)) : undefined;
    const door = floor !== undefined ? String(1 + r.int(4)) : undefined;
    const streetIndex = r.int(this.pools.streets.length);
    const street = this.pools.streets[streetIndex]!;
    if (r.chance(0.35)) {
      return {
        kind: 'structured',
        status: 'active',
        streetCode: String(streetIndex + 1).padStart(5, '0'),
        streetName: street,
        number,
        ...(floor !== undefined ? { floor, door } : {}),
        postcode: municipality.postcode,
        municipality: municipality.name,
        municipalityCode: municipality.code,
        province: municipality.province,
        country: 'ES',
      };
    }
    const [code, province] = r.pick(provinces);
    const postcode = `${code}${String(r.int(1000)).padStart(3, '0')}`;
    const city = r.pick(this.pools.cities);
    const flat = floor !== undefined ? `, ${floor}º ${door}ª` : '';
    return {
      kind: 'free',
      status: 'active',
      freeText: `${street} ${number}${flat}, ${postcode} ${city} (${province})`,
      postcode,
      municipality: city,
      province,
      country: 'ES',
    };
  }

  /** A bank account for the person at `index`, with a valid Spanish IBAN unique per index. */
  bankAccount(index: number): GeneratedBankAccount {
    const r = new Random(mix(this.seed ^ 0x27d4eb2d, index));
    const [bank, bic, bankName] = r.pick(banks);
    const branch = String(r.int(10_000)).padStart(4, '0');
    const account = String(permute(index, 1e10, 48_271, this.seed)).padStart(10, '0');
    return {
      iban: spanishIbanFor(bank, branch, account),
      bic,
      bankName,
      status: 'active',
      usage: ['direct_debit'],
    };
  }

  private natural(index: number, r: Random): GeneratedPerson {
    const female = r.chance(0.51);
    const givenName = r.pick(female ? this.pools.female : this.pools.male);
    const surname1 = r.pick(this.pools.surnames);
    const surname2 = r.pick(this.pools.surnames);
    const roll = r.next();
    const document =
      roll < 0.86
        ? { type: 'dni' as const, number: this.dni(index) }
        : roll < 0.98
          ? { type: 'nie' as const, number: this.nie(index) }
          : {
              type: 'passport' as const,
              number: `P${String(permute(index, 1e8, 48_271, this.seed)).padStart(8, '0')}`,
            };
    const year = 1930 + r.int(77);
    const month = 1 + r.int(12);
    const day = 1 + r.int(month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);
    const punctual = r.chance(0.02);
    const language = r.chance(0.55) ? 'ca' : r.chance(0.9) ? 'es' : 'en';
    const phones: GeneratedPerson['phones'] = [{ number: this.mobile(index), kind: 'mobile' }];
    if (r.chance(0.25)) phones.push({ number: this.landline(index, r), kind: 'landline' });
    const local = `${this.plain(givenName)}.${this.plain(surname1)}${r.chance(0.5) ? String(index % 1000) : ''}`;
    const person: GeneratedPerson = {
      kind: 'natural',
      punctual,
      givenName,
      surname1,
      surname2,
      documents: [document],
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      phones,
      emails: r.chance(0.85) ? [{ address: `${local}@${r.pick(this.pools.domains)}` }] : [],
      preferredLanguage: language,
      preferredChannels: channels.filter(() => r.chance(0.3)),
      vulnerable: r.chance(0.03),
    };
    if (punctual) person.contactChannel = 'phone';
    if (r.chance(0.05))
      person.discounts = [{ type: r.pick(['social_tariff', 'large_family', 'pensioner'] as const) }];
    return person;
  }

  private legal(index: number, r: Random): GeneratedPerson {
    const name = `${r.pick(this.pools.companies)} ${r.pick(companyForms)}`;
    const letter = r.chance(0.7) ? 'B' : 'A';
    return {
      kind: 'legal',
      punctual: false,
      companyName: name,
      documents: [{ type: 'nif', number: companyNifFor(letter, permute(index, 1e7, 7_919_113, this.seed)) }],
      phones: [{ number: this.landline(index, r), kind: 'work' }],
      emails: [{ address: `info@${plain(name).slice(0, 30)}.es` }],
      preferredLanguage: r.chance(0.6) ? 'ca' : 'es',
      preferredChannels: ['email'],
    };
  }

  private dni(index: number): string {
    const number = permute(index, 1e8, 16_807, this.seed);
    return `${String(number).padStart(8, '0')}${dniLetter(number)}`;
  }

  private nie(index: number): string {
    return nieFor(
      (['X', 'Y', 'Z'] as const)[index % 3]!,
      permute(Math.floor(index / 3), 1e7, 69_621, this.seed),
    );
  }

  /** A Spanish mobile (6xx xxx xxx), unique per index. */
  private mobile(index: number): string {
    return `+346${String(permute(index, 1e8, 3_515_249, this.seed % 1e8)).padStart(8, '0')}`;
  }

  private landline(index: number, r: Random): string {
    const prefix = r.pick(landlinePrefixes);
    const rest = 9 - prefix.length;
    return `+34${prefix}${String(permute(index, 10 ** rest, (7_777_777 % 10 ** rest) | 1, 0)).padStart(rest, '0')}`;
  }
}
