import type { Metadata } from 'next';
import { IngestReview } from '@/features/datasets/ingest/ingest-review';

export const metadata: Metadata = { title: 'Review upload' };

export default async function IngestReviewPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  return <IngestReview jobId={jobId} />;
}
