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
