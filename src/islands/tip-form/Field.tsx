import type { ReactNode } from 'react';
import { t } from '../../i18n/tip-line';

export type FieldErrors = Partial<Record<string, string>>;

/** A field's id is its form's and its own name: `report-what` on the tip form, `follow-up-text` below a receipt. */
const fieldId = (name: string, form: string) => `${form}-${name}`;

/** Props that tie a control to its label, hint and error (GOV.UK pattern). */
export function fieldProps(name: string, errors: FieldErrors, hasHint = false, form = 'report') {
  const id = fieldId(name, form);
  const describedBy = [hasHint ? `${id}-hint` : '', errors[name] ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    id,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

export function Field(props: {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors: FieldErrors;
  /** The form's id prefix (see fieldProps); the tip form's by default. */
  form?: string;
  children: ReactNode;
}) {
  const error = props.errors[props.name];
  const id = fieldId(props.name, props.form ?? 'report');
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {props.label}
        <span className={props.required ? 'field-required' : 'field-optional'}>
          {props.required ? t('report.required') : t('report.optional')}
        </span>
      </label>
      {props.hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p className="field-message" id={`${id}-error`}>
          <span className="visually-hidden">错误：</span>
          {error}
        </p>
      )}
      {props.children}
    </div>
  );
}
