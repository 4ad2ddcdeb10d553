import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

/** Element names without their namespace prefix: some writers spell `<x:c>` where Excel writes `<c>`. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/**
 * Streams one XML part through a SAX parser. The stream must already be decoded text (setEncoding('utf8')
 * keeps a character that straddles two chunks whole). Handlers run synchronously for every chunk; a handler
 * that throws stops the parse and the error propagates.
 */
export async function readXml(text: Readable, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  const { open, text: onText, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  if (onText) {
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  try {
    for await (const chunk of text) {
      parser.write(chunk as string);
      if (failure) throw failure;
    }
    parser.close();
    if (failure) throw failure;
  } finally {
    text.destroy();
  }
}
