import { NextResponse } from 'next/server';
import { getSystem } from '@/server/system';

export const dynamic = 'force-dynamic';

/** Liveness for operators and scripts: 200 when every component answers, 503 otherwise. */
export async function GET() {
  try {
    const components = await (await getSystem()).health();
    const status = components.every((c) => c.up) ? 'ok' : 'degraded';
    return NextResponse.json({ status, components }, { status: status === 'ok' ? 200 : 503 });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return NextResponse.json({ status: 'degraded', components: [], error }, { status: 503 });
  }
}
