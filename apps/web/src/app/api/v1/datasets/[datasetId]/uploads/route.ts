import { handleUpload } from '@/server/datasets/upload-handler';

export const dynamic = 'force-dynamic';

export async function POST(req: Request, { params }: { params: Promise<{ datasetId: string }> }) {
  return handleUpload(req, (await params).datasetId);
}
