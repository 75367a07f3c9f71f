export { parseBpmn } from './parse.js';
export { MAX_BPMN_BYTES } from './read-xml.js';
export type * from './model.js';
