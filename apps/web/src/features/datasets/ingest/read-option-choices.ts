/** The choices the read-option controls offer (upload, re-read, connectors): one list, so they never drift apart. */
export const READ_FORMATS = ['csv', 'tsv', 'xlsx', 'json', 'ndjson', 'parquet'] as const;

export const READ_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'cp949', 'euc-kr', 'latin1', 'windows-1252', 'shift_jis'];

export const READ_DELIMITERS = [
  { value: ',', label: 'comma ,' },
  { value: ';', label: 'semicolon ;' },
  { value: '\t', label: 'tab' },
  { value: '|', label: 'pipe |' },
];

/** A delimiter as people name it: a tab or a space is invisible in a cell. */
export const showDelimiter = (d: string | null) => (d === null ? '—' : d === '\t' ? 'tab' : d === ' ' ? 'space' : d);
