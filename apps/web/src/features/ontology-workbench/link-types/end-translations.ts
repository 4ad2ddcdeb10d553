import type { LinkTypeDefinition } from '@spice/domain';

type EndTranslations = LinkTypeDefinition['forward']['translations'];
type LinkTranslations = LinkTypeDefinition['translations'];

/** Sets a link end's name in one language; an empty name drops the language, so clearing it restores the saved shape. */
export function withEndName(all: EndTranslations, language: string, displayName: string): EndTranslations {
  const next = { ...all };
  if (displayName === '') delete next[language];
  else next[language] = { displayName };
  return next;
}

/** Sets the link type's description in one language, dropped when emptied. */
export function withLinkDescription(
  all: LinkTranslations,
  language: string,
  description: string,
): LinkTranslations {
  const next = { ...all };
  if (description === '') delete next[language];
  else next[language] = { description };
  return next;
}
