// ESLint: typescript-eslint's type-checked rules over every TypeScript file, React's hook rules over the views, and
// test rules that keep assertions able to fail. Run by `npm run lint` (part of `npm test`).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * `expect(screen.getByText(…)).toBeTruthy()` cannot fail (getBy and findBy throw when nothing matches), so it asserts
 * nothing: the query is matched directly, through `within(…)`, destructured, or awaited.
 */
const QUERY = '/^(getBy|getAllBy|findBy|findAllBy)/';
const EXPECT_TRUTHY = "CallExpression[callee.property.name='toBeTruthy'] > MemberExpression > CallExpression[callee.name='expect']";
const truthyAfterQuery = [
  `${EXPECT_TRUTHY} > CallExpression[callee.property.name=${QUERY}]`,
  `${EXPECT_TRUTHY} > CallExpression[callee.name=${QUERY}]`,
  `${EXPECT_TRUTHY} > AwaitExpression > CallExpression[callee.property.name=${QUERY}]`,
  `${EXPECT_TRUTHY} > AwaitExpression > CallExpression[callee.name=${QUERY}]`,
].map((selector) => ({
  selector,
  message: 'A getBy/findBy query throws when nothing matches: assert toBeInTheDocument() or toBeVisible(), or nothing.',
}));

export default defineConfig(
  { ignores: ['dist/', 'dist-layers/', 'node_modules/', 'test-results/', 'playwright-report/', 'blob-report/', 'bench-results/', '.sandbox-data/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An async function without await is how fakes and oidc-provider's callbacks meet a Promise-returning signature;
      // promises that are dropped or misused are still caught by no-floating-promises and no-misused-promises.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks a parameter or binding kept for its position (callbacks, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['src/**/*.{ts,tsx}', 'bench/floor-layers/*.tsx', 'test/**/*.{ts,tsx}'], extends: [reactHooks.configs.flat.recommended] },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(todo|skip|only)$/]",
          message: 'Every test runs and can fail: no it.todo, it.skip or it.only.',
        },
        ...truthyAfterQuery,
      ],
    },
  },
  {
    // The sandbox's own tests read its raw JSON answers (Bundles, the CapabilityStatement, OperationOutcomes) to check
    // the exact wire shapes; typing each answer would restate FHIR. The other type-checked rules still apply there.
    files: ['test/sandbox-server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Plain JavaScript (the benchmark's bare client, a stub, this file): no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
