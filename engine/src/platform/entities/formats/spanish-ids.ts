/** Spanish identity documents with their check characters (pure). */
const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

function normalised(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

export function isValidDni(value: string): boolean {
  const v = normalised(value);
  const match = /^(\d{8})([A-Z])$/.exec(v);
  return match !== null && dniLetters[Number(match[1]) % 23] === match[2];
}

export function isValidNie(value: string): boolean {
  const v = normalised(value);
  const match = /^([XYZ])(\d{7})([A-Z])$/.exec(v);
  if (!match) return false;
  const number = Number(`${'XYZ'.indexOf(match[1]!)}${match[2]}`);
  return dniLetters[number % 23] === match[3];
}

const cifLetterControl = 'JABCDEFGHI';

/** A company NIF (formerly CIF): an organisation letter, seven digits and a digit or letter control. */
export function isValidCompanyNif(value: string): boolean {
  const v = normalised(value);
  const match = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(v);
  if (!match) return false;
  const digits = match[2]!;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (i % 2 === 0) {
      const doubled = d * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += d;
    }
  }
  const control = (10 - (sum % 10)) % 10;
  const letter = match[1]!;
  const given = match[3]!;
  if ('PQRSNW'.includes(letter)) return given === cifLetterControl[control];
  if ('ABEH'.includes(letter)) return given === String(control);
  return given === String(control) || given === cifLetterControl[control];
}

export function isValidSpanishDocument(value: string): boolean {
  return isValidDni(value) || isValidNie(value) || isValidCompanyNif(value);
}

export function isSpanishPostcode(value: string): boolean {
  const match = /^(\d{2})\d{3}$/.exec(value);
  if (!match) return false;
  const province = Number(match[1]);
  return province >= 1 && province <= 52;
}
