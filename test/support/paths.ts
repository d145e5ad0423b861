import * as path from 'node:path';

/** Tests run from out/test/test/**; fixtures and dist are read from the repository. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const DIST = path.join(REPO_ROOT, 'dist');
