import type { Metadata } from 'next';
import { ProfileTab } from '@/features/datasets/profile/profile-tab';

export const metadata: Metadata = { title: 'Dataset profile' };

export default function DatasetProfilePage() {
  return <ProfileTab />;
}
