import type { ComponentChildren, VNode } from 'preact';
import type { FieldError } from './errors.ts';

/**
 * Form building blocks on KERN UX, following the GOV.UK pattern: an error summary at the top that
 * links to each field, the message above the field, values kept (style.md rule 7).
 */
export function ErrorSummary(props: { errors: FieldError[] }): VNode | null {
  if (props.errors.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger error-summary" role="alert" tabIndex={-1}>
      <div class="kern-alert__header">
        <h2 class="kern-title">Bitte korrigieren Sie Ihre Eingaben</h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {props.errors.map((e) => (
            <li key={e.field + e.message}>
              <a class="kern-link" href={`#${fieldId(e.field)}`}>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function fieldId(name: string): string {
  return `feld-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Form fields named with dots (site.gemarkung, turbines.0.type) as nested objects and arrays. */
export function unflattenForm(body: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    const parts = name.split('.');
    if (parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node: Record<string, unknown> = result;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return result;
}

function errorFor(errors: FieldError[] | undefined, name: string): string | undefined {
  return errors?.find((e) => e.field === name)?.message;
}

interface FieldBase {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
}

/** Label, hint and error message of one field, and the ARIA attributes that tie them to it. */
function describeField(props: FieldBase) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  const described = [props.hint ? `${id}-hinweis` : '', error ? `${id}-fehler` : '']
    .filter(Boolean)
    .join(' ');
  return {
    id,
    error,
    aria: {
      'aria-describedby': described || undefined,
      'aria-invalid': error ? ('true' as const) : undefined,
    },
  };
}

function FieldShell(props: FieldBase & { optional?: boolean; children: ComponentChildren }): VNode {
  const { id, error } = describeField(props);
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {props.label}
        {props.optional ? <span class="kern-label__optional"> – optional</span> : null}
      </label>
      {props.hint ? (
        <div class="kern-hint" id={`${id}-hinweis`}>
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${id}-fehler`}>
          <span class="kern-sr-only">Fehler: </span>
          {error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

export function TextField(
  props: FieldBase & {
    value?: string;
    type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search';
    required?: boolean;
    autocomplete?: string;
    width?: 'width-2' | 'width-4' | 'width-date';
    inputMode?: 'numeric' | 'text';
  },
): VNode {
  const { id, error, aria } = describeField(props);
  const width = props.width ? ` kern-form-input__input--${props.width}` : '';
  return (
    <FieldShell {...props} optional={props.required === false}>
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}${width}`}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        required={props.required ?? false}
        {...aria}
      />
    </FieldShell>
  );
}

export function TextArea(
  props: FieldBase & { value?: string; rows?: number; required?: boolean },
): VNode {
  const { id, error, aria } = describeField(props);
  return (
    <FieldShell {...props} optional={props.required === false}>
      <textarea
        class={`kern-form-input__input textarea${error ? ' kern-form-input__input--error' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        {...aria}
      >
        {props.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function Checkbox(props: {
  name: string;
  label: string;
  checked: boolean;
  value?: string;
}): VNode {
  const id = fieldId(props.name + (props.value ? `-${props.value}` : ''));
  return (
    <div class="kern-form-check">
      <input
        class="kern-form-check__checkbox"
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value ?? 'true'}
        checked={props.checked}
      />
      <label class="kern-label" for={id}>
        {props.label}
      </label>
    </div>
  );
}

export function SelectField(
  props: FieldBase & { options: { value: string; label: string }[]; value?: string },
): VNode {
  const { id, error, aria } = describeField(props);
  return (
    <FieldShell {...props}>
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={id}
          name={props.name}
          {...aria}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </FieldShell>
  );
}

export function CsrfField(props: { token: string }): VNode {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function SubmitButton(props: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'tertiary';
}): VNode {
  return (
    <button type="submit" class={`kern-btn kern-btn--${props.variant ?? 'primary'}`}>
      <span class="kern-label">{props.children}</span>
    </button>
  );
}

export function Notice(props: {
  kind: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  children?: ComponentChildren;
}): VNode {
  return (
    <div
      class={`kern-alert kern-alert--${props.kind}`}
      role={props.kind === 'danger' ? 'alert' : 'status'}
    >
      <div class="kern-alert__header">
        <h2 class="kern-title">{props.title}</h2>
      </div>
      {props.children ? <div class="kern-alert__body">{props.children}</div> : null}
    </div>
  );
}
