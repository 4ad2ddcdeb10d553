/** Local working files for one ingest: the spooled upload, the reader's output, the typed Parquet. */
export interface ScratchDir {
  readonly path: string;
  /** The absolute path of a file in this directory. */
  file(name: string): string;
  /** Removes the directory and everything in it. */
  release(): Promise<void>;
}

export interface ScratchSpace {
  create(label: string): Promise<ScratchDir>;
}

/** Local copies of immutable object-store files (versions' Parquet), fetched once and reused by reads. */
export interface LocalFileCache {
  /**
   * Runs `work` on a local path holding the object's bytes; the copy stays on disk until `work` ends (the
   * cache may delete unused copies to keep within its size). DomainError OBJECT_STORE.NOT_FOUND when there is
   * no such object.
   */
  withLocalFile<T>(key: string, work: (path: string) => Promise<T>): Promise<T>;
  /**
   * Takes a copy of a file the caller has just stored at `key` (an ingest's typed file), so that the first read
   * of the new version does not fetch back what this machine already has. Never fails the caller: a copy it
   * cannot take is reported in its own log, and the first read fetches the file.
   */
  keep(key: string, localPath: string): Promise<void>;
}
