/** The relay's durable position in the event store index. */
export interface RelayCheckpointStore {
  load(relay: string): Promise<string | null>;
  save(relay: string, position: string): Promise<void>;
}
