'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    const res = await fetch('/api/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ actor: email.trim(), name: name.trim() }),
    }).catch(() => null);
    if (!res?.ok) {
      setBusy(false);
      setError(res ? ((await res.json()) as { issues?: { message: string }[] }).issues?.[0]?.message ?? 'Sign-in failed' : 'The server did not answer');
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form
      className="space-y-3 px-4 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field id="sign-in-name" label="Name">
        <Input id="sign-in-name" autoFocus required value={name} onChange={(e) => setName(e.target.value)} placeholder="Ada Lovelace" autoComplete="name" />
      </Field>
      <Field id="sign-in-email" label="E-mail">
        <Input id="sign-in-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} placeholder="ada@example.com" autoComplete="email" />
      </Field>
      {error ? <Callout title="Could not sign in">{error}</Callout> : null}
      <Button type="submit" variant="primary" disabled={busy} className="w-full justify-center">
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
