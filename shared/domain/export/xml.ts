/** Characters XML 1.0 forbids anywhere in a document (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/**
 * Text safe inside an XML 1.0 element or attribute value: markup characters escaped, and characters
 * XML 1.0 cannot carry at all (control characters from a pasted name, lone surrogates) replaced by
 * U+FFFD so the reader sees that something was there instead of the whole file failing to parse.
 */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD').replace(/[<>&"']/g, (c) => ENTITIES[c]!);
}
