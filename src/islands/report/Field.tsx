import type { ReactNode } from 'react';
import { t } from '../../i18n/tip-line';

export type FieldErrors = Partial<Record<string, string>>;

const id = (name: string) => `report-${name}`;

/** Props that tie a control to its label, hint and error (GOV.UK pattern). */
export function fieldProps(name: string, errors: FieldErrors, hasHint = false) {
  const describedBy = [hasHint ? `${id(name)}-hint` : '', errors[name] ? `${id(name)}-error` : '']
    .filter(Boolean)
    .join(' ');
  return {
    id: id(name),
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
  children: ReactNode;
}) {
  const error = props.errors[props.name];
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id(props.name)}>
        {props.label}
        <span className={props.required ? 'field-required' : 'field-optional'}>
          {props.required ? t('report.required') : t('report.optional')}
        </span>
      </label>
      {props.hint && (
        <p className="field-hint" id={`${id(props.name)}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p className="field-message" id={`${id(props.name)}-error`}>
          <span className="visually-hidden">错误：</span>
          {error}
        </p>
      )}
      {props.children}
    </div>
  );
}
