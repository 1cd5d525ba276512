import { PLACEHOLDERS } from '../model.ts';

/** For places that show text without typesetting (meta descriptions): a lost formula reads as ⋯. */
export function describe(text: string): string {
  const withoutFormulas = PLACEHOLDERS.reduce((plain, placeholder) => plain.split(placeholder).join('⋯'), text);
  return withoutFormulas.replace(/\s+/g, ' ').trim();
}
