/** The choices the read-option controls offer (upload, re-read, connectors): one list, so they never drift apart. */
export const READ_FORMATS = ['csv', 'tsv', 'xlsx', 'json', 'ndjson', 'parquet'] as const;

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'cp949', 'euc-kr', 'latin1', 'windows-1252', 'shift_jis'];

const CHOICES = {
  format: READ_FORMATS.map((f) => ({ value: f, label: f })),
  encoding: ENCODINGS.map((e) => ({ value: e, label: e })),
  delimiter: [
    { value: ',', label: 'comma ,' },
    { value: ';', label: 'semicolon ;' },
    { value: '\t', label: 'tab' },
    { value: '|', label: 'pipe |' },
  ],
  hasHeader: [
    { value: 'true', label: 'first row is the header' },
    { value: 'false', label: 'no header row' },
  ],
} as const satisfies Record<string, readonly { value: string; label: string }[]>;

/** A delimiter as people name it: a tab or a space is invisible in a cell. */
export const showDelimiter = (d: string | null) => (d === null ? '—' : d === '\t' ? 'tab' : d === ' ' ? 'space' : d);

/** The options of a read-option select; the empty value (`detect`, or what was detected) leaves it to the reader. */
export function ReadChoices({ of, detect = 'detect' }: { of: keyof typeof CHOICES; detect?: string }) {
  return (
    <>
      <option value="">{detect}</option>
      {CHOICES[of].map((c) => (
        <option key={c.label} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
}
