'use client';

import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { describeError } from '@/lib/describe-error';

export default function WorkbenchError({ error, reset }: { error: Error; reset: () => void }) {
  const described = describeError(error);
  return (
    <div className="p-4">
      <Callout title={described.title}>
        <p>{described.message}</p>
        {described.domainCode ? <p className="font-mono text-2xs opacity-70">{described.domainCode}</p> : null}
      </Callout>
      <Button className="mt-3" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
