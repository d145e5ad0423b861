/** Tests apply fixes exactly as the product does. */
export { applyEdits } from '../../server/src/core';
