import { notFound } from 'next/navigation';
import { SECTIONS } from '@/components/shell/sections';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

/** Rail sections that don't have a page yet say what they will hold. */
export default async function ComingSection({ params }: { params: Promise<{ section: string }> }) {
  const { section: slug } = await params;
  const section = SECTIONS.find((s) => s.slug === slug && !s.built);
  if (!section) notFound();
  return (
    <>
      <PageHeader section={section.label} title={section.label} description={section.summary} />
      <div className="m-4 rounded-md border border-zinc-200 bg-white">
        <EmptyState title={`${section.label} is coming`}>
          <p>{section.summary}</p>
          <p className="mt-1">This section is not built yet; the rail keeps its place so the workbench layout stays stable.</p>
        </EmptyState>
      </div>
    </>
  );
}
