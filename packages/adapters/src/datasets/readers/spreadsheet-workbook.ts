import { open as openFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { isDomainError, type ReadProblem } from '@spice/domain';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { dateKindOfFormat, type DateKind } from './spreadsheet-cell-text';
import { readXml } from './spreadsheet-xml';
import { badInput, messageOf } from './parquet-read-report';

export interface SheetInfo {
  readonly name: string;
  /** The sheet's part inside the archive, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
  readonly hidden: boolean;
}

/**
 * What every sheet of an XLSX workbook needs to turn its cells into text: the shared string table, the date
 * kind of every cell style and the date system. Sheets themselves are streamed on demand with openPart.
 */
export interface Workbook {
  readonly sheets: readonly SheetInfo[];
  readonly sharedStrings: readonly string[];
  /** By cell style index (`s` attribute): whether numbers in that style are shown as dates or times. */
  readonly styleDateKinds: readonly (DateKind | null)[];
  readonly date1904: boolean;
  openPart(part: string): Promise<Readable>;
  close(): void;
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

const fileProblem = (rule: string, message: string): ReadProblem => ({ rule, message });

/** Tells a 0-byte file, an old binary workbook and a file that is not an archive at all apart before unzipping. */
async function checkSignature(filePath: string): Promise<void> {
  const handle = await openFile(filePath, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead === 0) throw badInput([fileProblem('empty-file', 'The file is empty (0 bytes).')]);
    if (head.subarray(0, 8).equals(OLE_MAGIC)) {
      throw badInput([
        fileProblem(
          'unsupported-format',
          'The file is an Excel 97–2003 workbook (.xls) or a password-protected workbook, not an XLSX workbook; ' +
            'save it from Excel as .xlsx without a password and upload it again.',
        ),
      ]);
    }
    if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
      throw badInput([
        fileProblem(
          'unsupported-format',
          'The file is not an XLSX workbook: an XLSX file is a ZIP archive and this one is not. ' +
            'Check that the right file was chosen, or save it from Excel as .xlsx.',
        ),
      ]);
    }
  } finally {
    await handle.close();
  }
}

const corrupt = (detail: string) =>
  badInput([fileProblem('corrupt-file', `The XLSX workbook is damaged and cannot be read: ${detail}.`)]);

async function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** Relationship targets are relative to the folder of the part that owns them, or absolute from the root. */
const resolveTarget = (ownerPart: string, target: string) =>
  target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(ownerPart), target));

const relationshipsPart = (part: string) =>
  posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

export async function openWorkbook(filePath: string): Promise<Workbook> {
  await checkSignature(filePath);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(filePath, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw corrupt(messageOf(error));
  }
  try {
    const entries = await listEntries(zip);
    const openPart = async (part: string): Promise<Readable> => {
      const entry = entries.get(part);
      if (!entry) throw corrupt(`the part ${part} is missing`);
      const stream = await zip.openReadStreamPromise(entry);
      stream.setEncoding('utf8');
      return stream;
    };
    const readRelationships = async (part: string) => {
      const relationships = new Map<string, Relationship>();
      if (!entries.has(relationshipsPart(part))) return relationships;
      await readXml(await openPart(relationshipsPart(part)), {
        open(name, attributes) {
          if (name !== 'Relationship' || !attributes.Id || !attributes.Target) return;
          if (attributes.TargetMode === 'External') return;
          relationships.set(attributes.Id, {
            type: attributes.Type ?? '',
            target: resolveTarget(part, attributes.Target),
          });
        },
      });
      return relationships;
    };

    const packageRelationships = await readRelationships('');
    const workbookPart =
      [...packageRelationships.values()].find((relation) => relation.type.endsWith('/officeDocument'))
        ?.target ?? 'xl/workbook.xml';
    if (!entries.has(workbookPart)) {
      throw badInput([
        fileProblem(
          'unsupported-format',
          'The file is a ZIP archive but not an XLSX workbook (it has no workbook part); ' +
            'check that the right file was chosen.',
        ),
      ]);
    }
    const relationships = await readRelationships(workbookPart);
    const { sheets, date1904 } = await readWorkbookPart(await openPart(workbookPart), relationships);
    const partOfType = (suffix: string) =>
      [...relationships.values()].find((relation) => relation.type.endsWith(suffix))?.target;
    const sharedStringsPart = partOfType('/sharedStrings');
    const stylesPart = partOfType('/styles');
    return {
      sheets,
      date1904,
      sharedStrings:
        sharedStringsPart && entries.has(sharedStringsPart)
          ? await readSharedStrings(await openPart(sharedStringsPart))
          : [],
      styleDateKinds:
        stylesPart && entries.has(stylesPart) ? await readStyleDateKinds(await openPart(stylesPart)) : [],
      openPart,
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    if (isDomainError(error)) throw error;
    throw corrupt(messageOf(error));
  }
}

async function readWorkbookPart(
  text: Readable,
  relationships: ReadonlyMap<string, Relationship>,
): Promise<{ sheets: SheetInfo[]; date1904: boolean }> {
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await readXml(text, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      const relationId = Object.entries(attributes).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1];
      const relation = relationId === undefined ? undefined : relationships.get(relationId);
      // Chart sheets and dialog sheets hold no cells.
      if (!relation?.type.endsWith('/worksheet') || attributes.name === undefined) return;
      sheets.push({
        name: attributes.name,
        part: relation.target,
        hidden: (attributes.state ?? 'visible') !== 'visible',
      });
    },
  });
  return { sheets, date1904 };
}

/** Each `<si>` is one string: its plain `<t>` or its rich-text runs joined, without phonetic (`<rPh>`) guides. */
async function readSharedStrings(text: Readable): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await readXml(text, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = !inPhonetic;
    },
    text(value) {
      if (inText) current += value;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

async function readStyleDateKinds(text: Readable): Promise<(DateKind | null)[]> {
  const formatCodes = new Map<number, string>();
  const kinds: (DateKind | null)[] = [];
  let inCellFormats = false;
  await readXml(text, {
    open(name, attributes) {
      if (name === 'numFmt' && attributes.numFmtId !== undefined && attributes.formatCode !== undefined) {
        formatCodes.set(Number(attributes.numFmtId), attributes.formatCode);
      } else if (name === 'cellXfs') {
        inCellFormats = true;
      } else if (name === 'xf' && inCellFormats) {
        const id = Number(attributes.numFmtId ?? 0);
        kinds.push(dateKindOfFormat(id, formatCodes.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellFormats = false;
    },
  });
  return kinds;
}
