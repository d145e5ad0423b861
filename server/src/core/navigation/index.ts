export { definitionAt, referencesAt, referenceSpans, declarationOf, type ReferenceSpan } from './references';
export { documentSymbols, type SymbolEntry } from './symbols';
export { mrapsInTemplate, type MrapInfo, type MrapRegionInfo } from './mraps';
export { locate, type Located, type Step } from './locate';
