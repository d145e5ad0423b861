/** Just enough XML for the S3 Control wire protocol: parse request bodies, build response bodies. */

export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Parses a document into its root element; throws on malformed input (the server answers MalformedXML). */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const between = text.slice(last, m.index);
    if (between.trim()) {
      const top = stack[stack.length - 1];
      if (!top || between.includes('<')) throw new Error('text outside an element');
      top.text += decode(between);
    } else if (stack.length > 0) {
      stack[stack.length - 1]!.text += between;
    }
    last = tag.lastIndex;
    if (m[1] !== undefined) {
      const top = stack[stack.length - 1];
      if (!top) throw new Error('CDATA outside an element');
      top.text += m[1];
      continue;
    }
    const name = m[3];
    if (!name) continue; // processing instruction or comment
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (m[2] === '/') {
      const open = stack.pop();
      if (!open || open.name !== local) throw new Error(`unexpected </${name}>`);
      continue;
    }
    const element: XmlElement = { name: local, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (m[5] !== '/') stack.push(element);
  }
  if (text.slice(last).trim() || stack.length > 0 || !root) throw new Error('unterminated document');
  return root;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const c = child(element, name);
  return c ? c.text.trim() : undefined;
}

/** A value tree rendered as XML: objects become elements, arrays repeat the given member name. */
export type XmlValue = string | number | boolean | Date | undefined | XmlNode | XmlList;
export interface XmlNode {
  readonly [name: string]: XmlValue;
}
export interface XmlList {
  readonly member: string;
  readonly items: readonly XmlValue[];
}

function isList(value: XmlValue): value is XmlList {
  return typeof value === 'object' && !(value instanceof Date) && Array.isArray((value as XmlList).items);
}

function render(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value !== 'object') return `<${name}>${escapeXml(String(value))}</${name}>`;
  if (isList(value)) return `<${name}>${value.items.map((i) => render(value.member, i)).join('')}</${name}>`;
  return `<${name}>${Object.entries(value).map(([k, v]) => render(k, v)).join('')}</${name}>`;
}

export function buildXml(root: string, body: XmlNode, namespace?: string): string {
  const inner = Object.entries(body).map(([k, v]) => render(k, v)).join('');
  const ns = namespace ? ` xmlns="${namespace}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${inner}</${root}>`;
}
