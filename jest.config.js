// Unit tests (*.spec.ts beside the code) and integration tests (apps/api/test/**/*.int-spec.ts,
// the real app over HTTP and socket.io on a real database). `scripts/test.mjs` runs them.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const moduleNameMapper = {
  '^@ilr/shared$': '<rootDir>/libs/shared/src',
  '^@ilr/shared/(.*)$': '<rootDir>/libs/shared/src/$1',
  '^@ilr/scheduler$': '<rootDir>/libs/scheduler/src',
  '^@ilr/scheduler/(.*)$': '<rootDir>/libs/scheduler/src/$1',
};
const common = { transform: { '^.+\\.tsx?$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
    },
  ],
};
