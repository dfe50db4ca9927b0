import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { isReadOnly } from '../config';
import type { Locale } from '../i18n/routing';
import { nextSeq, type ActionOutcome, type ActionState } from './action-state';
import { logUnexpected } from '../db/load';
import { logAction, type AuditEntry } from './audit';
import { authorizeAction, type Caller } from './authorize';

export type Answer = (outcome: ActionOutcome, message: string) => ActionState;
type Translate = Awaited<ReturnType<typeof getTranslations<'ActionResult'>>>;

export type Admission<T> = { refused: ActionState } | { input: T; form: FormData; caller: Caller; t: Translate; answer: Answer };

interface Audit<T> {
  /** The action's name in the audit line, from the valid input's or the form's `action` field (null: none sent). */
  name: (action: string | null) => string;
  /** What a read-only refusal names besides the action (the job, the batch). */
  subject?: (input: T) => { jobId?: string; batchId?: string };
}

/**
 * What every server action checks before it changes anything, in this order: the request is a form (a public endpoint
 * may decode to anything: not a form is answered as an empty, invalid one), the caller may act, the input is valid, the
 * dashboard is not read-only. Each refusal writes its audit line and is answered in the request's language.
 */
export async function beginAction<T extends { locale: Locale }>(previous: unknown, received: unknown, schema: z.ZodType<T>, audit: Audit<T>): Promise<Admission<T>> {
  const form = received instanceof FormData ? received : new FormData();
  const parsed = schema.safeParse(Object.fromEntries(form));
  const t = await getTranslations({ locale: parsed.success ? parsed.data.locale : 'en', namespace: 'ActionResult' });
  const answer: Answer = (outcome, message) => ({ outcome, message, seq: nextSeq(previous) });
  const sent = form.get('action');
  const given = parsed.success ? (parsed.data as { action?: unknown }).action : undefined;
  const action = audit.name(typeof given === 'string' ? given : sent === null ? null : String(sent));
  const { ok, caller } = await authorizeAction();
  if (!ok) {
    logAction(caller, { action, outcome: 'unauthorized' });
    return { refused: answer('unauthorized', t('unauthorized')) };
  }
  if (!parsed.success) {
    logAction(caller, { action, outcome: 'invalid' });
    return { refused: answer('invalid', t('invalid')) };
  }
  if (isReadOnly()) {
    logAction(caller, { action, ...audit.subject?.(parsed.data), outcome: 'refused' });
    return { refused: answer('refused', t('refused')) };
  }
  return { input: parsed.data, form, caller, t, answer };
}

/**
 * An admitted action's body, so that a bug anywhere in it is logged and answered in the request's language, with its
 * audit line — never Next's error page. The answer cannot say what changed (the bug may come after a commit), so it
 * says so and asks for a reload; a command's own failure is answered by commandOrFault instead ("nothing changed").
 */
export async function answerErrors<S extends ActionState>(gate: { caller: Caller; t: Translate; answer: Answer }, entry: Omit<AuditEntry, 'outcome'>, body: () => Promise<S>, fallback: (state: ActionState) => S): Promise<S> {
  try {
    return await body();
  } catch (error) {
    unstable_rethrow(error);
    logUnexpected('action_failed', error);
    logAction(gate.caller, { ...entry, outcome: 'error' });
    return fallback(gate.answer('error', gate.t('errorUnknown')));
  }
}

export type Admitted<T> = Exclude<Admission<T>, { refused: ActionState }>;

interface Wrapped<T, S extends ActionState> extends Audit<T> {
  /** What the audit line of a failure names (the action, the job or batch, the run). */
  entry: (gate: Admitted<T>) => Omit<AuditEntry, 'outcome'>;
  /** The form's answer for a refusal (ActionState as is; a step answers with no run). */
  refused: (state: ActionState) => S;
  /** The form's answer for a bug inside the body (answerErrors). */
  failed: (state: ActionState, gate: Admitted<T>) => S;
}

/**
 * A server action in one call: its preamble (beginAction: form, caller, input, read-only — each refusal answered as
 * `refused` says), then its body with bugs answered (answerErrors), so that no action unpacks the admission by hand.
 */
export async function serverAction<T extends { locale: Locale }, S extends ActionState>(
  previous: unknown,
  received: unknown,
  schema: z.ZodType<T>,
  how: Wrapped<T, S>,
  body: (gate: Admitted<T>) => Promise<S>,
): Promise<S> {
  const gate = await beginAction(previous, received, schema, how);
  if ('refused' in gate) return how.refused(gate.refused);
  return answerErrors(gate, how.entry(gate), () => body(gate), (state) => how.failed(state, gate));
}
