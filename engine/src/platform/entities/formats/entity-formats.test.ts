import { describe, expect, it } from 'vitest';
import { entityFormats } from './entity-formats.js';
import { normaliseValues } from './normalise-values.js';

describe('entity formats', () => {
  it.each([
    ['dni', '12345678Z', true],
    ['dni', '12345678-z', true],
    ['dni', '12345678A', false],
    ['dni', '1234567Z', false],
    ['nie', 'X1234567L', true],
    ['nie', 'Y1234567X', true],
    ['nie', 'Z1234567R', true],
    ['nie', 'X1234567A', false],
    ['nif', 'B12345674', true],
    ['nif', 'A08663619', true],
    ['nif', 'A28015865', true],
    ['nif', 'Q2826000H', true],
    ['nif', 'P0800000B', true],
    ['nif', 'B12345675', false],
    ['nif', 'Q2826000A', false],
    ['es-document', 'X1234567L', true],
    ['es-document', 'B12345674', true],
    ['es-document', 'hello', false],
    ['iban', 'ES9121000418450200051332', true],
    ['iban', 'ES91 2100 0418 4502 0005 1332', true],
    ['iban', 'ES9121000418450200051333', false],
    ['bic', 'CAIXESBBXXX', true],
    ['bic', 'CAIXESBB', true],
    ['bic', 'CAIX', false],
    ['phone', '+34612345678', true],
    ['phone', '612345678', false],
    ['phone', '+3461234', false],
    ['postcode-es', '08001', true],
    ['postcode-es', '52001', true],
    ['postcode-es', '53001', false],
    ['postcode-es', '8001', false],
  ])('%s %s → %s', (format, value, valid) => {
    expect(entityFormats[format]!(value)).toBe(valid);
  });

  it('normalises phones to E.164 and identifiers to their compact form, following the schema', () => {
    const schema = {
      type: 'object',
      properties: {
        phones: { type: 'array', items: { type: 'string', format: 'phone' } },
        contact: { type: 'object', properties: { mobile: { type: 'string', format: 'phone' } } },
        iban: { type: 'string', format: 'iban' },
        dni: { type: 'string', format: 'dni' },
        name: { type: 'string' },
      },
    };
    const input = {
      phones: ['612 34 56 78', '+44 20 7946 0958', 'garbage'],
      contact: { mobile: '(+34) 699-111-222' },
      iban: 'es91 2100 0418 4502 0005 1332',
      dni: '12.345.678-z',
      name: ' x ',
    };
    expect(normaliseValues(schema, input)).toEqual({
      phones: ['+34612345678', '+442079460958', 'garbage'],
      contact: { mobile: '+34699111222' },
      iban: 'ES9121000418450200051332',
      dni: '12345678Z',
      name: ' x ',
    });
    expect(input.phones[0]).toBe('612 34 56 78');
  });
});
