import type { ObjectTypeDefinition } from '@spice/domain';

type Translations = ObjectTypeDefinition['translations'];
type Text = 'displayName' | 'pluralDisplayName' | 'description';

/** Sets one translated text; a language left with no text is dropped, so clearing a field restores the saved shape. */
export function withTranslation(all: Translations, language: string, field: Text, value: string): Translations {
  const current = { ...(all[language] ?? {}) } as Record<Text, string | undefined>;
  if (value === '') delete current[field];
  else current[field] = value;
  const next = { ...all };
  if (Object.values(current).every((v) => v === undefined)) delete next[language];
  else next[language] = current;
  return next;
}
