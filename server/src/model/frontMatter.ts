/** YAML front matter: title, author, date and the like, for display; broken YAML is reported, not fatal. */
import { parse } from 'yaml';
import type { FrontMatter } from './types';
import type { DocItem } from './document';

/** Read once per placed front matter item: the YAML parser is not cheap, and it rarely changes. */
const readFrontMatter = new WeakMap<DocItem, FrontMatter>();

/** A YAML mapping (not a list, not a scalar): what front matter and settings are read from. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseFrontMatter(doc: DocItem): FrontMatter {
  let frontMatter = readFrontMatter.get(doc);
  if (!frontMatter) {
    frontMatter = readYaml(doc);
    readFrontMatter.set(doc, frontMatter);
  }
  return frontMatter;
}

function readYaml(doc: DocItem): FrontMatter {
  const fields: Record<string, string> = {};
  try {
    const value: unknown = parse(doc.item.value ?? '');
    if (isRecord(value)) {
      for (const [key, field] of Object.entries(value)) {
        if (typeof field === 'string' || typeof field === 'number') fields[key] = String(field);
        else if (field instanceof Date) fields[key] = field.toISOString().slice(0, 10);
      }
    }
    return { range: doc.range, fields, error: null };
  } catch (error) {
    return { range: doc.range, fields, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}
