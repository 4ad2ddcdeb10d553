/** What a component reports on the health page: which adapter is wired and whether it answers. */
export interface ComponentHealth {
  readonly component: string;
  readonly adapter: string;
  readonly mode: 'embedded' | 'real';
  readonly up: boolean;
  readonly detail?: string;
}

export interface HealthCheckable {
  health(): Promise<ComponentHealth>;
}
