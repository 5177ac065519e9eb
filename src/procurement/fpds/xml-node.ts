/** Read-only helpers over the plain objects fast-xml-parser produces (all values unknown). */

export type XmlNode = { readonly [key: string]: unknown };

export function isXmlNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The node at a path of element names (namespace prefixes removed), taking the first of repeated
 * elements; undefined when any step is missing.
 *
 * @example
 * childAt(award, 'awardID', 'awardContractID', 'PIID');
 */
export function childAt(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isXmlNode(current)) return undefined;
    current = current[key];
  }
  return Array.isArray(current) ? current[0] : current;
}

/** An element's text, trimmed; '' for a missing or empty element. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isXmlNode(node)) return textOf(node['#text']);
  return '';
}

/** An attribute of an element (`name`, `description`), '' when absent. */
export function attributeOf(node: unknown, name: string): string {
  return isXmlNode(node) ? textOf(node[`@_${name}`]) : '';
}

/**
 * The first element with this name anywhere below `node`, depth first: FPDS has moved some
 * elements between schema versions (vendorUEIInformation sits under entityIdentifiers in 1.5).
 */
export function findElement(node: unknown, name: string): unknown {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findElement(item, name);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isXmlNode(node)) return undefined;
  if (name in node) return childAt(node, name);
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text') continue;
    const found = findElement(value, name);
    if (found !== undefined) return found;
  }
  return undefined;
}
