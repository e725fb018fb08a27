// XML 1.0 `Char` leaves out C0 controls but tab, LF and CR, U+FFFE, U+FFFF and unpaired
// surrogates; not even a character reference may stand for them, so a document holding one does
// not parse (a form feed typed into a ledger cell broke the SVG and PPTX exports). With the `u`
// flag a surrogate pair is one code point, so the surrogate range matches only lone halves.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Text with the characters XML 1.0 forbids removed, nothing escaped. A leaf: any layer may use it. */
export function stripXmlIllegal(s: string): string {
  return s.replace(XML_ILLEGAL, '');
}

/** Text as XML character data or an attribute value: XML-illegal characters dropped, & < > " escaped. */
export function escapeXml(s: string): string {
  return stripXmlIllegal(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
