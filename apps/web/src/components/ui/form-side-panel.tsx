import type { ReactNode } from 'react';
import { Button } from './button';
import { SidePanel } from './side-panel';

/**
 * A side panel holding one form: the footer's primary button submits it (Enter in a field does too), Cancel
 * closes it. The form is labelled with the panel's title, which is how journeys and screen readers find it.
 */
export function FormSidePanel({
  open = true,
  title,
  description,
  formId,
  submitLabel,
  pendingLabel,
  pending,
  onClose,
  onSubmit,
  children,
}: {
  open?: boolean;
  title: string;
  description?: string;
  formId: string;
  submitLabel: string;
  pendingLabel?: string;
  pending: boolean;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <SidePanel
      open={open}
      onClose={onClose}
      title={title}
      {...(description ? { description } : {})}
      footer={
        <>
          <Button variant="primary" type="submit" form={formId} disabled={pending}>
            {pending && pendingLabel ? pendingLabel : submitLabel}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </>
      }
    >
      <form
        id={formId}
        aria-label={title}
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <button type="submit" hidden />
      </form>
    </SidePanel>
  );
}
