/** Text as XML character data or an attribute value: & < > " escaped. A leaf: any layer may use it. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
