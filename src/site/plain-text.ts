const PLACEHOLDER = /\[(?:Math|公式|Formula)\]/g;

/** For places that show text without typesetting (meta descriptions): a lost formula reads as ⋯. */
export function describe(text: string): string {
  return text.replace(PLACEHOLDER, '⋯').replace(/\s+/g, ' ').trim();
}
