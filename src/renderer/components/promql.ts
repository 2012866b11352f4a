import type { HLJSApi, Language } from 'highlight.js';

const FUNCTIONS = [
  'abs', 'absent', 'avg_over_time', 'ceil', 'changes', 'clamp', 'clamp_max', 'clamp_min', 'count_over_time',
  'delta', 'deriv', 'exp', 'floor', 'histogram_quantile', 'holt_winters', 'idelta', 'increase', 'irate',
  'label_join', 'label_replace', 'ln', 'max_over_time', 'min_over_time', 'predict_linear', 'quantile_over_time',
  'rate', 'resets', 'round', 'scalar', 'sort', 'sort_desc', 'sqrt', 'stddev_over_time', 'sum_over_time', 'time',
  'timestamp', 'vector',
];

const AGGREGATIONS = [
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile',
];

/**
 * A small PromQL grammar for highlight.js, which ships none: functions,
 * aggregation keywords, label matchers, durations such as [5m], and numbers.
 */
export function promql(hljs: HLJSApi): Language {
  return {
    name: 'PromQL',
    keywords: {
      keyword: ['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'and', 'or', 'unless'],
      built_in: [...FUNCTIONS, ...AGGREGATIONS],
    },
    contains: [
      hljs.HASH_COMMENT_MODE,
      hljs.QUOTE_STRING_MODE,
      { className: 'string', begin: /'/, end: /'/ },
      { className: 'number', begin: /\[[0-9]+[smhdwy]\]/ },
      { className: 'attr', begin: /[a-zA-Z_][a-zA-Z0-9_]*(?=\s*(=~|!~|!=|=))/ },
      hljs.NUMBER_MODE,
    ],
  };
}
