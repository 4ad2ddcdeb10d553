import type { z } from 'zod';
import type { ZTranslations } from '../model/definitions';
import { json, text, type RdfLiteral, type RdfNodeBuilder, type RdfTerm } from './rdf-graph';
import { RDFS, SH } from './vocabulary';

type Translations = z.infer<typeof ZTranslations>;

/** An entity's English texts; each is written only when the entity has that field. */
export interface EnglishTexts {
  readonly displayName?: string;
  readonly pluralDisplayName?: string;
  readonly description?: string;
}

const isEnglish = (language: string) => language === '' || language === 'en' || language.startsWith('en-');

/**
 * English as `@en` labels and comments, other languages as their own language tags, so any RDF tool shows them.
 * A translation marked as English can't be told apart from the main texts that way and goes as sh:translations.
 */
export function writeTexts(node: RdfNodeBuilder, english: EnglishTexts, translations: Translations = {}): void {
  const languages = Object.keys(translations).sort();
  const tagged = !languages.some(isEnglish);
  const inLanguages = (field: keyof Translations[string]): RdfLiteral[] =>
    tagged
      ? languages.flatMap((l) => {
          const value = translations[l]?.[field];
          return value === undefined ? [] : [text(value, l)];
        })
      : [];
  if (english.displayName !== undefined) node.add(RDFS.label, text(english.displayName, 'en'));
  node.add(RDFS.label, ...inLanguages('displayName'));
  if (english.pluralDisplayName) node.add(SH.pluralLabel, text(english.pluralDisplayName, 'en'));
  node.add(SH.pluralLabel, ...inLanguages('pluralDisplayName'));
  if (english.description) node.add(RDFS.comment, text(english.description, 'en'));
  node.add(RDFS.comment, ...inLanguages('description'));
  if (!tagged) node.add(SH.translations, json(translations));
}

/** Language tags compare without case and n3 lower-cases them; our translation keys are `ko` or `pt-BR`. */
function translationKey(language: string): string | null {
  const m = /^([a-z]{2})(?:-([a-z]{2}))?$/i.exec(language);
  if (!m) return null;
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase();
}

export interface ReadTexts {
  displayName?: string;
  pluralDisplayName?: string;
  description?: string;
  translations: Record<string, { displayName?: string; pluralDisplayName?: string; description?: string }>;
}

/** The texts `writeTexts` wrote, or those another tool wrote: untagged literals count as English. */
export function readTexts(values: ReadonlyMap<string, readonly RdfTerm[]>, translationsJson: unknown): ReadTexts {
  const texts: ReadTexts = { translations: {} };
  const fields = [
    [RDFS.label, 'displayName'],
    [SH.pluralLabel, 'pluralDisplayName'],
    [RDFS.comment, 'description'],
  ] as const;
  const found: Record<string, Record<string, string>> = {};
  for (const [predicate, field] of fields) {
    const literals = (values.get(predicate) ?? []).filter((v): v is RdfLiteral => v.termType === 'Literal');
    const english = literals.find((l) => l.language === 'en') ?? literals.find((l) => isEnglish(l.language));
    if (english) texts[field] = english.value;
    for (const l of literals) {
      const key = isEnglish(l.language) ? null : translationKey(l.language);
      if (key === null) continue;
      const entry = (found[key] ??= {});
      entry[field] ??= l.value;
    }
  }
  if (translationsJson !== undefined) texts.translations = translationsJson as ReadTexts['translations'];
  else for (const key of Object.keys(found).sort()) texts.translations[key] = found[key]!;
  return texts;
}
