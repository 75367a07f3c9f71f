import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The number in E.164 (`+34612345678`), or undefined when it is not a valid phone number. */
export function toE164(value: string, defaultCountry: CountryCode = 'ES'): string | undefined {
  const parsed = parsePhoneNumberFromString(value, defaultCountry);
  return parsed?.isValid() ? parsed.number : undefined;
}
