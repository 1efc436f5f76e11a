import { useState } from 'react';
import { t } from '../../i18n/tip-line';
import type { Sealable } from '../../schemas/tip';
import type { Submission, SubmitOutcome, SubmitStep } from '../../lib/tips/submit';
import { browserSubmitter } from './submit';

type Accepted = Extract<SubmitOutcome, { ok: true }>;

/**
 * The submit protocol as form state, shared by the tip form and the follow-up form: the step and
 * proof-of-work progress to show, and why the last attempt failed. The submitter keeps one
 * submission per form content, so a retry resends the same bytes.
 */
export function useSubmission(recipients: readonly string[], options: { receipt?: string } = {}) {
  const [submitter] = useState(() => browserSubmitter(recipients, options));
  const [step, setStep] = useState<SubmitStep | 'idle'>('idle');
  const [progress, setProgress] = useState(0);
  const [failure, setFailure] = useState<string | undefined>();

  /** Runs the protocol; the accepted outcome, or undefined once `failure` says why not. */
  async function send(submission: Submission, tip: Sealable): Promise<Accepted | undefined> {
    try {
      const outcome = await submitter.submit(submission, tip, { onStep: setStep, onProgress: setProgress });
      if (outcome.ok) return outcome;
      setFailure(outcome.message);
    } catch {
      setFailure(t('report.networkError'));
    } finally {
      setStep('idle');
    }
    return undefined;
  }

  const prepare = (content: string) => submitter.prepare(content);
  return { prepare, send, step, progress, busy: step !== 'idle', failure, setFailure };
}
