// Types for parse-prometheus-text-format (the package ships none). Gauges, counters and untyped samples keep their
// labels; histograms and summaries are folded into one sample per family (it drops their labels, and the count and
// sum of labelled ones): read those through prom-client instead.
declare module 'parse-prometheus-text-format' {
  export interface Sample {
    value: string;
    labels?: Record<string, string>;
  }
  export interface FoldedSample {
    buckets?: Record<string, string>;
    quantiles?: Record<string, string>;
    count?: string;
    sum?: string;
    labels?: Record<string, string>;
  }
  export interface MetricFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: Array<Sample | FoldedSample>;
  }
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
