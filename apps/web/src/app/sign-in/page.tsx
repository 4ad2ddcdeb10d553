import type { Metadata } from 'next';
import { SignInForm } from '@/features/session/sign-in-form';
import { Icon } from '@/components/ui/icons';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only same-site paths: an open redirect through the sign-in page would be a phishing tool.
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/ontology';
  return (
    <div className="flex min-h-full items-center justify-center bg-zinc-900 p-6">
      <div className="w-80 rounded-md border border-zinc-700 bg-white shadow-2xl">
        <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-3">
          <Icon name="logo" className="text-amber-500" />
          <div>
            <h1 className="text-sm font-semibold text-zinc-900">Sign in to Spice Harvester</h1>
            <p className="text-2xs text-zinc-500">Development sign-in: your name and e-mail are recorded on every change.</p>
          </div>
        </div>
        <SignInForm next={target} />
      </div>
    </div>
  );
}
