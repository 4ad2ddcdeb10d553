type Fields = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Up to event schema version 2 (and export format version 1) a link type's own `translations` held a display name,
 * which the RDF export wrote as the label of the forward end. Since version 3 each end carries its own translations
 * and the link type's hold only the description; an older link type's translated name becomes its forward end's
 * (unless that end already has one), and its plural name, which nothing ever showed, is dropped. A link type in
 * the current shape comes back unchanged.
 */
export function upcastLinkType(fields: Fields): Fields {
  const translations = fields.translations;
  const forward = fields.forward;
  if (!isRecord(translations) || !isRecord(forward)) return fields;
  const own: Record<string, unknown> = {};
  const forwardNames: Record<string, { displayName: unknown }> = {};
  let older = false;
  for (const [language, texts] of Object.entries(translations)) {
    if (!isRecord(texts) || (!('displayName' in texts) && !('pluralDisplayName' in texts))) {
      own[language] = texts;
      continue;
    }
    older = true;
    const { displayName, pluralDisplayName, ...rest } = texts;
    if (displayName !== undefined) forwardNames[language] = { displayName };
    if (Object.keys(rest).length > 0) own[language] = rest;
  }
  if (!older) return fields;
  const endTranslations = isRecord(forward.translations) ? forward.translations : {};
  return {
    ...fields,
    translations: own,
    forward: { ...forward, translations: { ...forwardNames, ...endTranslations } },
  };
}
