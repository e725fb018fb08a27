/**
 * A MIME web archive (.mht/.mhtml: Excel's 单个文件网页, a browser's "save as MHTML"): its HTML
 * parts, decoded from their transfer encoding (their text is web-page.ts's to decode). Pure: runs
 * in the grid worker.
 */

/** One HTML part of an archive: where it says it came from, the charset it states, its bytes. */
export interface ArchivePart {
  location: string;
  charset?: string;
  bytes: Uint8Array;
}

/** The header block of a MIME message: the text up to its first blank line. */
function headerBlock(text: string): string {
  const end = /\r?\n\r?\n/.exec(text);
  return end ? text.slice(0, end.index) : text;
}

/**
 * True for a web archive: a MIME header block first, stating MIME-Version and a multipart/related
 * body with its boundary. A text file that only mentions such a header further down is none.
 */
export function isWebArchive(bytes: Uint8Array): boolean {
  const head = headerBlock(new TextDecoder('latin1').decode(bytes.subarray(0, 8192)).trimStart());
  return /^(mime-version|from|subject|date|x-[\w-]+|content-[\w-]+|snapshot-[\w-]+)\s*:/i.test(head) && /^mime-version\s*:/im.test(head)
    && /^content-type:\s*multipart\/related/im.test(head) && /boundary\s*=/i.test(head);
}

/** The archive's text/html parts in its order, each decoded from base64 or quoted-printable. */
export function archiveHtmlParts(bytes: Uint8Array): ArchivePart[] {
  const text = new TextDecoder('latin1').decode(bytes);
  const boundary = /boundary\s*=\s*"?([^"\r\n;]+)"?/i.exec(headerBlock(text))?.[1];
  if (!boundary) return [];
  const parts: ArchivePart[] = [];
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = Uint8Array.from(part.slice(split.index + split[0].length), (c) => c.charCodeAt(0));
    const transfer = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1].toLowerCase();
    const raw = transfer === 'base64' ? fromBase64(body) : transfer === 'quoted-printable' ? fromQuotedPrintable(body) : body;
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1];
    parts.push({ location: /content-location:\s*(\S+)/i.exec(headers)?.[1] ?? '', charset, bytes: raw });
  }
  return parts;
}

function fromBase64(bytes: Uint8Array): Uint8Array {
  const clean = new TextDecoder('latin1').decode(bytes).replace(/[^A-Za-z0-9+/=]/g, '');
  return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
}

/** Quoted-printable (RFC 2045): =XX is a byte, = at a line's end joins it to the next. */
function fromQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  const hex = (b: number) => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x3d) {
      out[n++] = bytes[i];
      continue;
    }
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) i += 2;
    else if (bytes[i + 1] === 0x0a) i += 1;
    else if (hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
      out[n++] = hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]);
      i += 2;
    } else out[n++] = bytes[i];
  }
  return out.subarray(0, n);
}
