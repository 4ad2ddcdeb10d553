export type {
  ColumnProposal,
  DecimalSeparator,
  GeopointLayout,
  InferenceAlternative,
  InferenceOptions,
  InferenceWarning,
  NullSummary,
  ParseFormat,
  ParseSpec,
  TableProposal,
  ThousandsSeparator,
} from './inference.types';
export { DEFAULT_ENUM_MAX_VALUES, DEFAULT_MIN_SHARE, DEFAULT_NULL_TOKENS } from './inference-options';
export {
  createColumnAccumulator,
  createTableInference,
  inferColumn,
  inferTable,
  type ColumnAccumulator,
  type TableInference,
} from './column-accumulator';
export {
  createValueParser,
  parseValue,
  type ParsedValue,
  type ParseFailure,
  type ParseFailureCode,
  type ParseOutcome,
  type ValueParser,
} from './parse-value';
export { defaultFormatFor } from './default-format';
export { ZParseFormat, ZParseSpec } from './parse-spec.schema';
