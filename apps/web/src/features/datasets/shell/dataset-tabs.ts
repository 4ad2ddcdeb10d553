/** The dataset workspace's tabs: their route under the dataset, the routes that light them, and the `g` chord. */
export const DATASET_TABS = [
  { label: 'Preview', path: '', matches: [''], chord: 'p' },
  { label: 'Profile', path: '/profile', matches: ['/profile'], chord: 'f' },
  { label: 'History', path: '/history', matches: ['/history', '/diff'], chord: 'h' },
  { label: 'Branches', path: '/branches', matches: ['/branches'], chord: 'b' },
  { label: 'Uploads', path: '/uploads', matches: ['/uploads', '/ingests'], chord: 'u' },
  { label: 'Connectors', path: '/connectors', matches: ['/connectors'], chord: 'c' },
] as const;
