// The React adapter on the root's React 19; test/adapters/react18/ runs the same suite on React 18.
import { reactSuite } from './support/react-suite'

reactSuite('19')
