import { t } from '../../i18n/tip-line';
import type { SubmitStep } from '../../lib/tips/submit';

/** Where a submission is (encrypting, proof of work with its progress, sending), announced politely. */
export function SubmitStatus({ step, progress }: { step: SubmitStep | 'idle'; progress: number }) {
  const percent = Math.round(progress * 100);
  return (
    <div className="submit-status" role="status" aria-live="polite">
      {step === 'encrypting' && <p>{t('report.stepEncrypting')}</p>}
      {(step === 'challenge' || step === 'solving') && (
        <>
          <p>{t('report.stepPow')}</p>
          <progress aria-label={t('report.stepPowLabel')} max={100} value={percent}>
            {percent}%
          </progress>
        </>
      )}
      {step === 'sending' && <p>{t('report.stepSending')}</p>}
    </div>
  );
}
