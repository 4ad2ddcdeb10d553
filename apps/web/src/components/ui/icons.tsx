import type { SVGProps } from 'react';

/** The few line icons the workbench uses (24px grid, stroked), so no icon font or package is needed. */
const PATHS = {
  ontology: 'M12 3v4m0 10v4M5.6 7.5l3.5 2M14.9 14.5l3.5 2M18.4 7.5l-3.5 2M9.1 14.5l-3.5 2M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  datasets: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  pipelines: 'M4 5h5v4H4zM15 15h5v4h-5zM9 7h3a2 2 0 0 1 2 2v6a2 2 0 0 0 2 2',
  objects: 'M12 3l8 4.5v9L12 21l-8-4.5v-9zM12 12l8-4.5M12 12v9M12 12L4 7.5',
  lineage: 'M5 6a2 2 0 1 0 0-.01M19 6a2 2 0 1 0 0-.01M12 18a2 2 0 1 0 0-.01M7 6h10M6 8l5 8M18 8l-5 8',
  audit: 'M8 4h8l4 4v12H4V4h4zm0 8h8m-8 4h5',
  admin: 'M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6zm-3 9l2 2 4-4',
  deadLetters: 'M4 13l2.5-8h11l2.5 8v6H4zm0 0h5l1 2h4l1-2h5M12 7v4m0 2.5v.5',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm9 16l-4-4',
  plus: 'M12 5v14M5 12h14',
  trash: 'M5 7h14M10 7V5h4v2M7 7l1 12h8l1-12',
  logo: 'M12 2l2.4 6.6L21 11l-6.6 2.4L12 20l-2.4-6.6L3 11l6.6-2.4z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, ...props }: { name: IconName } & SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" width={16} height={16} aria-hidden {...props}>
      <path d={PATHS[name]} />
    </svg>
  );
}
