import { defineConfig } from 'vitest/config';

// The tier is in the file name: *.unit.spec.ts are pure and fast; *.int.spec.ts touch real I/O
// (embedded adapters, or the real services that `scripts/stack up` starts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages}/**/src/**/*.unit.spec.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['{apps,packages}/**/src/**/*.int.spec.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
