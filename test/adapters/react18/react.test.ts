// The React adapter on React 18: the `react18` vitest project maps react, react-dom and
// @testing-library/react's imports of them to this folder's own React 18 (./package.json).
import { reactSuite } from '../support/react-suite'

reactSuite('18')
