/**
 * Finds the arrays of records in a JSON document while it streams past, and hands out the text of each record
 * (one element of such an array) with the line it starts on. It follows only the document's structure —
 * brackets, braces, strings and keys — so a 1 GB array passes through in bounded memory; each record's text
 * is then parsed on its own by json-value-parser.
 *
 * Record arrays are the top-level array (`$`), or arrays reached through object keys from a top-level object
 * (`$.data`, `$.result.items`, at most three levels down). Arrays inside records are values, not tables.
 */

export interface RecordArrayInfo {
  readonly path: string;
  /** The line its `[` is on. */
  readonly line: number;
  count: number;
  /** Elements that are objects (the others are not records and will be reported). */
  objects: number;
}

export interface JsonElement {
  readonly path: string;
  /** 0-based position in its array. */
  readonly index: number;
  readonly line: number;
  readonly text: string;
}

export interface DocumentShape {
  readonly root: 'array' | 'object' | 'scalar' | 'none';
  readonly arrays: ReadonlyMap<string, RecordArrayInfo>;
  /** The line of a second top-level value after the first one closed (an NDJSON file read as JSON). */
  readonly trailingLine: number | null;
}

export class JsonStructureError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'JsonStructureError';
  }
}

const TRACKED_DEPTH = 3;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;

interface Frame {
  readonly open: number;
  readonly line: number;
  /** Set for the root and for objects and arrays reached through keys of tracked objects. */
  readonly path: string | null;
  readonly records: RecordArrayInfo | null;
  expectKey: boolean;
  key: string | null;
}

interface ElementInProgress {
  readonly path: string;
  readonly index: number;
  readonly line: number;
  readonly capture: boolean;
  readonly pieces: string[];
  start: number;
}

export const childPath = (path: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

const frameName = (frame: Frame) => (frame.open === OPEN_BRACE ? 'object' : 'array');

export async function scanJsonDocument(
  chunks: AsyncIterable<string>,
  visitor: {
    /** Whether the element's text is wanted; elements not captured are only counted. */
    capture(path: string, index: number): boolean;
    onElement(element: JsonElement): void | Promise<void>;
  },
): Promise<DocumentShape> {
  const arrays = new Map<string, RecordArrayInfo>();
  const stack: Frame[] = [];
  let root: DocumentShape['root'] = 'none';
  let rootClosed = false;
  let line = 1;
  let inString = false;
  let escaped = false;
  let keyPieces: string[] | null = null;
  let keyStart = 0;
  let element: ElementInProgress | null = null;

  const decodeKey = (raw: string) => {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  };

  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += 1) {
      const code = chunk.charCodeAt(i);
      if (code === 10) line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (code === 92) escaped = true;
        else if (code === 34) {
          inString = false;
          if (keyPieces) {
            keyPieces.push(chunk.slice(keyStart, i));
            stack.at(-1)!.key = decodeKey(keyPieces.join(''));
            keyPieces = null;
          }
        }
        continue;
      }
      if (code === 32 || code === 10 || code === 13 || code === 9) continue;

      const top = stack.at(-1);
      if (code === 44 || code === 93 || code === 125) {
        if (element && top?.records && element.path === top.records.path) {
          if (element.capture) {
            element.pieces.push(chunk.slice(element.start, i));
            const done = element;
            element = null;
            const visited = visitor.onElement({
              path: done.path,
              index: done.index,
              line: done.line,
              text: done.pieces.join(''),
            });
            if (visited) await visited;
          } else {
            element = null;
          }
        }
        if (code === 44) {
          if (top?.open === OPEN_BRACE) top.expectKey = true;
          continue;
        }
        const closed = stack.pop();
        const expected = code === 125 ? OPEN_BRACE : OPEN_BRACKET;
        if (!closed) {
          throw new JsonStructureError(`Line ${line}: '${String.fromCharCode(code)}' closes nothing.`, line);
        }
        if (closed.open !== expected) {
          throw new JsonStructureError(
            `Line ${line}: '${String.fromCharCode(code)}' cannot close the ${frameName(closed)} opened on line ${closed.line}.`,
            line,
          );
        }
        if (stack.length === 0) rootClosed = true;
        continue;
      }
      if (code === 58) {
        if (top?.open === OPEN_BRACE) top.expectKey = false;
        continue;
      }

      // Anything else begins or continues a value.
      if (!top) {
        if (rootClosed) return { root, arrays, trailingLine: line };
        if (root === 'none')
          root = code === OPEN_BRACKET ? 'array' : code === OPEN_BRACE ? 'object' : 'scalar';
      } else if (top.records && !element) {
        const records = top.records;
        const index = records.count;
        records.count += 1;
        if (code === OPEN_BRACE) records.objects += 1;
        element = {
          path: records.path,
          index,
          line,
          capture: visitor.capture(records.path, index),
          pieces: [],
          start: i,
        };
      }
      if (code === 34) {
        inString = true;
        if (top?.open === OPEN_BRACE && top.path !== null && top.expectKey) {
          keyPieces = [];
          keyStart = i + 1;
        }
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        let path: string | null = null;
        if (!top) path = '$';
        else if (
          top.open === OPEN_BRACE &&
          top.path !== null &&
          top.key !== null &&
          stack.length < TRACKED_DEPTH
        ) {
          path = childPath(top.path, top.key);
        } else if (
          top.open === OPEN_BRACE &&
          top.path !== null &&
          top.key !== null &&
          code === OPEN_BRACKET
        ) {
          path = childPath(top.path, top.key);
        }
        let records: RecordArrayInfo | null = null;
        if (code === OPEN_BRACKET && path !== null) {
          records = { path, line, count: 0, objects: 0 };
          arrays.set(path, records);
        }
        stack.push({ open: code, line, path, records, expectKey: code === OPEN_BRACE, key: null });
      }
    }
    if (keyPieces) {
      keyPieces.push(chunk.slice(keyStart));
      keyStart = 0;
    }
    if (element?.capture) {
      element.pieces.push(chunk.slice(element.start));
      element.start = 0;
    }
  }
  const open = stack.at(-1);
  if (open) {
    throw new JsonStructureError(
      `The JSON text ends before the ${frameName(open)} opened on line ${open.line} is closed; the file may be cut short.`,
      line,
    );
  }
  if (inString)
    throw new JsonStructureError('The JSON text ends inside a string; the file may be cut short.', line);
  return { root, arrays, trailingLine: null };
}
