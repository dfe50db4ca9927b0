import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { EMPTY_TALLY, type Tally } from '../domain/job-run';
import type { RunProgress } from './action-state';
import { runSentences, type RunWords } from './run-messages';

const LOCALES = ['en', 'ko', 'ja', 'ru'] as const;
const ID = '0c7a4b8e-1111-4222-8333-444455556666';

function words(locale: (typeof LOCALES)[number]): RunWords {
  const messages = JSON.parse(readFileSync(join(__dirname, '../../messages', `${locale}.json`), 'utf8'));
  const ns = (namespace: string) => createTranslator({ locale, messages, namespace, onError: (e) => { throw e; } }) as unknown as RunWords['run'];
  return { run: ns('Run'), result: ns('ActionResult'), label: ns('JobAction'), batchActions: ns('BatchActions') };
}

const tally = (t: Partial<Tally>): Tally => ({ ...EMPTY_TALLY, ...t });
const progress = (t: Partial<Tally>, total: number | null, totalEstimated = false): RunProgress => ({ id: ID, step: 3, status: 'running', cursor: 'x', tally: tally(t), total, totalEstimated });

/** Every sentence a run can answer with, once per branch. */
function allSentences(m: ReturnType<typeof runSentences>): Record<string, string> {
  return {
    nothingChanged: m.nothingChanged('busy'),
    stoppedBatch: m.stopped('unavailable', tally({ done: 1500, held: 2 }), { batchId: ID }),
    stoppedBulk: m.stopped('error', tally({ done: 1, changed: 3 }), { action: 'retry' }),
    batchGone: m.batchGone(EMPTY_TALLY),
    batchGoneAfter: m.batchGone(tally({ done: 21 })),
    batchFinished: m.batchFinished(ID, EMPTY_TALLY),
    batchFinishedAfter: m.batchFinished(ID, tally({ done: 2 })),
    needsApp: m.needsSetting({ outcome: 'needs_setting', setting: 'GOOD_JOB_GLOBALID_APP' }, 0),
    needsQueue: m.needsSetting({ outcome: 'needs_setting', setting: 'GOOD_JOB_CALLBACK_QUEUES', jobClass: 'NewCallbackJob' }, 5),
    needsValid: m.needsSetting({ outcome: 'needs_setting', setting: 'GOOD_JOB_CALLBACK_QUEUES', invalid: ['a=b', 'C'] }, 0),
    batchProgress: m.discardBatchProgress(ID, progress({ done: 3500 }, 12800)),
    doneFinished: m.discardBatchDone(ID, tally({ done: 20000 }), { discarded: true, callbacks: [], open: 0, finished: true }),
    doneCallbacks: m.discardBatchDone(ID, tally({ done: 1, gone: 1 }), { discarded: true, callbacks: ['discard', 'finish'], open: 0, finished: false }),
    doneWaiting: m.discardBatchDone(ID, tally({ done: 4, held: 3 }), { discarded: true, callbacks: ['discard'], open: 3, finished: false }),
    doneNothing: m.discardBatchDone(ID, tally({ held: 2 }), { discarded: false, callbacks: [], open: 2, finished: false }),
    pendingLocked: m.finishPending(ID, tally({ done: 200 }), 'locked'),
    pendingError: m.finishPending(ID, tally({ done: 200 }), 'error'),
    bulkProgress: m.bulkProgress('discard', progress({ done: 500, held: 1 }, 12800, true)),
    bulkDone: m.bulkDone('destroy', tally({ done: 2000 })),
    bulkDoneSkips: m.bulkDone('discard', tally({ done: 1, changed: 1 })),
    bulkNothing: m.bulkNothing('reschedule'),
  };
}

describe('the sentences a run answers with', () => {
  for (const locale of LOCALES) {
    it(`are whole, filled-in sentences in ${locale}`, () => {
      const all = allSentences(runSentences(words(locale)));
      for (const [name, text] of Object.entries(all)) {
        expect(text, name).not.toBe('');
        expect(text, name).not.toMatch(/[{}]|undefined|NaN/);
      }
      // What was done is said with its numbers and names.
      expect(all.batchProgress).toMatch(/3[,.\s\u202f\u00a0]?500/);
      expect(all.batchProgress).toMatch(/12[,.\s\u202f\u00a0]?800/);
      expect(all.doneCallbacks).toContain('on_discard, on_finish');
      expect(all.needsQueue).toContain('NewCallbackJob');
      expect(all.needsValid).toContain('a=b, C');
      for (const name of ['stoppedBatch', 'batchProgress', 'doneFinished', 'pendingLocked']) expect(all[name], name).toContain(ID);
      // "Nothing was changed" only where nothing was.
      const nothing = words(locale).result('nothingChangedShort');
      expect(all.needsApp!.startsWith(nothing)).toBe(true);
      expect(all.needsQueue).not.toContain(nothing);
      expect(all.batchFinishedAfter).not.toContain(nothing);
    });
  }

  it('set sentences side by side as each language does', () => {
    const ja = allSentences(runSentences(words('ja')));
    expect(ja.doneWaiting).toMatch(/。[^ ]/);
    expect(ja.doneWaiting).not.toMatch(/。 /);
    const en = allSentences(runSentences(words('en')));
    expect(en.doneWaiting).toBe(`Batch ${ID}: 4 jobs discarded. 3 jobs were skipped: workers are running them. The batch is discarded; it finishes when its 3 running jobs finish. Callback jobs enqueued: on_discard.`);
    expect(en.doneNothing).toBe(`Batch ${ID}: no job was discarded. 2 jobs were skipped: workers are running them. With no job discarded, the batch is left as it was.`);
    expect(en.bulkProgress).toBe('Discard: 501 of about 12,800 jobs handled so far. Press Continue for the rest.');
  });
});
