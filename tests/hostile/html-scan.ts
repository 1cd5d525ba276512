// Reads the markup of our own output (HTML pages and Atom feeds). The hast serializer escapes every `<` of text and quotes
// every attribute value, so each `<` outside a quoted value opens a tag, a comment or the
// doctype: a scanner that reads quoted attributes sees the whole element structure, and
// anything it cannot read is malformed output rather than something to skip.

export interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Attribute names lower-cased, values with character references decoded. */
  attributes: Map<string, string>;
  /** For `<script>` and `<style>`: what stands between the tag and its end tag. */
  rawText?: string;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeReferences(value: string): string {
  return value.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z]+));?/g, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number.parseInt(dec, 10));
    return NAMED[name!.toLowerCase()] ?? whole;
  });
}

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
    attributes.set(name!.toLowerCase(), decodeReferences(double ?? single ?? bare ?? ''));
  }
  return attributes;
}

/** Every tag in document order; throws on a `<` that opens nothing readable. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let at = html.indexOf('<');
  while (at !== -1) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end === -1) throw new Error(`unclosed comment at offset ${at}`);
      at = html.indexOf('<', end + 3);
      continue;
    }
    if (/^<!doctype html>/i.test(html.slice(at, at + 15))) {
      at = html.indexOf('<', at + 15);
      continue;
    }
    if (html.startsWith('<?xml ', at)) {
      const end = html.indexOf('?>', at);
      if (end === -1) throw new Error(`unclosed XML declaration at offset ${at}`);
      at = html.indexOf('<', end + 2);
      continue;
    }
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    if (match === null) throw new Error(`unreadable markup at offset ${at}: ${JSON.stringify(html.slice(at, at + 80))}`);
    const [whole, slash, name, attributeSource, selfSlash] = match;
    const tag: Tag = {
      name: name!.toLowerCase(),
      closing: slash === '/',
      selfClosing: selfSlash === '/',
      attributes: attributesOf(attributeSource ?? ''),
    };
    let next = at + whole.length;
    if (!tag.closing && RAW_TEXT.has(tag.name)) {
      const end = html.toLowerCase().indexOf(`</${tag.name}`, next);
      if (end === -1) throw new Error(`<${tag.name}> at offset ${at} is never closed`);
      tag.rawText = html.slice(next, end);
      next = end;
    }
    tags.push(tag);
    at = html.indexOf('<', next);
  }
  return tags;
}

/** Whether start and end tags nest properly (`/>` and, in HTML, void elements aside); the first mismatch, or null. */
export function nestingError(tags: readonly Tag[], xml = false): string | null {
  const open: string[] = [];
  for (const tag of tags) {
    if (tag.closing) {
      const expected = open.pop();
      if (expected !== tag.name) return `</${tag.name}> closes <${expected ?? 'nothing'}>`;
    } else if (!tag.selfClosing && (xml || !VOID.has(tag.name))) {
      open.push(tag.name);
    }
  }
  return open.length === 0 ? null : `<${open.at(-1)}> is never closed`;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcset', 'background']);
// Our pages link only to their own site (base-relative paths, fragments) and to http(s) sources.
const SAFE_URL = /^(?:\/(?!\/)|#|https?:\/\/)/i;

/** What a page must never carry, whatever the feeds said: handlers, script URLs, inline script. */
export function unsafeMarkup(tags: readonly Tag[]): string[] {
  const problems: string[] = [];
  for (const tag of tags) {
    for (const [name, value] of tag.attributes) {
      if (/^on/i.test(name)) problems.push(`<${tag.name}> has an event handler ${name}="${value}"`);
      // Browsers ignore control characters and spaces inside a scheme, so they are dropped first.
      const url = value.replace(/[\u0000-\u0020]/g, '');
      if (URL_ATTRIBUTES.has(name) && !SAFE_URL.test(url)) problems.push(`<${tag.name} ${name}="${value}">`);
      if (name === 'style' && /url\(|expression\(|javascript:|@import/i.test(value)) problems.push(`<${tag.name} style="${value}">`);
    }
    if (tag.name === 'script' && !tag.closing && (!tag.attributes.has('src') || (tag.rawText ?? '').trim() !== '')) {
      problems.push(`inline <script>: ${JSON.stringify((tag.rawText ?? '').slice(0, 60))}`);
    }
    if (['iframe', 'object', 'embed', 'img', 'base', 'style', 'textarea'].includes(tag.name)) problems.push(`<${tag.name}> element`);
    if (tag.name === 'meta' && tag.attributes.get('http-equiv')?.toLowerCase() === 'refresh') problems.push('<meta http-equiv=refresh>');
  }
  return problems;
}

const MARKUP = /<(?:!--[\s\S]*?--|[!?/]?[A-Za-z][^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*)>/g;

/** The text a reader sees, roughly: markup removed, character references decoded, nothing else. */
export function textOf(markup: string): string {
  return decodeReferences(markup.replace(MARKUP, ''));
}
