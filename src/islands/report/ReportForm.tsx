import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { t } from '../../i18n/tip-line';
import { chinaDay } from '../../schemas/china-day';
import { TIP_LIMITS, VILLAGE_UNKNOWN } from '../../schemas/tip-limits';
import { Field, fieldProps, type FieldErrors } from '../tip-form/Field';
import { fieldErrors } from '../tip-form/issues';
import { PhotoPicker } from '../tip-form/PhotoPicker';
import { loadTipSchema, warmUp } from '../tip-form/submit';
import { SubmitFailure } from '../tip-form/SubmitFailure';
import { SubmitRow } from '../tip-form/SubmitRow';
import { SubmitStatus } from '../tip-form/SubmitStatus';
import { usePhotos } from '../tip-form/usePhotos';
import { useSubmission } from '../tip-form/useSubmission';
import { ReceiptPanel } from './ReceiptPanel';

export interface ReportFormProps {
  villages: string[];
  sectors: string[];
  /** age recipients from content/site.yaml: every tip is encrypted to all of them. */
  recipients: string[];
}

interface Values {
  what: string;
  village: string;
  place: string;
  sector: string;
  unit: string;
  seen: string;
  contact: string;
}
const EMPTY: Values = { what: '', village: '', place: '', sector: '', unit: '', seen: '', contact: '' };

const FIELD_ORDER = ['what', 'village', 'place', 'sector', 'unit', 'seen', 'photos', 'contact'] as const;

export default function ReportForm({ villages, sectors, recipients }: ReportFormProps) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [wantsContact, setWantsContact] = useState(false);
  const photoState = usePhotos();
  const { photos, busy: photoBusy } = photoState;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [success, setSuccess] = useState<{ receipt: string; received: string } | undefined>();
  const { prepare, send, step, progress, busy, failure, setFailure } = useSubmission(recipients);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Set while a submit validates, before `step` says so: a second tap then does nothing.
  const validating = useRef(false);

  const set = (name: keyof Values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  useEffect(() => {
    if (Object.keys(errors).length) summaryRef.current?.focus();
  }, [errors]);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || photoBusy || validating.current) return;
    setFailure(undefined);
    const fields = { ...values, contact: wantsContact ? values.contact : '' };
    const content = JSON.stringify([fields, photos.map((p) => p.previewUrl)]);
    const submission = prepare(content);
    validating.current = true;
    let schema;
    try {
      schema = (await loadTipSchema()).tipForVillages(villages);
    } catch {
      setFailure(t('report.networkError'));
      return;
    } finally {
      validating.current = false;
    }
    const parsed = schema.safeParse({
      version: 1,
      receipt: submission.receipt,
      ...fields,
      photos: photos.map((p) => p.photo),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, FIELD_ORDER, 'what'));
      return;
    }
    setErrors({});

    const accepted = await send(submission, parsed.data);
    if (!accepted) return;
    setSuccess({ receipt: accepted.receipt, received: accepted.received });
    photoState.clear();
    setValues(EMPTY);
    setWantsContact(false);
  }

  if (success) {
    return (
      <ReceiptPanel receipt={success.receipt} received={success.received} onAnother={() => setSuccess(undefined)} />
    );
  }

  const errorList = FIELD_ORDER.filter((f) => errors[f]);
  const today = chinaDay();

  return (
    <form
      className="tip-form"
      method="post"
      noValidate
      onSubmit={(event) => void submit(event)}
      onFocus={warmUp}
      onPointerDown={warmUp}
      aria-label={t('report.formLabel')}
    >
      {errorList.length > 0 && (
        <div
          className="error-summary"
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="error-summary-title"
        >
          <h2 id="error-summary-title">{t('report.errorSummary')}</h2>
          <ul>
            {errorList.map((field) => (
              <li key={field}>
                <a href={`#report-${field}`}>{errors[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <Field name="what" label={t('report.what')} required hint={t('report.whatHint')} errors={errors}>
        <textarea
          {...fieldProps('what', errors, true)}
          rows={6}
          maxLength={TIP_LIMITS.what}
          value={values.what}
          onChange={(e) => set('what')(e.target.value)}
        />
      </Field>

      <Field name="village" label={t('report.village')} required errors={errors}>
        <select
          {...fieldProps('village', errors)}
          value={values.village}
          onChange={(e) => set('village')(e.target.value)}
        >
          <option value="">{t('report.villageChoose')}</option>
          {villages.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value={VILLAGE_UNKNOWN}>{t('report.villageUnknown')}</option>
        </select>
      </Field>

      <Field name="place" label={t('report.place')} hint={t('report.placeHint')} errors={errors}>
        <input
          {...fieldProps('place', errors, true)}
          type="text"
          maxLength={TIP_LIMITS.place}
          value={values.place}
          onChange={(e) => set('place')(e.target.value)}
        />
      </Field>

      <Field name="sector" label={t('report.sector')} errors={errors}>
        <select {...fieldProps('sector', errors)} value={values.sector} onChange={(e) => set('sector')(e.target.value)}>
          <option value="">{t('report.sectorNone')}</option>
          {sectors.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </Field>

      <Field name="unit" label={t('report.unit')} errors={errors}>
        <input
          {...fieldProps('unit', errors)}
          type="text"
          maxLength={TIP_LIMITS.unit}
          value={values.unit}
          onChange={(e) => set('unit')(e.target.value)}
        />
      </Field>

      <Field name="seen" label={t('report.seen')} errors={errors}>
        <input
          {...fieldProps('seen', errors)}
          type="date"
          max={today}
          min="2000-01-01"
          value={values.seen}
          onChange={(e) => set('seen')(e.target.value)}
        />
      </Field>

      <PhotoPicker
        state={photoState}
        error={errors.photos}
        onError={(message) => setErrors((e) => ({ ...e, photos: message }))}
      />

      <fieldset className="tip-contact">
        <legend>
          {t('report.contactTitle')}
          <span className="field-optional">{t('report.optional')}</span>
        </legend>
        <p className="warning-text" id="report-contact-warning">
          {t('report.contactWarning')}
        </p>
        <div className="checkbox">
          <input
            id="report-wants-contact"
            type="checkbox"
            checked={wantsContact}
            onChange={(e) => setWantsContact(e.target.checked)}
            aria-describedby="report-contact-warning"
          />
          <label htmlFor="report-wants-contact">{t('report.contactToggle')}</label>
        </div>
        {wantsContact && (
          <Field name="contact" label={t('report.contact')} errors={errors}>
            <input
              {...fieldProps('contact', errors)}
              type="text"
              maxLength={TIP_LIMITS.contact}
              value={values.contact}
              onChange={(e) => set('contact')(e.target.value)}
            />
          </Field>
        )}
      </fieldset>

      {failure && <SubmitFailure id="submit-failure" heading="h2" title={t('report.failedTitle')} message={failure} />}

      <SubmitRow
        busy={busy || photoBusy}
        failed={Boolean(failure)}
        label={t('report.submit')}
        retryLabel={t('report.retry')}
      />

      <SubmitStatus step={step} progress={progress} />
    </form>
  );
}
