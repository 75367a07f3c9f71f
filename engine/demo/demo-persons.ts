import type { Knex } from 'knex';
import type { EntityStore } from '../src/platform/entities/entity-store.js';
import { parseListQuery } from '../src/platform/entities/list-query.js';
import { RecordRelations } from '../src/platform/entities/record-relations.js';
import type { Logger } from '../src/infra/logging/logger.js';
import { PersonGenerator, type GeneratedPerson } from './person-generator.js';

export const demoPersonCount = 300;

function fullName(person: GeneratedPerson): string {
  return person.kind === 'legal'
    ? String(person.companyName)
    : [person.givenName, person.surname1, person.surname2].filter(Boolean).join(' ');
}

/**
 * Development data: generated persons, each with a home address and every fourth with a bank
 * account, through the entity store (validated and audited like any write). Runs once: nothing is
 * loaded when any person exists. Returns how many persons it loaded.
 */
export async function loadDemoPersons(
  entities: EntityStore,
  db: Knex,
  logger: Logger,
  count = demoPersonCount,
): Promise<number> {
  if ((await entities.count('person', parseListQuery({}), {}, 1)) > 0) return 0;
  const generator = new PersonGenerator();
  const people = Array.from({ length: count }, (_, i) => generator.person(i));
  const persons = await entities.bulkCreate('person', people);
  const addresses = await entities.bulkCreate(
    'address',
    people.map((_, i) => generator.address(i)),
  );
  const relations = new RecordRelations(db, entities.types);
  for (const [i, personId] of persons.ids.entries()) {
    await relations.link('person', personId, 'addresses', { targetId: addresses.ids[i]!, role: 'home' });
  }
  const accountHolders = persons.ids.flatMap((personId, i) => (i % 4 === 0 ? [{ personId, i }] : []));
  await entities.bulkCreate(
    'bank_account',
    accountHolders.map(({ personId, i }) => ({
      personId,
      holderName: fullName(people[i]!),
      ...generator.bankAccount(i),
    })),
  );
  logger.info({ persons: count, bankAccounts: accountHolders.length }, 'demo persons loaded');
  return count;
}
