// Bytes to text. Feeds arrive re-saved by all sorts of tools, so we accept UTF-8 (with or without
// BOM), UTF-16 with a BOM, and GB18030; TextDecoder does the decoding, we only choose which one.

export type Decoded =
  | { kind: 'text'; text: string; encoding: string; damagedBytes: number }
  | { kind: 'binary'; controlShare: number }
  | { kind: 'undecodable' };

/** Above this share of NUL/control bytes a file is junk, not text with a stray byte... */
const BINARY_CONTROL_SHARE = 0.05;
/**
 * ...unless it is valid UTF-8, which junk practically never is: then only this share makes it junk.
 * A one-line drop `注意力\0\0\0机制` is 7% NUL, and was skipped whole; UTF-16 without a BOM is
 * about half NUL, and still is.
 */
const BINARY_CONTROL_SHARE_OF_UTF8 = 0.25;

/**
 * A file with at least this many valid non-ASCII characters per invalid sequence is UTF-8 with a
 * little damage, not another encoding: GB18030 text read as UTF-8 is nearly all invalid. This
 * check must come before GB18030, because almost any UTF-8 Chinese text also decodes "cleanly"
 * as GB18030, into mojibake (中文 → 涓枃), and skipping the file would lose its good lines.
 */
const VALID_PER_DAMAGED = 10;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** NUL and the other control bytes, but not tab, line feed or carriage return; and DEL. */
const CONTROL_BYTE = new Uint8Array(256);
for (let byte = 0; byte < 0x20; byte++) CONTROL_BYTE[byte] = byte === 0x09 || byte === 0x0a || byte === 0x0d ? 0 : 1;
CONTROL_BYTE[0x7f] = 1;

/**
 * A table and an indexed loop, not a predicate per byte: every byte of every drop passes here on
 * every build, and the iterator and call cost 0.1 s at 12 MB of feeds (10,000 articles).
 */
function controlShareOf(bytes: Uint8Array): number {
  let count = 0;
  for (let index = 0; index < bytes.length; index++) count += CONTROL_BYTE[bytes[index]!]!;
  return bytes.length === 0 ? 0 : count / bytes.length;
}

function utf16Encoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function decodeFeed(bytes: Uint8Array): Decoded {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    return { kind: 'text', text, encoding: utf16, damagedBytes: countReplacements(text) };
  }
  const controlShare = controlShareOf(bytes);
  const clean = strictUtf8(bytes);
  const binaryShare = clean === null ? BINARY_CONTROL_SHARE : BINARY_CONTROL_SHARE_OF_UTF8;
  if (controlShare > binaryShare) return { kind: 'binary', controlShare };
  if (clean !== null) return { kind: 'text', text: clean, encoding: 'utf-8', damagedBytes: 0 };

  // Not clean UTF-8: decide between damaged UTF-8 and another encoding.
  const lossy = utf8Lossy.decode(bytes);
  const damagedBytes = countReplacements(lossy);
  const validNonAscii = lossy.replace(/[\u0000-\u007F\uFFFD]+/g, '').length;
  if (validNonAscii >= damagedBytes * VALID_PER_DAMAGED) {
    return { kind: 'text', text: lossy, encoding: 'utf-8', damagedBytes };
  }
  try {
    return { kind: 'text', text: gb18030.decode(bytes), encoding: 'gb18030', damagedBytes: 0 };
  } catch {
    return { kind: 'undecodable' };
  }
}
