import JSZip from 'jszip';

/** An unzipped Office file: its part names and text of its XML parts. */
export interface Unzipped {
  names: string[];
  text(name: string): Promise<string>;
  bytes(name: string): Promise<Uint8Array>;
}

/** Opens DOCX/PPTX bytes as the zip they are. */
export async function unzip(bytes: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const file = (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no part ${name}; parts: ${names.join(', ')}`);
    return f;
  };
  return {
    names,
    text: (name) => file(name).async('string'),
    bytes: (name) => file(name).async('uint8array'),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The visible text runs (<w:t> or <a:t>) of an XML part, entities decoded, one string per run. */
export function runs(xml: string, tag: 'w:t' | 'a:t'): string[] {
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ENTITIES[e]));
}

/** The parts under a folder that match a pattern, in natural order (slide2 before slide10). */
export function partsUnder(names: string[], pattern: RegExp): string[] {
  return names.filter((n) => pattern.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

// XML 1.0 `Char` excludes these even as character references: C0 controls but tab, LF and CR;
// U+FFFE and U+FFFF; and surrogates not in a pair (the `u` flag makes a pair one code point).
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]|&#(x0*([0-8bcef]|1[0-9a-f]|fff[ef])|0*([0-8]|1[1-2]|1[4-9]|2\d|3[01]));/iu;
const NAME = String.raw`[A-Za-z_:][\w.:-]*`;
const TAG = new RegExp(String.raw`<(/?)(${NAME})((?:\s+${NAME}\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(/?)>`, 'y');

/**
 * Why an XML document is not well-formed, or null if it is, as far as generated Office and SVG
 * parts need: no character XML 1.0 forbids (raw or as a reference), tags balanced and well
 * formed, attributes quoted, no stray `<`, `&` only in an entity or character reference.
 * No XML parser ships in node_modules, so this is the strict subset those parts use.
 */
export function xmlProblem(xml: string): string | null {
  const bad = XML_ILLEGAL.exec(xml);
  if (bad) return `illegal character ${JSON.stringify(bad[0])} at ${bad.index}`;
  const open: string[] = [];
  let i = xml.startsWith('\uFEFF') ? 1 : 0;
  let roots = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    const amp = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.exec(text);
    if (amp) return `bare & at ${i + amp.index}`;
    if (!open.length && text.trim()) return `text outside the root at ${i}`;
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return `unclosed <? at ${lt}`;
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return `unclosed comment at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0 || !open.length) return `bad CDATA at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<!DOCTYPE', lt)) {
      const end = xml.indexOf('>', lt);
      i = end + 1;
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(xml);
      if (!m) return `malformed tag at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 60))}`;
      const [whole, closing, name, attrs, selfClosing] = m;
      const attrAmp = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.exec(attrs);
      if (attrAmp) return `bare & in an attribute of <${name}> at ${lt}`;
      const attrNames = [...attrs.matchAll(new RegExp(String.raw`(${NAME})\s*=`, 'g'))].map((a) => a[1]);
      if (new Set(attrNames).size !== attrNames.length) return `repeated attribute in <${name}> at ${lt}`;
      if (closing) {
        if (selfClosing || attrs.trim()) return `malformed end tag at ${lt}`;
        if (open.pop() !== name) return `</${name}> closes nothing open at ${lt}`;
      } else {
        if (!open.length && ++roots > 1) return `second root <${name}> at ${lt}`;
        if (!selfClosing) open.push(name);
      }
      i = lt + whole.length;
    }
  }
  if (open.length) return `unclosed <${open.at(-1)}>`;
  return roots ? null : 'no root element';
}
