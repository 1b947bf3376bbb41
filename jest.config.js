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
// file-type (what an upload really is) and its dependencies ship as ES modules only. The built app
// require()s them natively (Node >= 20.19); Jest's module system cannot, so swc compiles them to
// CommonJS like our own code. file-type's exports offer Node only an `import` entry: mapped here.
const ESM_PACKAGES = ['file-type', 'strtok3', 'token-types', '@tokenizer/inflate', '@borewit/text-codec', 'uint8array-extras'];
const swcEsm = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
];
const moduleNameMapper = {
  '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  '^@ilr/shared$': '<rootDir>/libs/shared/src',
  '^@ilr/shared/(.*)$': '<rootDir>/libs/shared/src/$1',
  '^@ilr/scheduler$': '<rootDir>/libs/scheduler/src',
  '^@ilr/scheduler/(.*)$': '<rootDir>/libs/scheduler/src/$1',
};
const common = {
  transform: { '^.+\\.tsx?$': swc, '^.+\\.js$': swcEsm },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};

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
