import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, csvLine, exportFileName, ndjsonLine, type ExportJob } from './export';

const job: ExportJob = {
  id: '5b990806-5339-4167-aebf-97a9508bdd3e',
  job_class: 'ExampleJob',
  queue_name: 'default',
  priority: -5,
  labels: ['a', 'b,c'],
  executions_count: 3,
  batch_id: null,
  created_at: '2026-11-22 12:07:49.123456',
  scheduled_at: '2026-11-22 12:07:49.123456',
  performed_at: '2026-11-22 12:07:50',
  finished_at: '2026-11-22 12:07:51.5',
  error: '=HYPERLINK("http://evil")\nline 2',
  serialized_params_text: '{"arguments": [12345678901234567890], "job_class": "ExampleJob"}',
};
const now = new Date('2026-11-22T13:00:00Z');

describe('CSV', () => {
  it('quotes per RFC 4180 and neutralises formulas in text, not in numbers', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a "quoted", value')).toBe('"a ""quoted"", value"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvField(['x', 'y'])).toBe('"[""x"",""y""]"');
  });
  it('writes one line per job with GoodJob’s state name and ISO 8601 UTC times', () => {
    expect(csvHeader()).toBe('id,job_class,queue_name,priority,labels,state,attempts,created_at,scheduled_at,performed_at,finished_at,error,batch_id\r\n');
    expect(csvLine(job, now)).toBe(
      '5b990806-5339-4167-aebf-97a9508bdd3e,ExampleJob,default,-5,"[""a"",""b,c""]",discarded,3,2026-11-22T12:07:49.123456Z,2026-11-22T12:07:49.123456Z,2026-11-22T12:07:50Z,2026-11-22T12:07:51.5Z,"\'=HYPERLINK(""http://evil"")\nline 2",\r\n',
    );
  });
});

describe('NDJSON', () => {
  it('writes one JSON object per line, serialized_params as stored (big numbers intact)', () => {
    const line = ndjsonLine(job, now);
    expect(line.endsWith('}\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    expect(line).toContain('"serialized_params":{"arguments": [12345678901234567890]');
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ id: job.id, state: 'discarded', attempts: 3, labels: ['a', 'b,c'], error: job.error, created_at: '2026-11-22T12:07:49.123456Z' });
  });
});

describe('exportFileName', () => {
  it('names the batch or the filter in safe characters', () => {
    expect(exportFileName({ batchId: job.id }, 'csv')).toBe(`batch-${job.id}-jobs.csv`);
    expect(exportFileName({ filter: { state: 'discarded', queue: 'mice/../x', q: null } }, 'ndjson')).toBe('jobs_state-discarded_queue-mice-..-x.ndjson');
  });
});
